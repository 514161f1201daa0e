import { expect, it } from "vitest";
import { fitOrNull } from "./fit-or-null";

it("turns a model that cannot fit into no forecast, and passes a fit through", () => {
  expect(fitOrNull(() => { throw new Error("Fit error: trend model error: no model found"); })).toBeNull();
  expect(fitOrNull(() => 42)).toBe(42);
});
