// Anomaly detection on one daily series, day by day, each day judged only against the days before
// it (as the pipeline would have seen them):
// - on a log scale, so a 30% drop weighs the same on a big and a small series;
// - expected = recent level × weekday effect: the level is the median of the last 7 usable days
//   of the same calendar segment (see retail-calendar.ts: sales, Black Friday, Christmas restart
//   it), so trend and seasonality are followed and a known calendar jump is not an anomaly;
// - the score is the deviation in robust standard deviations of the recent prediction errors, so
//   a noisy series needs a bigger deviation than a smooth one: 1.4826 × MAD, or more when the
//   errors' tail says so (a small channel's basket value is heavy-tailed: a few big orders make
//   "5 MADs" an every-few-months event there, not an incident);
// - masked days (promotions) and days found anomalous never feed the baseline, so a five-day
//   collapse is found on all five days — until a week of outliers in a row says the level moved.
import type { Thresholds } from "./thresholds";

export type SeriesInput = { days: readonly string[]; values: readonly (number | null)[]; masked: readonly boolean[]; segments: readonly string[] };
export type DayVerdict = { expected: number; low: number; high: number; score: number; anomaly: boolean };

const LEVEL_DAYS = 7;
const MIN_SEGMENT_DAYS = 3;
const ERROR_WINDOW = 56;
/** Errors the tail is read from (half a year), and the quantile of |error| read. */
const TAIL_WINDOW = 182;
const TAIL_QUANTILE = 0.95;
/** |Z| a normal variable exceeds with probability 1 − TAIL_QUANTILE. */
const TAIL_Z = 1.96;
const MIN_ERRORS = 14;
const SIGMA_FLOOR = 0.01;
const SHIFT_DAYS = 7;
const CONTINUATION = 0.6;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  return lo + 1 < s.length ? s[lo] + (at - lo) * (s[lo + 1] - s[lo]) : s[lo];
};
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Weekday effects on the log scale: median deviation of each weekday from its centred 7-day mean. */
function weekdayEffects(g: (number | null)[], days: readonly string[]): number[] {
  const byDay: number[][] = [[], [], [], [], [], [], []];
  for (let i = 3; i + 3 < g.length; i++) {
    const window = g.slice(i - 3, i + 4);
    if (window.some((x) => x === null)) continue;
    byDay[weekday(days[i])].push(g[i]! - (window as number[]).reduce((a, b) => a + b, 0) / 7);
  }
  const raw = byDay.map((xs) => (xs.length >= 3 ? median(xs) : 0));
  const mean = raw.reduce((a, b) => a + b, 0) / 7;
  return raw.map((x) => x - mean);
}

export function detectSeries(input: SeriesInput, th: Thresholds): (DayVerdict | null)[] {
  const { days, values, masked, segments } = input;
  const positive = values.filter((v): v is number => v !== null && v > 0);
  if (positive.length === 0) return days.map(() => null);
  // Offset so zeros (a rate of 0, a day without orders) stay finite on the log scale.
  const c = 0.1 * median(positive);
  const g = values.map((v, i) => (v === null || masked[i] ? null : Math.log(v + c)));
  const effect = weekdayEffects(g, days);
  const usable: number[] = [];
  const errors: number[] = [];
  const pending: number[] = [];
  const out: (DayVerdict | null)[] = [];
  for (let t = 0; t < days.length; t++) out.push(judge(t));
  return out;

  function judge(t: number): DayVerdict | null {
    const day = days[t];
    if (g[t] === null) return null;
    const w = effect[weekday(day)];
    const level: number[] = [];
    for (let j = usable.length - 1; j >= 0 && level.length < LEVEL_DAYS; j--) {
      const d = usable[j];
      if (segments[d] === segments[t]) level.push(g[d]! - effect[weekday(days[d])]);
    }
    if (level.length < MIN_SEGMENT_DAYS) {
      usable.push(t);
      return null;
    }
    const pred = median(level) + w;
    if (errors.length < MIN_ERRORS) {
      usable.push(t);
      errors.push(g[t]! - pred);
      return null;
    }
    const recent = errors.slice(-ERROR_WINDOW);
    const centre = median(recent);
    const tail = quantile(errors.slice(-TAIL_WINDOW).map((e) => Math.abs(e - centre)), TAIL_QUANTILE) / TAIL_Z;
    const sigma = Math.max(SIGMA_FLOOR, 1.4826 * median(recent.map((e) => Math.abs(e - centre))), tail);
    const error = g[t]! - pred;
    const score = error / sigma;
    const expected = Math.exp(pred) - c;
    const observed = values[t]!;
    const judged = usable.length >= th.minHistoryDays;
    const wanted = th.direction === "both" || (th.direction === "spikes" ? score > 0 : score < 0);
    // The day after an anomaly, a deviation the same way is far less likely to be chance: the
    // incident goes on, so a lower bar holds (a multi-day outage is found on every day).
    const previous = out[t - 1];
    const goesOn = previous?.anomaly === true && Math.sign(previous.score) === Math.sign(score);
    const outlier = Math.abs(score) >= th.sensitivity * (goesOn ? CONTINUATION : 1);
    const anomaly = judged && outlier && wanted && Math.abs(observed - expected) >= th.minAbsChange && Math.abs(observed - expected) >= th.minRelChange * Math.abs(expected);
    if (!outlier) {
      usable.push(t);
      errors.push(error);
      pending.length = 0;
    } else if (pending.push(t) >= SHIFT_DAYS) {
      // A week of outliers in a row is the new normal (a lasting level shift): learn it.
      usable.push(...pending);
      pending.length = 0;
    }
    const k = th.sensitivity * sigma;
    return { expected, low: Math.max(0, Math.exp(pred - k) - c), high: Math.exp(pred + k) - c, score, anomaly };
  }
}
