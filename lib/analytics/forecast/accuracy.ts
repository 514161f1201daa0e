// Forecast accuracy against the weekly seasonal-naive baseline (tomorrow = the same weekday last
// week), on rolling origins: MASE scaled by the in-sample one-week-ahead naive error (Hyndman &
// Koehler 2006), and the share of actuals inside the 80% interval.
import { forecastSeries, type ForecastOptions } from "./forecast-series";

const WEEK = 7;

export function seasonalNaive(history: readonly number[], horizon: number): number[] {
  return Array.from({ length: horizon }, (_, h) => history[history.length - WEEK + (h % WEEK)]);
}

/** Mean absolute in-sample error of the weekly naive forecast: the MASE denominator. */
export function naiveScale(history: readonly number[]): number {
  let sum = 0;
  for (let i = WEEK; i < history.length; i++) sum += Math.abs(history[i] - history[i - WEEK]);
  return sum / (history.length - WEEK);
}

export function mase(actual: readonly number[], predicted: readonly number[], scale: number): number {
  const mae = actual.reduce((s, a, i) => s + Math.abs(a - predicted[i]), 0) / actual.length;
  return scale > 0 ? mae / scale : 0;
}

export type SeriesAccuracy = {
  /** Horizon (days) → mean MASE over origins of the model and of the seasonal-naive baseline. */
  byHorizon: Record<number, { model: number; naive: number }>;
  /** Share of actual days (all origins, the longest horizon) inside the 80% interval. */
  coverage80: number;
  origins: number;
};

/**
 * Rolling-origin backtest: the last origin leaves `max(horizons)` days to check; earlier ones step
 * back by `step` days.
 */
export function backtestSeries(y: readonly number[], opts: { horizons: number[]; origins: number; step: number; model?: ForecastOptions }): SeriesAccuracy {
  const longest = Math.max(...opts.horizons);
  const sums = Object.fromEntries(opts.horizons.map((h) => [h, { model: 0, naive: 0 }]));
  let inside = 0;
  let checked = 0;
  let origins = 0;
  for (let k = 0; k < opts.origins; k++) {
    const origin = y.length - longest - k * opts.step;
    if (origin < 8 * WEEK) break;
    const history = y.slice(0, origin);
    const scale = naiveScale(history);
    const f = forecastSeries(history, longest, { ...opts.model, masked: opts.model?.masked?.slice(0, origin) });
    const naive = seasonalNaive(history, longest);
    for (const h of opts.horizons) {
      const actual = y.slice(origin, origin + h);
      sums[h].model += mase(actual, f.point.slice(0, h), scale);
      sums[h].naive += mase(actual, naive.slice(0, h), scale);
    }
    y.slice(origin, origin + longest).forEach((a, i) => {
      checked++;
      if (a >= f.lower80[i] && a <= f.upper80[i]) inside++;
    });
    origins++;
  }
  const byHorizon = Object.fromEntries(opts.horizons.map((h) => [h, { model: sums[h].model / origins, naive: sums[h].naive / origins }]));
  return { byHorizon, coverage80: checked ? inside / checked : 0, origins };
}
