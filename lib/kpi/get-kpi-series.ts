// A KPI over a date range at a grain, optionally split by a dimension, with its total and the
// previous period of the same length for comparison. Values are decimal strings (money: 2
// places, ratios: 4), computed in PostgreSQL numeric — never floats.
import { addDays } from "../dates/add-days";
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { applicableFilter, kpiSql, kpiValueSql, type Grain, type KpiFilter, type KpiStatement } from "./kpi-sql";
import type { Dimension, KpiDefinition } from "./registry";

export type KpiQuery = { from: string; to: string; grain: Grain; by: Dimension | null; top?: number; filter?: KpiFilter };
export type KpiPoint = { period: string; value: string | null; key?: string };

export async function getKpiSeries(pool: pg.Pool, actor: CurrentUser, kpi: KpiDefinition, q: KpiQuery) {
  assertCan(actor, "kpi:read");
  const run = async (sql: KpiStatement, from: string, to: string) =>
    (await pool.query<{ period: string; key: string | null; value: string | null }>(`SELECT period, key, ${kpiValueSql(kpi)} AS value FROM (${sql.text}) s`, [from, to, ...sql.values])).rows;
  const filter = applicableFilter(kpi, q.filter);
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
  const prevTo = addDays(q.from, -1);
  const prevFrom = addDays(q.from, -days);
  const [all, total, previous, perKey] = await Promise.all([
    run(kpiSql(kpi, q.grain, q.by, { filter }), q.from, q.to),
    run(kpiSql(kpi, q.grain, null, { whole: true, filter }), q.from, q.to),
    run(kpiSql(kpi, q.grain, null, { whole: true, filter }), prevFrom, prevTo),
    q.by && q.top ? run(kpiSql(kpi, q.grain, q.by, { whole: true, filter }), q.from, q.to) : Promise.resolve([]),
  ]);
  // Top N keys by their total over the range (e.g. the 10 best-selling products).
  const kept = q.top ? new Set(perKey.filter((r) => r.value !== null).sort((a, b) => compareDecimal(b.value!, a.value!)).slice(0, q.top).map((r) => r.key)) : null;
  const series = kept ? all.filter((r) => kept.has(r.key)) : all;
  return {
    kpi: kpi.id,
    unit: kpi.unit,
    grain: q.grain,
    from: q.from,
    to: q.to,
    by: q.by,
    /** The filters applied; a requested filter the KPI cannot honour is absent. */
    filter,
    ...(kept ? { top: perKey.filter((r) => kept.has(r.key)).sort((a, b) => compareDecimal(b.value!, a.value!)).map((r) => ({ key: r.key ?? "", value: r.value })) } : {}),
    series: series.map((r): KpiPoint => (q.by ? { period: r.period, key: r.key ?? "", value: r.value } : { period: r.period, value: r.value })),
    total: total[0]?.value ?? null,
    previous: { from: prevFrom, to: prevTo, total: previous[0]?.value ?? null },
  };
}
export type KpiSeries = Awaited<ReturnType<typeof getKpiSeries>>;

// Compares decimal strings exactly (no float): by sign, integer length, then digits.
export function compareDecimal(a: string, b: string): number {
  const neg = (x: string) => x.startsWith("-");
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const sign = neg(a) ? -1 : 1;
  const [ai, af = ""] = a.replace("-", "").split(".");
  const [bi, bf = ""] = b.replace("-", "").split(".");
  if (ai.length !== bi.length) return sign * (ai.length - bi.length);
  const width = Math.max(af.length, bf.length);
  const x = ai + af.padEnd(width, "0");
  const y = bi + bf.padEnd(width, "0");
  return sign * (x < y ? -1 : x > y ? 1 : 0);
}
