// gold_vs_silver_speedup: the same figures read the way the app reads them (the KPI layer's
// SQL over gold, lib/kpi/kpi-sql.ts) and computed on the fly from silver following the
// registry's definitions (non-cancelled orders; line revenue = quantity × unit price −
// discount; Paris order date). Both must give the same rows; ratio = silver time / gold time.
import type pg from "pg";
import { kpiSql, kpiValueSql, type Grain } from "../../lib/kpi/kpi-sql";
import { getKpi, type Dimension } from "../../lib/kpi/registry";
import { median } from "./http-session";

type Case = { kpi: "revenue" | "orders" | "units"; grain: Grain; by: Extract<Dimension, "category"> | null; days: number };

const CASES: Case[] = [
  { kpi: "revenue", grain: "day", by: null, days: 90 },
  { kpi: "revenue", grain: "day", by: null, days: 365 },
  { kpi: "orders", grain: "day", by: null, days: 365 },
  { kpi: "units", grain: "week", by: null, days: 365 },
  { kpi: "revenue", grain: "day", by: "category", days: 90 },
  { kpi: "revenue", grain: "month", by: "category", days: 365 },
  { kpi: "units", grain: "month", by: "category", days: 365 },
];
const RUNS = 3;

const PERIOD: Record<Grain, string> = { day: "YYYY-MM-DD", week: `IYYY-"W"IW`, month: "YYYY-MM" };
const SILVER_VALUE = {
  revenue: "round(sum(l.quantity * l.unit_price - l.discount_amount), 2)",
  units: "sum(l.quantity)",
  orders: "count(*)",
};

/** The registry's definition straight from silver: (period, key, value) like the app's rows. */
function silverSql(c: Case): string {
  const lines = c.kpi === "orders" ? "" : "JOIN silver_order_lines l ON l.order_id = o.order_id";
  const products = c.by === "category" ? "JOIN silver_products p ON p.sku = l.sku" : "";
  return `SELECT to_char(o.order_date, '${PERIOD[c.grain]}') AS period, ${c.by ? "p.category" : "NULL"}::text AS key, ${SILVER_VALUE[c.kpi]}::text AS value
    FROM silver_orders o ${lines} ${products}
   WHERE o.status <> 'cancelled' AND o.order_date BETWEEN $1::date AND $2::date GROUP BY 1, 2 ORDER BY 1, 2`;
}

// The statement getKpiSeries runs for a series.
function goldSql(c: Case): string {
  const kpi = getKpi(c.kpi)!;
  return `SELECT period, key, ${kpiValueSql(kpi)} AS value FROM (${kpiSql(kpi, c.grain, c.by).text}) s`;
}

export async function goldVsSilver(pool: pg.Pool, anchor: string, log: (m: string) => void) {
  let goldMs = 0;
  let silverMs = 0;
  for (const c of CASES) {
    const range = [shift(anchor, 1 - c.days), anchor];
    const [gold, silver] = [goldSql(c), silverSql(c)];
    const [g, s] = [await rows(pool, gold, range), await rows(pool, silver, range)];
    const label = `${c.kpi} by ${c.by ?? c.grain} over ${c.days} days`;
    const diff = firstDifference(g, s);
    if (diff) throw new Error(`gold and silver disagree on ${label}: ${diff}`);
    // Alternated so a busy moment of the machine hits both sides; each side keeps its median.
    const times: { gold: number[]; silver: number[] } = { gold: [], silver: [] };
    for (let run = 0; run < RUNS; run++) {
      times.gold.push(await timed(pool, gold, range));
      times.silver.push(await timed(pool, silver, range));
    }
    goldMs += median(times.gold);
    silverMs += median(times.silver);
    log(`${label}: ${g.length} rows equal; gold ${median(times.gold).toFixed(1)} ms, silver ${median(times.silver).toFixed(1)} ms`);
  }
  return { goldMs, silverMs, cases: CASES.length };
}

type Row = { period: string; key: string | null; value: string | null };

async function rows(pool: pg.Pool, sql: string, range: string[]): Promise<Row[]> {
  const key = (r: Row) => `${r.period}\u0000${r.key ?? ""}`;
  return (await pool.query<Row>(sql, range)).rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function timed(pool: pg.Pool, sql: string, range: string[]): Promise<number> {
  const t0 = performance.now();
  await pool.query(sql, range);
  return performance.now() - t0;
}

// Values compared as decimals (gold says "12.50" where a silver count says "12"): same digits
// once trailing zeros of the fraction are dropped.
function firstDifference(gold: Row[], silver: Row[]): string | null {
  if (!gold.length) return "no gold rows";
  const canon = (v: string | null) => (v === null ? "null" : v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v);
  for (let i = 0; i < Math.max(gold.length, silver.length); i++) {
    const [g, s] = [gold[i], silver[i]];
    if (!g || !s || g.period !== s.period || g.key !== s.key || canon(g.value) !== canon(s.value)) {
      return `row ${i}: gold ${JSON.stringify(g)} vs silver ${JSON.stringify(s)}`;
    }
  }
  return null;
}

export function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
