// The accuracy measures and history preparation against values worked out by hand.
import { describe, expect, it } from "vitest";
import { mase, naiveScale, seasonalNaive } from "./accuracy";
import { cleanOutliers } from "./clean-outliers";
import { fillMasked } from "./fill-masked";
import { seasonalMean } from "./seasonal-mean";
import { yearlyIndex } from "./yearly-index";

const week = [1, 2, 3, 4, 5, 6, 7];

describe("seasonal naive and MASE", () => {
  it("repeats the last week", () => {
    expect(seasonalNaive([9, 9, ...week], 10)).toEqual([...week, 1, 2, 3]);
  });

  it("scales by the in-sample one-week-ahead naive error", () => {
    // Two weeks, the second 2 higher every day: the naive is off by 2 each of 7 days.
    expect(naiveScale([...week, ...week.map((x) => x + 2)])).toBe(2);
    // Errors 1, 1, 4 → MAE 2, over a scale of 2 → 1.
    expect(mase([10, 10, 10], [9, 11, 14], 2)).toBe(1);
    expect(mase([1], [2], 0)).toBe(0);
  });
});

describe("seasonal mean", () => {
  it("averages the same weekday over the last weeks, as many as the history holds", () => {
    // Three weeks: the second 7 higher, the third 14 higher than the first.
    const y = [...week, ...week.map((x) => x + 7), ...week.map((x) => x + 14)];
    expect(seasonalMean(y, 9, 2)).toEqual([...week.map((x) => x + 10.5), 11.5, 12.5]);
    expect(seasonalMean(y, 1, 8)).toEqual([1 + 7]);
  });
});

describe("history preparation", () => {
  it("fills masked days with the same weekday a week earlier, chained", () => {
    const y = [...week, 50, 60, 3, 4, 5, 6, 7, 70];
    const masked = y.map((_, i) => i === 7 || i === 8 || i === 14);
    expect(fillMasked(y, masked)).toEqual([...week, 1, 2, 3, 4, 5, 6, 7, 1]);
  });

  it("replaces a lone spike by its weekday's median and leaves ordinary noise", () => {
    const y = Array.from({ length: 63 }, (_, i) => 100 + (i % 7) * 10 + (i % 2));
    const spiked = [...y];
    spiked[30] = 400;
    const cleaned = cleanOutliers(spiked);
    expect(cleaned[30]).toBeCloseTo(100 + (30 % 7) * 10 + 0.5, 5);
    expect(cleaned.filter((x, i) => i !== 30 && x !== y[i])).toEqual([]);
  });

  it("takes last year's week-long bump relative to the median week around it", () => {
    // Flat 100 with a week at 150 a year before the forecast's third day.
    const n = 400;
    const y = Array.from({ length: n }, (_, i) => (i >= n + 2 - 364 - 3 && i <= n + 2 - 364 + 3 ? 150 : 100));
    const index = yearlyIndex(y, 10);
    expect(index).toHaveLength(n + 10);
    expect(index[0]).toBe(1);
    // Centred week = 150; the nine centred weeks around it: eight at 100 and itself → median 100.
    expect(index[n + 2]).toBeCloseTo(1.5, 10);
    // Three days later the centred week holds 4 bump days: (4 × 150 + 3 × 100) / 7; the weeks
    // around still have a median of 100.
    expect(index[n + 5]).toBeCloseTo((4 * 150 + 3 * 100) / 7 / 100, 10);
  });
});
