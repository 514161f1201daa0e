// Several KPIs' totals over one range and a comparison range (any pair: the period before,
// the same dates a year earlier…), in one round of small gold queries. Decimal strings.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { kpiSql, kpiValueSql, type KpiFilter } from "./kpi-sql";
import { getKpi, type Unit } from "./registry";

export type Range = { from: string; to: string };
export type KpiTotal = { id: string; unit: Unit; value: string | null; previous: string | null; filtered: boolean };

export async function getKpiTotals(pool: pg.Pool, actor: CurrentUser, ids: string[], range: Range, comparison: Range, filter: KpiFilter = {}): Promise<KpiTotal[]> {
  assertCan(actor, "kpi:read");
  return Promise.all(
    ids.map(async (id) => {
      const kpi = getKpi(id);
      if (!kpi) throw new Error(`unknown KPI ${id}`);
      const sql = kpiSql(kpi, "day", null, { whole: true, filter });
      const total = async (r: Range) => {
        const { rows } = await pool.query<{ v: string | null }>(
          `SELECT ${kpiValueSql(kpi)} AS v FROM (${sql.text}) s`,
          [r.from, r.to, ...sql.values],
        );
        return rows[0]?.v ?? null;
      };
      const [value, previous] = await Promise.all([total(range), total(comparison)]);
      return { id, unit: kpi.unit, value, previous, filtered: sql.values.length > 0 };
    }),
  );
}
