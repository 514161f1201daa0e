// KPIs of the hand-made fixture (lib/pipeline/testing/fixture.ts), run through the whole
// pipeline and read with getKpiSeries. Every expected value is worked out by hand below.
//
// Non-cancelled orders, by Paris order day (ORD-2 ends cancelled; ORD-1 counted once):
//   01/10 ORD-1 web 80.00 (3 units, cost 2×12+8 = 32), ORD-3 web 76.00 (3 units, cost 15+2×8 = 31, discount 4.00)
//   02/10 ORD-4 web 90.00 (ordered 23:30Z on 01/10 = 01:30 Paris; 2 units, cost 12+25 = 37), ORD-5 app 80.00 (2 units, cost 2×15 = 30)
//   03/10 ORD-6 web 60.00 (3 units, cost 3×8 = 24)
// Revenue 156 / 170 / 60 = 386.00; orders 2 / 2 / 1 = 5; units 6 / 4 / 3 = 13; cost 63 / 67 / 24 = 154.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { getKpiSeries } from "../../kpi/get-kpi-series";
import type { Grain } from "../../kpi/kpi-sql";
import { getKpi, type Dimension } from "../../kpi/registry";
import { allFixtureFiles } from "../testing/fixture";
import { ADMIN, newInbox, runWith } from "../testing/pipeline-run";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const outcome = await runWith(db.pool, await newInbox(), allFixtureFiles());
  expect(outcome).toMatchObject({ status: "SUCCESS", qualityGate: "passed" });
});
afterAll(() => db?.drop());

const OCT = { from: "2026-10-01", to: "2026-10-03" };
function kpi(id: string, q: { from?: string; to?: string; grain?: Grain; by?: Dimension | null } = {}) {
  const def = getKpi(id);
  if (!def) throw new Error(`no KPI ${id}`);
  return getKpiSeries(db.pool, ADMIN, def, { ...OCT, grain: "day", by: null, ...q });
}
const byDay = (...values: string[]) => values.map((value, i) => ({ period: `2026-10-0${i + 1}`, value }));

describe("sales KPIs by day over 1–3 October 2026", () => {
  it("revenue: Σ qty×price − discount of non-cancelled orders, the 23:30Z order on 2 October", async () => {
    const r = await kpi("revenue");
    expect(r.series).toEqual(byDay("156.00", "170.00", "60.00"));
    expect(r.total).toBe("386.00"); // 156 + 170 + 60
  });

  it("orders (ORD-1 once, ORD-2 cancelled), units and AOV", async () => {
    expect((await kpi("orders")).series).toEqual(byDay("2", "2", "1"));
    expect((await kpi("orders")).total).toBe("5");
    expect((await kpi("units")).series).toEqual(byDay("6", "4", "3")); // (2+1)+(1+2) / (1+1)+2 / 3
    expect((await kpi("units")).total).toBe("13");
    const aov = await kpi("aov");
    expect(aov.series).toEqual(byDay("78.00", "85.00", "60.00")); // 156/2, 170/2, 60/1
    expect(aov.total).toBe("77.20"); // 386 / 5
  });

  it("margin: revenue − qty × unit cost", async () => {
    const m = await kpi("margin");
    expect(m.series).toEqual(byDay("93.00", "103.00", "36.00")); // 156−63, 170−67, 60−24
    expect(m.total).toBe("232.00"); // 386 − 154
  });

  it("shipping stays apart from revenue", async () => {
    expect((await kpi("shipping")).series).toEqual(byDay("9.80", "4.90", "4.90")); // 4.90+4.90 / 4.90 (ORD-4) + 0 (ORD-5) / 4.90
  });

  it("refunds by refund date and net revenue", async () => {
    const refunds = await kpi("refunds");
    expect(refunds.series).toEqual([{ period: "2026-10-03", value: "20.00" }]); // RET-1 received 03/10
    expect(refunds.total).toBe("20.00");
    const net = await kpi("net_revenue");
    expect(net.series).toEqual(byDay("156.00", "170.00", "40.00")); // 60 − 20 on 03/10
    expect(net.total).toBe("366.00"); // 386 − 20
  });

  it("return rate counts the return in its order's period", async () => {
    const r = await kpi("return_rate");
    expect(r.series).toEqual(byDay("0.1667", "0.0000", "0.0000")); // 1 of ORD-3's units / 6 units sold on 01/10
    expect(r.total).toBe("0.0769"); // 1 / 13 = 0.07692…
    const byCategory = await kpi("return_rate", { grain: "month", by: "category" });
    expect(byCategory.series).toEqual([
      { period: "2026-10", key: "Cuisine", value: "0.0000" }, // 0 / (2 + 1 + 1 + 2)
      { period: "2026-10", key: "Déco", value: "0.1429" }, // 1 / (1 + 2 + 3 + 1) = 1/7
    ]);
  });

  it("stock-out rate: active SKU-days with available ≤ 0 (all warehouses) / active SKU-days", async () => {
    const s = await kpi("stockout_rate");
    // 4 active SKUs a day; only SKU-00002 on 01/10 (3 − 3 = 0). SKU-00004 on 02/10: 2 + (0 − 1) = 1, not out;
    // SKU-00005 is out every day but inactive.
    expect(s.series).toEqual(byDay("0.2500", "0.0000", "0.0000"));
    expect(s.total).toBe("0.0833"); // 1 / 12
    const byCategory = await kpi("stockout_rate", { grain: "month", by: "category" });
    expect(byCategory.series).toEqual([
      { period: "2026-10", key: "Cuisine", value: "0.1667" }, // 1 / (2 SKUs × 3 days)
      { period: "2026-10", key: "Déco", value: "0.0000" },
      { period: "2026-10", key: "Linge", value: null }, // no active SKU-day: no rate
    ]);
  });

  it("conversion rate: sessions with a purchase / sessions, by the day of the session's first event", async () => {
    const c = await kpi("conversion_rate");
    // 01/10: sessions 1 (buys ORD-1), 2, 3 (starts 23:50, buys ORD-4 at 01:30 on 02/10) → 2/3; 02/10: session 4 → 0/1;
    // 03/10: sessions 5 (buys ORD-6), 6 → 1/2.
    expect(c.series).toEqual(byDay("0.6667", "0.0000", "0.5000"));
    expect(c.total).toBe("0.5000"); // 3 / 6
  });

  it("CLV: average of revenue − refunds per customer, over customers whose first order is in the period", async () => {
    // C1 80 + 80 = 160 (first 01/10); C3 76 − 20 = 56 (01/10); C4 90 (02/10); C2 60 (03/10: ORD-2 was cancelled).
    const clv = await kpi("clv");
    expect(clv.series).toEqual(byDay("108.00", "90.00", "60.00")); // (160 + 56) / 2
    expect(clv.total).toBe("91.50"); // 366 / 4
  });
});

describe("dimensions, grains and the previous period", () => {
  it("revenue by category and by channel", async () => {
    // Cuisine: SKU-1 60 (ORD-1) + 30 (ORD-4), SKU-2 36 (ORD-3) + 80 (ORD-5); Déco: SKU-3 20 + 40 + 60, SKU-4 60.
    expect((await kpi("revenue", { grain: "month", by: "category" })).series).toEqual([
      { period: "2026-10", key: "Cuisine", value: "206.00" },
      { period: "2026-10", key: "Déco", value: "180.00" },
    ]);
    expect((await kpi("revenue", { by: "category" })).series).toEqual([
      { period: "2026-10-01", key: "Cuisine", value: "96.00" }, // 60 + 36
      { period: "2026-10-01", key: "Déco", value: "60.00" }, // 20 + 40
      { period: "2026-10-02", key: "Cuisine", value: "110.00" }, // 30 + 80
      { period: "2026-10-02", key: "Déco", value: "60.00" },
      { period: "2026-10-03", key: "Déco", value: "60.00" },
    ]);
    expect((await kpi("revenue", { grain: "month", by: "channel" })).series).toEqual([
      { period: "2026-10", key: "app", value: "80.00" }, // ORD-5 (ORD-2 cancelled)
      { period: "2026-10", key: "web", value: "306.00" }, // 80 + 76 + 90 + 60
    ]);
  });

  it("filters by category and channel; a KPI that cannot be split that way ignores the filter", async () => {
    const filtered = (id: string, filter: { category?: string; channel?: string; product?: string }) => getKpiSeries(db.pool, ADMIN, getKpi(id)!, { ...OCT, grain: "month", by: null, filter });
    expect((await filtered("revenue", { category: "Cuisine" })).total).toBe("206.00");
    expect((await filtered("revenue", { channel: "app" })).total).toBe("80.00");
    expect((await filtered("revenue", { category: "Cuisine", channel: "web" })).total).toBe("126.00"); // 206 − ORD-5 (app) 80
    expect((await filtered("net_revenue", { category: "Déco" })).total).toBe("160.00"); // 180 − RET-1 20
    expect((await filtered("net_revenue", { channel: "app" })).total).toBe("80.00"); // RET-1 is on a web order
    expect((await filtered("revenue", { product: "SKU-00002" })).total).toBe("116.00"); // 36 (ORD-3) + 80 (ORD-5)
    expect((await filtered("units", { product: "SKU-00001", channel: "web" })).total).toBe("3"); // ORD-1 2 + ORD-4 1
    const orders = await filtered("orders", { category: "Cuisine", channel: "web" });
    expect(orders.total).toBe("4"); // by channel only: ORD-1, 3, 4, 6
    expect(orders.filter).toEqual({ channel: "web" });
  });

  it("week (ISO, from Monday) and month grains", async () => {
    // 1 October 2026 is a Thursday; Monday 28 September starts ISO week 40 (1 January 2026 is a Thursday, so
    // week 1 starts Monday 29 December 2025, and 28 September is 273 days = 39 weeks later).
    const week = await kpi("revenue", { from: "2026-09-28", to: "2026-10-04", grain: "week" });
    expect(week.series).toEqual([{ period: "2026-W40", value: "386.00" }]);
    expect((await kpi("aov", { grain: "month" })).series).toEqual([{ period: "2026-10", value: "77.20" }]);
  });

  it("compares with the previous period of the same length", async () => {
    const r = await kpi("revenue", { from: "2026-10-02", to: "2026-10-03" });
    expect(r.total).toBe("230.00"); // 170 + 60
    expect(r.previous).toEqual({ from: "2026-09-30", to: "2026-10-01", total: "156.00" });
    expect((await kpi("revenue")).previous).toEqual({ from: "2026-09-28", to: "2026-09-30", total: null });
  });
});

describe("gold facts behind the KPIs", () => {
  it("the re-exported order is counted once with its latest status; the cancelled one not at all", async () => {
    const { rows } = await db.pool.query("SELECT order_id, status, order_date::text AS day FROM silver_orders ORDER BY order_id");
    expect(rows.map((r) => `${r.order_id} ${r.status} ${r.day}`)).toEqual([
      "ORD-00000001 shipped 2026-10-01",
      "ORD-00000002 cancelled 2026-10-01",
      "ORD-00000003 paid 2026-10-01",
      "ORD-00000004 paid 2026-10-02",
      "ORD-00000005 paid 2026-10-02",
      "ORD-00000006 paid 2026-10-03",
    ]);
  });

  it("gold_promo_orders_daily holds the order that used CUISINE10, with all its lines", async () => {
    const { rows } = await db.pool.query("SELECT day::text, promo_code, orders, revenue::text, discount::text FROM gold_promo_orders_daily");
    // ORD-3: 1×40 − 4 + 2×20 = 76.00, discount 4.00
    expect(rows).toEqual([{ day: "2026-10-01", promo_code: "CUISINE10", orders: 1, revenue: "76.00", discount: "4.00" }]);
  });
});
