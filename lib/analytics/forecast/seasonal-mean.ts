// The seasonal-mean forecast: each future day is the mean of the same weekday over the last
// `weeks` weeks. A plain, steady benchmark; averaged with MSTL it tempers the trend the latter
// extrapolates from a few noisy weeks.
const WEEK = 7;

export function seasonalMean(history: readonly number[], horizon: number, weeks: number): number[] {
  const n = history.length;
  const k = Math.min(weeks, Math.floor(n / WEEK));
  return Array.from({ length: horizon }, (_, h) => {
    let sum = 0;
    for (let w = 1; w <= k; w++) sum += history[n - w * WEEK + (h % WEEK)];
    return sum / k;
  });
}
