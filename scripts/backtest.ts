// `npm run backtest [-- --json] [--dir DIR] [--only KEY,…] [--anomaly-seed N]`: accuracy of the
// analytics models on generated m-scale data whose truth is known (ground_truth.json). Generates
// the data once into .data/backtest-m (gitignored), prints a table, and with --json ends with ONE
// JSON object on the last line. Sections live in scripts/backtest/, one per file; add one by
// appending to SECTIONS. The anomaly section brings its own data (see anomalies.ts).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { GroundTruthManifest } from "../lib/generator/manifest";
import { anomalyDetection } from "./backtest/anomalies";
import { forecastAccuracy } from "./backtest/forecast-accuracy";
import { loadGeneratedSeries } from "./backtest/generated-series";
import { promoUplift } from "./backtest/promo-uplift";
import { jsonLine, runSections } from "./lib/run-sections";
import { meetsTarget, type BacktestContext, type BacktestSection, type Figure } from "./backtest/support";

const SECTIONS: Record<string, BacktestSection> = {
  forecast: forecastAccuracy,
  promo_uplift: promoUplift,
  anomalies: anomalyDetection,
};

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    dir: { type: "string", default: ".data/backtest-m" },
    only: { type: "string" },
    "anomaly-seed": { type: "string", default: "42" },
  },
});

const log = (message: string) => console.error(`[backtest] ${message}`);

async function main(): Promise<number> {
  const only = args.only?.split(",").map((s) => s.trim());
  for (const name of only ?? []) if (!(name in SECTIONS)) throw new Error(`--only: unknown section ${name} (one of ${Object.keys(SECTIONS).join(", ")})`);
  const dir = path.resolve(args.dir);
  // The m-scale data only once a section asks for it (the anomaly section brings its own).
  let mScale: Pick<BacktestContext, "manifest" | "series"> | undefined;
  const data = () => (mScale ??= loadMScale(dir));
  const ctx: BacktestContext = {
    dir,
    anomalySeed: Number(args["anomaly-seed"]),
    log,
    get manifest() {
      return data().manifest;
    },
    get series() {
      return data().series;
    },
  };
  const { figures, failures } = await runSections(Object.entries(SECTIONS).filter(([n]) => !only || only.includes(n)), ctx, log);
  printTable(figures);
  if (args.json) console.log(jsonLine(figures, failures));
  return failures.length || figures.some((f) => !meetsTarget(f)) ? 1 : 0;
}

function loadMScale(dir: string): Pick<BacktestContext, "manifest" | "series"> {
  const manifestFile = path.join(dir, "ground_truth.json");
  if (!existsSync(manifestFile)) {
    log(`generating m-scale data into ${dir} (once, several minutes)…`);
    execFileSync("npx", ["tsx", "scripts/generate.ts", "--out", dir, "--scale", "m", "--seed", "42"], { stdio: ["ignore", "inherit", "inherit"] });
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as GroundTruthManifest;
  return { manifest, series: loadGeneratedSeries(dir, manifest, log) };
}

function printTable(figures: Figure[]) {
  const target = (f: Figure) => (f.target ? [f.target.min !== undefined ? `≥ ${f.target.min}` : "", f.target.max !== undefined ? `≤ ${f.target.max}` : ""].filter(Boolean).join(" and ") : "");
  const rows = figures.map((f) => [f.key, String(f.value), target(f), f.target ? (meetsTarget(f) ? "ok" : "MISSED") : "", f.note ?? ""]);
  const header = ["figure", "value", "target", "", "how"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
