import { describe, expect, it } from "vitest";
import { stockSnapshots } from "./stock-snapshots";

describe("stock_snapshots.reserved_within_on_hand", () => {
  it("warns when more is reserved than is on hand", () => {
    const rule = stockSnapshots.def.rules.find((r) => r.id === "stock_snapshots.reserved_within_on_hand")!;
    expect(rule.severity).toBe("warning");
    expect(rule.check!({ on_hand: 3, reserved: 4 })).toBe(false);
    expect(rule.check!({ on_hand: 3, reserved: 3 })).toBe(true);
    expect(rule.check!({ on_hand: null, reserved: 4 })).toBe(true);
  });
});
