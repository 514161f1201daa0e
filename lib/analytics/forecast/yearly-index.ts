// The calendar effects a weekly model cannot see (sales periods, the Christmas run-up) taken
// from 52 weeks earlier: the centred one-week mean there relative to the centred four-week mean
// (the local level, which removes the trend). Week-long means cancel the weekday rhythm (the
// weekly season models it) and most of the daily noise. 1 where no year of history exists.
const LAG = 364;
const LEVEL_HALF = 14;
const SHORT_HALF = 3;

export function yearlyIndex(history: readonly number[], horizon: number): number[] {
  const n = history.length;
  const prefix = [0];
  for (const y of history) prefix.push(prefix[prefix.length - 1] + y);
  const mean = (from: number, to: number) => (prefix[to] - prefix[from]) / (to - from);
  return Array.from({ length: n + horizon }, (_, i) => {
    const j = i - LAG;
    if (j < LEVEL_HALF || j + LEVEL_HALF > n) return 1;
    const level = mean(j - LEVEL_HALF, j + LEVEL_HALF);
    return level > 0 ? mean(j - SHORT_HALF, j + SHORT_HALF + 1) / level : 1;
  });
}
