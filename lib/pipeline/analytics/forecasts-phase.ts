// Analytics phase "forecasts": 90 days of daily revenue and units, in total and per category,
// with 80%/95% intervals, plus a quick rolling-origin backtest of each series so screens can say
// how far to trust it. Rebuilt whole (forecasts move with every new day) in one transaction.
import { addDays } from "../../dates/add-days";
import type pg from "pg";
import { backtestSeries } from "../../analytics/forecast/accuracy";
import { fitOrNull } from "../../analytics/forecast/fit-or-null";
import { forecastSeries, MIN_HISTORY_DAYS } from "../../analytics/forecast/forecast-series";
import type { AnalyticsPhase } from "../analytics-phases";
import { inTransaction } from "../../db/in-transaction";
import { readDailySeries, type DailySeries } from "./read-daily-series";

export const FORECAST_HORIZON_DAYS = 90;
const QUICK_BACKTEST = { horizons: [7, 30], origins: 4, step: 14 };

type Columns = Record<string, (string | number)[]>;

// Promotion days per scope: a site-wide promotion touches every series, a category one its
// category and the total; a single product's promotion is too small to matter here.
const PROMO_DAYS_SQL = `
SELECT scope_type, scope_value, (starts_at AT TIME ZONE $1)::date::text AS first_day,
       ((ends_at AT TIME ZONE $1) - interval '1 second')::date::text AS last_day
  FROM silver_promotions WHERE scope_type IN ('all', 'category')`;

export async function buildForecasts(pool: pg.Pool, timeZone: string): Promise<{ rowsIn: number; rowsOut: number }> {
  const series = (await readDailySeries(pool)).filter((s) => s.values.length >= MIN_HISTORY_DAYS);
  const promos = (await pool.query<{ scope_type: string; scope_value: string | null; first_day: string; last_day: string }>(PROMO_DAYS_SQL, [timeZone])).rows;
  const f: Columns = { metric: [], scope: [], day: [], point: [], lower80: [], upper80: [], lower95: [], upper95: [] };
  const a: Columns = { metric: [], scope: [], lastDay: [], historyDays: [], origins: [], mase7: [], naive7: [], mase30: [], naive30: [], coverage: [] };
  const maskedFor = (s: DailySeries) => {
    const touching = promos.filter((p) => p.scope_type === "all" || s.scope === "total" || p.scope_value === s.scope);
    return s.values.map((_, i) => {
      const day = addDays(s.firstDay, i);
      return touching.some((p) => day >= p.first_day && day <= p.last_day);
    });
  };
  // Calendar effects are read from the site's total of the same metric (all series share its days).
  const totals = new Map(series.filter((s) => s.scope === "total").map((s) => [s.metric, { values: s.values, masked: maskedFor(s) }]));
  for (const s of series) {
    const masked = maskedFor(s);
    const calendar = totals.get(s.metric);
    const forecast = fitOrNull(() => forecastSeries(s.values, FORECAST_HORIZON_DAYS, { masked, calendar }));
    if (!forecast) continue;
    forecast.point.forEach((point, h) => {
      push(f, { metric: s.metric, scope: s.scope, day: addDays(s.firstDay, s.values.length + h), point: money(point) });
      push(f, { lower80: money(forecast.lower80[h]), upper80: money(forecast.upper80[h]), lower95: money(forecast.lower95[h]), upper95: money(forecast.upper95[h]) });
    });
    const acc = fitOrNull(() => backtestSeries(s.values, { ...QUICK_BACKTEST, model: { masked, calendar } }));
    if (!acc?.origins) continue;
    push(a, { metric: s.metric, scope: s.scope, lastDay: addDays(s.firstDay, s.values.length - 1), historyDays: s.values.length, origins: acc.origins });
    push(a, { mase7: ratio(acc.byHorizon[7].model), naive7: ratio(acc.byHorizon[7].naive), mase30: ratio(acc.byHorizon[30].model), naive30: ratio(acc.byHorizon[30].naive), coverage: ratio(acc.coverage80) });
  }
  await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM gold_forecast");
    await client.query("DELETE FROM gold_forecast_accuracy");
    await client.query(
      `INSERT INTO gold_forecast (metric, scope, day, point, lower_80, upper_80, lower_95, upper_95)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[])`,
      Object.values(f),
    );
    await client.query(
      `INSERT INTO gold_forecast_accuracy (metric, scope, last_actual_day, history_days, origins, mase_7, naive_mase_7, mase_30, naive_mase_30, coverage_80)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[], $5::int[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[])`,
      Object.values(a),
    );
  });
  return { rowsIn: series.reduce((n, s) => n + s.values.length, 0), rowsOut: f.metric.length };
}

export const forecastsPhase: AnalyticsPhase = { name: "forecasts", run: (pool, ctx) => buildForecasts(pool, ctx.timeZone) };

function push(columns: Columns, row: Record<string, string | number>) {
  for (const [k, v] of Object.entries(row)) columns[k].push(v);
}

/** Model output is float; stored amounts are numeric with cents. */
const money = (x: number) => x.toFixed(2);
const ratio = (x: number) => x.toFixed(3);

