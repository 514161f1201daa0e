// Runs the detection over every series gold holds: promotion days masked, the retail calendar's
// segments for level series, each (metric, scope)'s thresholds. Returns every anomalous day with
// what was expected (in the metric's unit) and the chart points around it.
// A share (a channel's orders, a category's revenue) is only anomalous when the scope's own value
// moved the same way too: when the app collapses, the web's share rises with no change in web
// orders — that is the app's incident, not a second one.
import type pg from "pg";
import type { AlertSeriesPoint } from "../alert-view";
import { detectSeries, type DayVerdict } from "./detect-series";
import { loadSeries, type Series } from "./load-series";
import { calendarSegment } from "./retail-calendar";
import { thresholdsFor, type ThresholdRow } from "./thresholds";

export type Anomaly = {
  metric: string;
  scopeType: Series["scopeType"];
  scopeValue: string | null;
  day: string;
  observed: number;
  expected: number;
  low: number;
  high: number;
  score: number;
  series: AlertSeriesPoint[];
};

const CHART_DAYS_BEFORE = 21;
const CHART_DAYS_AFTER = 7;

export async function detectAnomalies(pool: pg.Pool, timeZone: string, rows: readonly ThresholdRow[]): Promise<Anomaly[]> {
  const { days, series, promoDays } = await loadSeries(pool, timeZone);
  const masked = days.map((d) => promoDays.has(d));
  const segments = days.map(calendarSegment);
  const flat = days.map(() => "normal");
  const out: Anomaly[] = [];
  for (const s of series) {
    const th = thresholdsFor(s.metric, s.scopeType, s.scopeValue, rows);
    const parent = s.parent;
    // What the scope can sell today: a category whose best sellers are out of stock sells less
    // (the stock alerts report those); it is judged on its sales per in-stock share.
    const stocked = (i: number) => s.inStock?.[i] ?? 1;
    const own = s.values.map((v, i) => (v === null || !(stocked(i) > 0) ? null : v / stocked(i)));
    // A share is judged on its own (no calendar jumps), then scaled back by the day's total.
    const values = parent ? own.map((v, i) => (v === null || !parent[i] ? null : v / parent[i]!)) : s.values;
    const scale = (i: number) => (parent ? (parent[i] ?? 0) * stocked(i) : 1);
    const verdicts = detectSeries({ days, values, masked, segments: parent ? flat : segments }, th);
    if (parent) {
      const alone = detectSeries({ days, values: own, masked, segments }, th);
      verdicts.forEach((v, i) => {
        if (v?.anomaly && !movedToo(alone[i], own[i]!, v.score, th.minRelChange)) v.anomaly = false;
      });
    }
    const point = (i: number, v: DayVerdict | null): AlertSeriesPoint => ({
      day: days[i],
      value: s.values[i],
      expected: v && v.expected * scale(i),
      low: v && v.low * scale(i),
      high: v && v.high * scale(i),
    });
    verdicts.forEach((v, i) => {
      if (!v?.anomaly) return;
      const from = Math.max(0, i - CHART_DAYS_BEFORE);
      const chart = verdicts.slice(from, i + CHART_DAYS_AFTER + 1).map((w, j) => point(from + j, w));
      const p = point(i, v);
      out.push({ metric: s.metric, scopeType: s.scopeType, scopeValue: s.scopeValue, day: days[i], observed: s.values[i]!, expected: p.expected!, low: p.low!, high: p.high!, score: v.score, series: chart });
    });
  }
  return out;
}

/** Whether the value itself (not only its share) is off its own expectation, the same way. */
function movedToo(own: DayVerdict | null, observed: number, shareScore: number, minRelChange: number): boolean {
  if (!own) return true; // not judged on its own (calendar restart): the share's verdict stands
  const change = (observed - own.expected) / own.expected;
  return Math.sign(change) === Math.sign(shareScore) && Math.abs(change) >= minRelChange;
}
