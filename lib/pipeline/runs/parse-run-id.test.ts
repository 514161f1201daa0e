import { describe, expect, it } from "vitest";
import { stockSnapshots } from "../contracts/stock-snapshots";
import { parseRunId } from "./parse-run-id";

describe("parseRunId", () => {
  it("accepts 1 to 18 digits only", () => {
    expect(parseRunId("42")).toBe(42n);
    expect(parseRunId("999999999999999999")).toBe(999999999999999999n);
    expect(parseRunId("1000000000000000000")).toBeNull(); // 19 digits
    for (const bad of ["", "-1", "1e3", " 1", "12a", ["1"], null, undefined]) expect(parseRunId(bad as string)).toBeNull();
  });
});

describe("stock_snapshots.reserved_within_on_hand", () => {
  it("warns when more is reserved than is on hand", () => {
    const rule = stockSnapshots.def.rules.find((r) => r.id === "stock_snapshots.reserved_within_on_hand")!;
    expect(rule.severity).toBe("warning");
    expect(rule.check!({ on_hand: 3, reserved: 4 })).toBe(false);
    expect(rule.check!({ on_hand: 3, reserved: 3 })).toBe(true);
    expect(rule.check!({ on_hand: null, reserved: 4 })).toBe(true);
  });
});
