// The in-stock units and demand share against values worked out by hand.
import { expect, it } from "vitest";
import { inStockDemand } from "./in-stock-demand";

it("counts the products in stock and weighs them by their usual units before the promotion", () => {
  const days = 60;
  const start = 58;
  // A sells 3 a day, B 1 a day; B is out on day 10 (weighed without it) and on day 59.
  const a = { units: new Array<number>(days).fill(3), inStock: new Array<boolean>(days).fill(true) };
  const b = { units: Array.from({ length: days }, (_, i) => (i === 10 || i === 59 ? 0 : 1)), inStock: Array.from({ length: days }, (_, i) => i !== 10 && i !== 59) };
  const { units, share } = inStockDemand([a, b], start);
  expect(units[58]).toBe(4);
  expect(share[58]).toBe(1);
  // Day 59: only A, whose usual 3 a day are 3 / (3 + 1) of the scope's demand.
  expect(units[59]).toBe(3);
  expect(share[59]).toBe(0.75);
  expect(share[10]).toBe(0.75);
});

it("falls back to the share of products in stock when nothing sold before", () => {
  const zeros = new Array<number>(10).fill(0);
  const { share } = inStockDemand([{ units: zeros, inStock: zeros.map(() => true) }, { units: zeros, inStock: zeros.map((_, i) => i < 5) }], 8);
  expect([share[4], share[5]]).toEqual([1, 0.5]);
  expect(inStockDemand([], 0)).toEqual({ units: [], share: [] });
});
