// Every stored forecast at a glance: expected totals over the next 7, 30 and 90 days (sums of
// the daily point forecasts) beside the accuracy measured on the same series.
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";

const SQL = `
WITH start AS (SELECT min(day) AS day FROM gold_forecast)
SELECT f.metric, f.scope,
       sum(f.point) FILTER (WHERE f.day < s.day + 7)::text AS next7,
       sum(f.point) FILTER (WHERE f.day < s.day + 30)::text AS next30,
       sum(f.point) FILTER (WHERE f.day < s.day + 90)::text AS next90,
       a.mase_7::text AS mase7, a.naive_mase_7::text AS "naiveMase7", a.mase_30::text AS mase30, a.naive_mase_30::text AS "naiveMase30",
       a.coverage_80::text AS coverage80
  FROM gold_forecast f CROSS JOIN start s
  LEFT JOIN gold_forecast_accuracy a ON a.metric = f.metric AND a.scope = f.scope
 GROUP BY f.metric, f.scope, a.mase_7, a.naive_mase_7, a.mase_30, a.naive_mase_30, a.coverage_80
 ORDER BY f.metric, f.scope = 'total' DESC, f.scope`;

export async function getForecastSummary(pool: pg.Pool, actor: CurrentUser) {
  assertCan(actor, "forecasts:view");
  const { rows } = await pool.query<{
    metric: "revenue" | "units";
    scope: string;
    next7: string;
    next30: string;
    next90: string;
    mase7: string | null;
    naiveMase7: string | null;
    mase30: string | null;
    naiveMase30: string | null;
    coverage80: string | null;
  }>(SQL);
  return rows;
}

export type ForecastSummaryRow = Awaited<ReturnType<typeof getForecastSummary>>[number];
