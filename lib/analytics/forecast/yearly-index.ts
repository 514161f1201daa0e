// The calendar effects a weekly model cannot see (sales periods, the Christmas run-up) taken
// from 52 weeks earlier: the centred one-week mean there relative to the local level, the median
// of the nine centred weekly means around it (four weeks either side). Week-long means cancel the
// weekday rhythm (the weekly season models it) and most of the daily noise; the median keeps a
// month of sales (one strong week, three milder ones) out of the level it is measured against, so
// the sales keep their full height (a centred four-week mean absorbed a third of it and missed the
// 30-day backtest target). 1 where no year of history exists.
import { median } from "./median";

const LAG = 364;
const WEEK = 7;
const SHORT_HALF = 3;
const LEVEL_WEEKS = 4;

export function yearlyIndex(history: readonly number[], horizon: number): number[] {
  const n = history.length;
  const prefix = [0];
  for (const y of history) prefix.push(prefix[prefix.length - 1] + y);
  /** Mean of the week centred on day c; undefined where it leaves the history. */
  const week = (c: number) => (c - SHORT_HALF >= 0 && c + SHORT_HALF + 1 <= n ? (prefix[c + SHORT_HALF + 1] - prefix[c - SHORT_HALF]) / WEEK : undefined);
  return Array.from({ length: n + horizon }, (_, i) => {
    const j = i - LAG;
    const own = week(j);
    if (own === undefined) return 1;
    const around: number[] = [];
    for (let k = -LEVEL_WEEKS; k <= LEVEL_WEEKS; k++) {
      const w = week(j + k * WEEK);
      if (w !== undefined) around.push(w);
    }
    // Fewer than five weeks: too little to tell the usual level from the event.
    if (around.length <= LEVEL_WEEKS) return 1;
    const level = median(around);
    return level > 0 ? own / level : 1;
  });
}
