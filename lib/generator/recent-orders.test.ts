import { describe, expect, it } from "vitest";
import { MAX_AGE, RecentOrders } from "./recent-orders";
import type { Order } from "./simulation";

const order = (n: number, dayIndex: number, extra: Partial<Order> = {}): Order => ({
  id: `ORD-${String(n).padStart(8, "0")}`,
  customerId: `C${String(n * 3).padStart(7, "0")}`,
  orderedMs: Date.UTC(2025, 2, 1 + dayIndex, 9, 30, n % 60),
  dayIndex,
  channel: "web",
  method: "card",
  shipping: 490,
  promoCode: null,
  lines: [{ product: n, quantity: 2, unitPrice: 1999, discount: 0 }],
  captured: 4488,
  ...extra,
});

describe("RecentOrders", () => {
  it("gives back every stored field of the orders of the last days", () => {
    const store = new RecentOrders();
    const a = order(1, 0);
    const b = order(2, 0, { channel: "marketplace", method: "marketplace", shipping: 0, promoCode: "SOLDES20", captured: 0, lines: [] });
    const c = order(12_345_678, 3, {
      channel: "app",
      method: "apple_pay",
      promoCode: "SOLDES20",
      lines: [
        { product: 5999, quantity: 6, unitPrice: 129_900, discount: 25_980 },
        { product: 0, quantity: 1, unitPrice: 500, discount: 0 },
      ],
    });
    expect([store.add(a), store.add(b), store.add(c)]).toEqual([0, 1, 0]);
    expect(store.get(0, 0)).toEqual(a);
    expect(store.get(0, 1)).toEqual(b);
    expect(store.get(3, 0)).toEqual(c);
  });

  it("forgets a day once its slot is reused, and says so", () => {
    const store = new RecentOrders();
    store.add(order(1, 0));
    store.add(order(2, MAX_AGE + 1));
    expect(() => store.get(0, 0)).toThrow(/no longer kept/);
    expect(store.get(MAX_AGE + 1, 0).id).toBe("ORD-00000002");
  });
});
