// One forecast series (revenue or units, total or a category): the recent actual days, the
// forecast with its 80% and 95% bands, and the backtest accuracy stored beside it.
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";

export type ForecastMetric = "revenue" | "units";

const HISTORY_SQL = `
SELECT d.day::text AS day, sum(CASE WHEN $1 = 'revenue' THEN d.revenue ELSE d.units END)::text AS value
  FROM gold_product_daily d LEFT JOIN silver_products s ON s.sku = d.sku
 WHERE ($2 = 'total' OR s.category = $2) AND d.day > (SELECT max(day) FROM gold_product_daily) - $3::int
 GROUP BY d.day ORDER BY d.day`;

const FORECAST_SQL = `
SELECT day::text AS day, point::text, lower_80::text AS lower80, upper_80::text AS upper80, lower_95::text AS lower95, upper_95::text AS upper95
  FROM gold_forecast WHERE metric = $1 AND scope = $2 AND day <= (SELECT min(day) FROM gold_forecast) + $3::int - 1 ORDER BY day`;

const ACCURACY_SQL = `
SELECT last_actual_day::text AS "lastActualDay", history_days AS "historyDays", origins, mase_7::text AS "mase7", naive_mase_7::text AS "naiveMase7",
       mase_30::text AS "mase30", naive_mase_30::text AS "naiveMase30", coverage_80::text AS "coverage80"
  FROM gold_forecast_accuracy WHERE metric = $1 AND scope = $2`;

export type ForecastQuery = { metric: ForecastMetric; scope: string; horizon: number; historyDays: number };

export async function getForecast(pool: pg.Pool, actor: CurrentUser, q: ForecastQuery) {
  assertCan(actor, "forecasts:view");
  const [history, forecast, accuracy] = await Promise.all([
    pool.query<{ day: string; value: string }>(HISTORY_SQL, [q.metric, q.scope, q.historyDays]),
    pool.query<{ day: string; point: string; lower80: string; upper80: string; lower95: string; upper95: string }>(FORECAST_SQL, [q.metric, q.scope, q.horizon]),
    pool.query<ForecastAccuracy>(ACCURACY_SQL, [q.metric, q.scope]),
  ]);
  return { ...q, history: history.rows, forecast: forecast.rows, accuracy: accuracy.rows[0] ?? null };
}

/** Decimal strings; MASE < 1 beats the seasonal-naive error, coverage80 should be near 0.8. */
export type ForecastAccuracy = {
  lastActualDay: string;
  historyDays: number;
  origins: number;
  mase7: string;
  naiveMase7: string;
  mase30: string;
  naiveMase30: string;
  coverage80: string;
};

export type ForecastSeries = Awaited<ReturnType<typeof getForecast>>;
