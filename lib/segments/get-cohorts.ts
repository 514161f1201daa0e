// The cohort matrix: per acquisition month, its size and for each month k after acquisition
// the share of its customers who ordered (retention) and the cumulative revenue per customer.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export type CohortRow = {
  cohortMonth: string;
  size: number;
  cells: { k: number; active: number; retention: string; cumulativePerCustomer: string }[];
};

export async function getCohorts(pool: pg.Pool, user: Pick<CurrentUser, "role">, opts: { lastCohorts?: number } = {}): Promise<CohortRow[]> {
  assertCan(user, "segments:view");
  const { rows } = await pool.query<{ cohort: string; size: number; k: number; active: number; retention: string; per_customer: string }>(
    `SELECT cohort_month::text AS cohort, cohort_size AS size, month_index AS k, active_customers AS active,
            round(active_customers::numeric / cohort_size, 4)::text AS retention,
            round(cumulative_revenue / cohort_size, 2)::text AS per_customer
       FROM gold_cohort_monthly
      WHERE cohort_month >= (SELECT max(cohort_month) FROM gold_cohort_monthly) - make_interval(months => $1::int - 1)
      ORDER BY cohort_month, month_index`,
    [opts.lastCohorts ?? 24],
  );
  const cohorts = new Map<string, CohortRow>();
  for (const r of rows) {
    const row = cohorts.get(r.cohort) ?? { cohortMonth: r.cohort, size: r.size, cells: [] };
    row.cells.push({ k: r.k, active: r.active, retention: r.retention, cumulativePerCustomer: r.per_customer });
    cohorts.set(r.cohort, row);
  }
  return [...cohorts.values()];
}
