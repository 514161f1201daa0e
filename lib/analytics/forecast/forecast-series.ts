// One daily series forecast: MSTL (weekly season) with an AutoETS trend, from augurs, fitted on
// log(1 + y) so the weekly rhythm is multiplicative and the intervals stay positive; the output
// is transformed back. A yearly season joins once two years of history exist (MSTL needs two
// full cycles).
import { loadMstl } from "./augurs";

export type SeriesForecast = {
  point: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
};

const WEEK = 7;
const YEAR = 365;
/** Fewer days than this and a weekly MSTL has too little to separate season from trend. */
export const MIN_HISTORY_DAYS = 4 * WEEK;

export function forecastSeries(history: readonly number[], horizon: number): SeriesForecast {
  if (history.length < MIN_HISTORY_DAYS) throw new Error(`forecastSeries needs ≥ ${MIN_HISTORY_DAYS} days, got ${history.length}`);
  const MSTL = loadMstl();
  const periods = history.length >= 2 * YEAR ? [WEEK, YEAR] : [WEEK];
  const model = MSTL.ets(periods);
  try {
    model.fit(history.map((y) => Math.log1p(Math.max(0, y))));
    const at80 = model.predict(horizon, 0.8);
    const at95 = model.predict(horizon, 0.95);
    const back = (xs: number[] | undefined) => (xs ?? at80.point).map((x) => Math.max(0, Math.expm1(x)));
    return {
      point: back(at80.point),
      lower80: back(at80.intervals?.lower),
      upper80: back(at80.intervals?.upper),
      lower95: back(at95.intervals?.lower),
      upper95: back(at95.intervals?.upper),
    };
  } finally {
    model.free();
  }
}
