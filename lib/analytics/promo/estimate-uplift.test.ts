// The uplift estimate on a constructed series whose true uplift is known, with stock-outs hiding
// part of the promotion's demand.
import { expect, it } from "vitest";
import { forecastSeries } from "../forecast/forecast-series";
import { estimateUplift } from "./estimate-uplift";

const WEEKLY = [100, 110, 120, 130, 140, 200, 220];
const DAYS = 126;
const START = 112; // two weeks of promotion at ×1.5
const usual = (i: number) => WEEKLY[i % 7];
const none = new Array<boolean>(DAYS).fill(false);

it("recovers the uplift on demand when part of the scope is out of stock", () => {
  // From day 119 on, a product carrying 40% of the usual demand is out: 60% shows.
  const share = Array.from({ length: DAYS }, (_, i) => (i >= 119 ? 0.6 : 1));
  const y = Array.from({ length: DAYS }, (_, i) => usual(i) * (i >= START ? 1.5 : 1) * share[i]);
  const est = estimateUplift(y, START, DAYS, none, share);
  expect(Math.abs((est?.uplift ?? 0) / 1.5 - 1)).toBeLessThan(0.03);
  // Counting the hidden demand as "no uplift" reads 1.5 × (7 + 7 × 0.6) / 14 = 1.2.
  const naive = estimateUplift(y, START, DAYS, none);
  expect(Math.abs((naive?.uplift ?? 0) / 1.2 - 1)).toBeLessThan(0.03);
});

it("leaves out days with less than half the demand in stock, in the history too", () => {
  // Days 50–56 (history) and 119–125 (promotion) sold nothing: the product was out.
  const out = (i: number) => (i >= 50 && i < 57) || i >= 119;
  const share = Array.from({ length: DAYS }, (_, i) => (out(i) ? 0 : 1));
  const y = Array.from({ length: DAYS }, (_, i) => (out(i) ? 0 : usual(i) * (i >= START ? 1.5 : 1)));
  const est = estimateUplift(y, START, DAYS, none, share);
  expect(est?.actual).toBe(WEEKLY.reduce((s, u) => s + u * 1.5, 0));
  expect(Math.abs((est?.uplift ?? 0) / 1.5 - 1)).toBeLessThan(0.03);
  // Out of stock the whole promotion: nothing to measure.
  expect(estimateUplift(y, 119, DAYS, none, share)).toBeNull();
});

it("takes out the bias the placebo windows measure: a slow seller's log-scale forecast reads low", () => {
  // 1, 4, 7 units in turn: a fit on log(1 + y) expects about expm1(mean of the logs) ≈ 3.6 a day
  // against a mean of 4, so the raw ratio reads the ×2 uplift far too high.
  const y = Array.from({ length: DAYS }, (_, i) => (1 + 3 * (i % 3)) * (i >= START ? 2 : 1));
  const est = estimateUplift(y, START, DAYS, none);
  expect(est?.placebos).toBe(6);
  // The forecast's own expectation: the raw ratio, before the correction.
  const forecast = forecastSeries(y.slice(0, START), DAYS - START).point.reduce((s, x) => s + x, 0);
  const raw = (est?.actual ?? 0) / forecast;
  expect(raw / 2 - 1).toBeGreaterThan(0.15);
  expect(est?.uplift).toBeCloseTo((est?.actual ?? 0) / (est?.counterfactual ?? 1), 10);
  // The placebos' mean error taken out: within a third of the raw error.
  expect(Math.abs((est?.uplift ?? 0) / 2 - 1)).toBeLessThan((raw / 2 - 1) / 3);
});
