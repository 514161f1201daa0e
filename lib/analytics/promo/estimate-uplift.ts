// A promotion's uplift on its scope's units: actual units during the promotion ÷ the units the
// forecast expected without it (the counterfactual), fitted on the days before it with other
// promotions' days replaced by the same weekday a week earlier. The 95% interval comes from
// placebo windows: the same estimate on promotion-free windows of the same length just before,
// whose true uplift is 1, gives the method's error on this series (log scale): its mean, the
// bias (a forecast fitted on log counts gives the median, below the mean for a slow seller:
// sku uplifts read 10–40% high in the backtest), is taken out of the estimate, its spread makes
// the interval. Stock-outs hide demand: units are those of the products in stock, scaled by
// their share of the usual demand (in-stock-demand.ts).
import { fillMasked } from "../forecast/fill-masked";
import { forecastSeries, MIN_HISTORY_DAYS } from "../forecast/forecast-series";

export type UpliftEstimate = {
  actual: number;
  counterfactual: number;
  /** actual ÷ counterfactual (1.3 = +30%). */
  uplift: number;
  lower95: number;
  upper95: number;
  placebos: number;
};

const WEEK = 7;
const PLACEBOS = 6;
/** Below this share of its usual demand in stock, a day says too little about the scope's demand. */
const MIN_SHARE = 0.5;
/** Two-sided 95% normal quantile. */
const Z95 = 1.96;

/**
 * `y` is the scope's daily units (of its products in stock); the promotion covers days
 * [start, end); `masked[i]` marks days of other promotions; `share[i]` the share of the scope's
 * usual demand in stock that day (1 when absent). The history is put on a full-stock footing
 * (÷ share) and its low-share days filled like promotions; during the promotion, low-share days
 * are left out and the counterfactual of the others scaled by their share, since the true uplift
 * is on demand. Null when fewer than the model's minimum history days precede it, or when no day
 * of the promotion had enough in stock. `site` (the site's daily units, same days), when given, is
 * where the forecast reads last year's calendar effects: a product's own last year is too noisy.
 */
export function estimateUplift(y: readonly number[], start: number, end: number, masked: readonly boolean[], share: readonly number[] = [], site?: readonly number[]): UpliftEstimate | null {
  const n = end - start;
  const shareOf = (i: number) => share[i] ?? 1;
  const sellable = (i: number) => shareOf(i) >= MIN_SHARE;
  const fullStock = y.slice(0, start).map((u, i) => (sellable(i) ? u / shareOf(i) : u));
  const history = fillMasked(fullStock, masked.map((m, i) => m || !sellable(i)));
  if (history.length < MIN_HISTORY_DAYS + WEEK) return null;
  if (!Array.from({ length: n }, (_, h) => sellable(start + h)).some(Boolean)) return null;
  const ratio = (origin: number, length: number, series: readonly number[], scale: (i: number) => number) => {
    const f = forecastSeries(series.slice(0, origin), length, { calendar: site && { values: site, masked } });
    let actual = 0;
    let counterfactual = 0;
    for (let h = 0; h < length; h++) {
      if (!sellable(origin + h)) continue;
      actual += series[origin + h];
      counterfactual += f.point[h] * scale(origin + h);
    }
    return { actual, counterfactual };
  };
  const main = ratio(start, n, [...history, ...y.slice(start, end)], shareOf);
  const errors: number[] = [];
  for (let k = 1; k <= PLACEBOS; k++) {
    const origin = start - n - (k - 1) * WEEK;
    if (origin < MIN_HISTORY_DAYS) break;
    // The history is already on a full-stock footing.
    const p = ratio(origin, n, history, () => 1);
    if (p.actual > 0 && p.counterfactual > 0) errors.push(Math.log(p.actual / p.counterfactual));
  }
  // With fewer than two placebos there is no bias or spread to measure: no correction, and an
  // unbounded interval says so.
  const k = errors.length;
  const bias = k >= 2 ? errors.reduce((s, e) => s + e, 0) / k : 0;
  // The correction goes into the counterfactual, so that uplift = actual ÷ counterfactual holds.
  const counterfactual = main.counterfactual * Math.exp(bias);
  const uplift = counterfactual > 0 ? main.actual / counterfactual : 0;
  // The placebos' spread around their mean, widened for the uncertainty of that mean.
  const spread = k >= 2 ? Z95 * Math.sqrt((errors.reduce((s, e) => s + (e - bias) ** 2, 0) / (k - 1)) * (1 + 1 / k)) : Number.POSITIVE_INFINITY;
  return { actual: main.actual, counterfactual, uplift, lower95: uplift * Math.exp(-spread), upper95: uplift * Math.exp(spread), placebos: errors.length };
}
