// Detection on a constructed series whose anomalies are known: weekly rhythm, growth, ±3% noise,
// a promotion (masked), a sale period that lifts demand (its own calendar segment), one spike, one
// drop and a five-day collapse. The days found must be exactly the planted ones.
import { describe, expect, it } from "vitest";
import { detectSeries, type SeriesInput } from "./detect-series";
import { DEFAULT_THRESHOLDS, thresholdsFor, type Thresholds } from "./thresholds";

const N = 200;
const WEEKLY = [1.15, 1.1, 1.02, 0.98, 0.95, 0.9, 0.86];
const PROMO = new Set([90, 91, 92, 93, 94, 95, 96]);
const SALE = new Set([60, 61, 62, 63, 64, 65, 66, 67, 68, 69]);
const PLANTED: Record<number, number> = { 120: 2, 150: 0.5, 170: 0.3, 171: 0.3, 172: 0.3, 173: 0.3, 174: 0.3 };

function build(): SeriesInput {
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + 0.06 * (seed / 2 ** 31 - 0.5);
  };
  const days = Array.from({ length: N }, (_, i) => new Date(Date.UTC(2026, 0, 4 + i)).toISOString().slice(0, 10)); // 2026-01-04 is a Sunday
  const values = days.map((_, i) => 1000 * (1 + 0.002 * i) * WEEKLY[i % 7] * noise() * (PROMO.has(i) ? 1.8 : 1) * (SALE.has(i) ? 1.6 : 1) * (PLANTED[i] ?? 1));
  return { days, values, masked: days.map((_, i) => PROMO.has(i)), segments: days.map((_, i) => (SALE.has(i) ? "sale" : "normal")) };
}

const flagged = (input: SeriesInput, th: Thresholds) =>
  detectSeries(input, th)
    .map((v, i) => (v?.anomaly ? i : -1))
    .filter((i) => i >= 0);

describe("detectSeries", () => {
  const input = build();

  it("finds exactly the planted days at default thresholds, not the promotion nor the sale period", () => {
    expect(flagged(input, DEFAULT_THRESHOLDS)).toEqual([120, 150, 170, 171, 172, 173, 174]);
  });

  it("gives the expected value and a range that holds an ordinary day but not the spike", () => {
    const v = detectSeries(input, DEFAULT_THRESHOLDS);
    const ordinary = 1000 * (1 + 0.002 * 120) * WEEKLY[120 % 7];
    expect(Math.abs(v[120]!.expected - ordinary) / ordinary).toBeLessThan(0.05);
    expect(v[120]!.high).toBeLessThan(input.values[120]!);
    expect(v[119]!.low).toBeLessThan(input.values[119]!);
    expect(v[119]!.high).toBeGreaterThan(input.values[119]!);
  });

  it("would call the sale period an anomaly without its calendar segment", () => {
    expect(flagged({ ...input, segments: input.days.map(() => "normal") }, DEFAULT_THRESHOLDS)).toContain(60);
  });

  it("honours direction, minimum relative and absolute change, minimum history and sensitivity", () => {
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, direction: "spikes" })).toEqual([120]);
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, direction: "drops" })).toEqual([150, 170, 171, 172, 173, 174]);
    // The drop to 50% is a 50% change; the collapse a 70% one; the spike +100%.
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, minRelChange: 0.6 })).toEqual([120, 170, 171, 172, 173, 174]);
    // Around day 150 the expected value is ~1300: a 50% drop is ~650 away, the collapse ~900.
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, minAbsChange: 800 })).toEqual([120, 170, 171, 172, 173, 174]);
    // Usable history: days before 120 minus the 7 masked promotion days = 113.
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, minHistoryDays: 125 })).toEqual([150, 170, 171, 172, 173, 174]);
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, sensitivity: 1000 })).toEqual([]);
  });
});

describe("thresholdsFor", () => {
  it("lets the most specific admin row win, field by field, over metric defaults", () => {
    const rows = [
      { metric: "*", scopeType: "*", scopeValue: "", sensitivity: 6 },
      { metric: "revenue", scopeType: "category", scopeValue: "", minRelChange: 0.5 },
      { metric: "revenue", scopeType: "category", scopeValue: "Mode", direction: "drops" as const },
      { metric: "orders", scopeType: "total", scopeValue: "", sensitivity: 3 },
    ];
    expect(thresholdsFor("revenue", "category", "Mode", rows)).toEqual({ ...DEFAULT_THRESHOLDS, sensitivity: 6, minRelChange: 0.5, direction: "drops" });
    expect(thresholdsFor("revenue", "category", "Beauté", rows)).toEqual({ ...DEFAULT_THRESHOLDS, sensitivity: 6, minRelChange: 0.5 });
    expect(thresholdsFor("revenue", "channel", "app", rows)).toEqual({ ...DEFAULT_THRESHOLDS, sensitivity: 6 });
    expect(thresholdsFor("orders", "total", null, rows).sensitivity).toBe(3);
    expect(thresholdsFor("return_rate", "total", null, [])).toEqual({ ...DEFAULT_THRESHOLDS, direction: "spikes", minAbsChange: 0.05 });
  });
});

describe("detectSeries on a heavy-tailed series", () => {
  // ±3% noise, and every 6th day 8% more (a few big baskets): a +15% day is ordinary there, a
  // −40% day is not. Judged on the spread of the typical day alone (MAD), +15% would be ~6 sigmas.
  let seed = 777;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + 0.06 * (seed / 2 ** 31 - 0.5);
  };
  const days = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 0, 4 + i)).toISOString().slice(0, 10));
  const values = days.map((_, i) => 1000 * WEEKLY[i % 7] * noise() * (i % 6 === 0 ? 1.08 : 1) * (i === 151 ? 1.15 : 1) * (i === 171 ? 0.6 : 1));
  const input = { days, values, masked: days.map(() => false), segments: days.map(() => "normal") };

  it("reads the scale from the errors' tail too: only the drop is found", () => {
    expect(flagged(input, { ...DEFAULT_THRESHOLDS, minRelChange: 0 })).toEqual([171]);
  });
});
