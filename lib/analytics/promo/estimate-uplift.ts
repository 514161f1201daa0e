// A promotion's uplift on its scope's units: actual units during the promotion ÷ the units the
// forecast expected without it (the counterfactual), fitted on the days before it with other
// promotions' days replaced by the same weekday a week earlier. The 95% interval comes from
// placebo windows: the same estimate on promotion-free windows of the same length just before,
// whose true uplift is 1, gives the spread of the method's error (log scale).
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
/** Two-sided 95% normal quantile. */
const Z95 = 1.96;

/**
 * `y` is the scope's daily units; the promotion covers days [start, end); `masked[i]` marks days of
 * other promotions; `unsellable[i]` days when the scope could not sell (a product out of stock):
 * filled in the history and left out of both sums during the promotion, since the true uplift is
 * on demand, which a stock-out hides. Null when fewer than the model's minimum history days precede it.
 */
export function estimateUplift(y: readonly number[], start: number, end: number, masked: readonly boolean[], unsellable: readonly boolean[] = []): UpliftEstimate | null {
  const n = end - start;
  const history = fillMasked(y.slice(0, start), masked.map((m, i) => m || Boolean(unsellable[i])));
  if (history.length < MIN_HISTORY_DAYS + WEEK) return null;
  const ratio = (origin: number, length: number, series: readonly number[]) => {
    const f = forecastSeries(series.slice(0, origin), length);
    const sellable = (h: number) => !unsellable[origin + h];
    const actual = sum(series.slice(origin, origin + length).filter((_, h) => sellable(h)));
    const counterfactual = sum(f.point.filter((_, h) => sellable(h)));
    return { actual, counterfactual };
  };
  const main = ratio(start, n, [...history, ...y.slice(start, end)]);
  const errors: number[] = [];
  for (let k = 1; k <= PLACEBOS; k++) {
    const origin = start - n - (k - 1) * WEEK;
    if (origin < MIN_HISTORY_DAYS) break;
    const p = ratio(origin, n, history);
    if (p.actual > 0 && p.counterfactual > 0) errors.push(Math.log(p.actual / p.counterfactual));
  }
  const uplift = main.counterfactual > 0 ? main.actual / main.counterfactual : 0;
  // With fewer than two placebos there is no spread to measure: say so with an unbounded interval.
  const spread = errors.length >= 2 ? Z95 * Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length) : Number.POSITIVE_INFINITY;
  return { ...main, uplift, lower95: uplift * Math.exp(-spread), upper95: uplift * Math.exp(spread), placebos: errors.length };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
