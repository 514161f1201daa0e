import { describe, expect, it } from "vitest";
import { compareDecimal } from "./get-kpi-series";

describe("compareDecimal", () => {
  it("orders decimal strings exactly, signs and lengths included", () => {
    const values = ["10.5", "-3", "9.99", "100", "0.001", "-10.25", "10.50", "0"];
    expect([...values].sort(compareDecimal)).toEqual(["-10.25", "-3", "0", "0.001", "9.99", "10.5", "10.50", "100"]);
    expect(compareDecimal("12345678901234567.01", "12345678901234567.02")).toBe(-1);
  });
});
