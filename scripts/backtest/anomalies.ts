// Backtest section: anomaly detection at default thresholds against the anomalies the generator
// planted (ground_truth.json), counted per day × metric × scope. The data: s-scale exports over
// the default two years (seed 42 unless --anomaly-seed; generated once into .data/, shared with
// `npm run bench`), run through the real pipeline (analytics steps off) on a throwaway PostgreSQL.
// - Recall: share of planted (day, metric, scope) cells found. A planted payment outage
//   (captured payments) is found by a drop of total orders or revenue that day.
// - Precision: share of alerts that point at a planted incident: same day, a sales metric
//   (revenue, orders, AOV, conversion) and a scope that contains or is contained in the planted
//   one (a tripling of all orders rightly shows in every channel too). Everything else — a
//   stock-out rate, a return rate, any day without a planted incident — is a false alarm.
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { detectAnomalies, type Anomaly } from "../../lib/alerts/anomaly/detect-anomalies";
import { createPool } from "../../lib/db/pool";
import type { GroundTruthManifest } from "../../lib/generator/manifest";
import { loadDataset } from "../bench/generated-dataset";
import { startBenchDb } from "../bench/support";
import type { BacktestSection } from "./support";

/** Days of web events loaded: each day's file takes seconds (two years would take an hour), and
 * enough days for the conversion rate to be judged for a few weeks. */
const WEB_DAYS = 90;

export const anomalyDetection: BacktestSection = {
  name: "anomaly detection",
  async run({ anomalySeed, log }) {
    const db = await startBenchDb();
    try {
      const url = await db.database("backtest_anomalies");
      const dir = await loadDataset(url, "s", db.tmp, WEB_DAYS, log, { seed: anomalySeed, analytics: false });
      const truth = JSON.parse(readFileSync(path.join(dir, "ground_truth.json"), "utf8")) as GroundTruthManifest;
      const pool = createPool({ connectionString: url, max: 4 });
      try {
        const { anomaly_precision, anomaly_recall } = await run({ pool, truth, say: log });
        const how = `s scale, 2 years, seed ${anomalySeed}, default thresholds`;
        return [
          { key: "anomaly_precision", value: Number(anomaly_precision.toFixed(3)), target: { min: 0.8 }, note: `share of alerts explained by a planted incident (${how})` },
          { key: "anomaly_recall", value: Number(anomaly_recall.toFixed(3)), target: { min: 0.9 }, note: "share of planted day × metric × scope cells alerted" },
        ];
      } finally {
        await pool.end();
      }
    } finally {
      await db.close();
    }
  },
};

type Ctx = { pool: pg.Pool; truth: GroundTruthManifest; say: (line: string) => void; timeZone?: string };
type Cell = { day: string; metrics: string[]; scopeType: string; scopeValue: string | null; id: string };

const SALES_METRICS = new Set(["revenue", "orders", "aov", "conversion_rate"]);

function plantedCells(truth: GroundTruthManifest): Cell[] {
  const cells: Cell[] = [];
  for (const a of truth.anomalies) {
    const metrics = a.metric === "captured_payments" ? ["orders", "revenue"] : [a.metric];
    for (let t = Date.parse(`${a.from}T00:00:00Z`); t <= Date.parse(`${a.to}T00:00:00Z`); t += 86_400_000) {
      cells.push({ day: new Date(t).toISOString().slice(0, 10), metrics, scopeType: a.scope.type, scopeValue: a.scope.value, id: a.id });
    }
  }
  return cells;
}

const finds = (x: Anomaly, c: Cell) => x.day === c.day && c.metrics.includes(x.metric) && x.scopeType === c.scopeType && (x.scopeValue ?? null) === (c.scopeValue ?? null);
const explains = (x: Anomaly, c: Cell) =>
  x.day === c.day && SALES_METRICS.has(x.metric) && (c.scopeType === "total" || x.scopeType === "total" || (x.scopeType === c.scopeType && x.scopeValue === c.scopeValue));

export async function run(ctx: Ctx): Promise<{ anomaly_precision: number; anomaly_recall: number }> {
  const found = await detectAnomalies(ctx.pool, ctx.timeZone ?? "Europe/Paris", []);
  const cells = plantedCells(ctx.truth);
  const hits = cells.filter((c) => found.some((x) => finds(x, c)));
  const right = found.filter((x) => cells.some((c) => explains(x, c)));
  const recall = cells.length ? hits.length / cells.length : 1;
  const precision = found.length ? right.length / found.length : 1;
  ctx.say(`anomalies: ${cells.length} planted day×metric×scope cells, ${hits.length} found; ${found.length} alerts, ${right.length} explained by a planted incident`);
  for (const c of cells) ctx.say(`  ${hits.includes(c) ? "found " : "MISSED"} ${c.id} ${c.day} ${c.metrics.join("|")} ${c.scopeType}${c.scopeValue ? `=${c.scopeValue}` : ""}`);
  for (const x of found.filter((f) => !right.includes(f))) {
    ctx.say(`  false alarm ${x.day} ${x.metric} ${x.scopeType}${x.scopeValue ? `=${x.scopeValue}` : ""}: observed ${x.observed.toFixed(3)} expected ${x.expected.toFixed(3)} (score ${x.score.toFixed(1)})`);
  }
  ctx.say(`anomaly precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  return { anomaly_precision: precision, anomaly_recall: recall };
}
