// Net revenue (revenue by order day − refunds by refund day) split by channel, category and
// product, and revenue by category (which must come from the per-product facts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { ADMIN } from "../pipeline/testing/pipeline-run";
import { getKpiOverview } from "./get-kpi-overview";
import { getKpiSeries } from "./get-kpi-series";
import { getPromotionImpact } from "./get-promotion-impact";
import { kpiSql } from "./kpi-sql";
import type { Dimension } from "./registry";
import { getKpi, KPIS } from "./registry";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line) VALUES
    ('SKU-00001', 'Bol', 'Cuisine', 'B', 1, 2, true, now(), 1, 2),
    ('SKU-00002', 'Vase', 'Déco', 'B', 1, 2, true, now(), 1, 3)`);
  await db.pool.query(`INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES
    ('2026-10-01', 'web', 2, 100.00, 0, 0, 3, 0),
    ('2026-10-01', 'app', 1,  50.00, 0, 0, 1, 0),
    ('2026-10-02', 'web', 1,  30.00, 0, 0, 1, 0)`);
  // The same revenue per product: web 60 + 40 = 100, app 50, and 30 on the 2nd.
  await db.pool.query(`INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned) VALUES
    ('2026-10-01', 'SKU-00001', 'web', 1, 2, 60.00, 0, 0, 0),
    ('2026-10-01', 'SKU-00002', 'web', 1, 1, 40.00, 0, 0, 0),
    ('2026-10-01', 'SKU-00001', 'app', 1, 1, 50.00, 0, 0, 0),
    ('2026-10-02', 'SKU-00002', 'web', 1, 1, 30.00, 0, 0, 0)`);
  await db.pool.query(`INSERT INTO gold_refunds_daily (day, sku, channel, refunds, units_returned) VALUES
    ('2026-10-02', 'SKU-00001', 'web', 20.00, 1),
    ('2026-10-03', 'SKU-00002', 'app',  5.00, 1)`);
});
afterAll(() => db?.drop());

const series = (id: string, by: Dimension | null, top?: number, grain: "day" | "month" = "day") =>
  getKpiSeries(db.pool, ADMIN, getKpi(id)!, { from: "2026-10-01", to: "2026-10-03", grain, by, ...(top ? { top } : {}) });

describe("net revenue", () => {
  it("overall: revenue on order days minus refunds on refund days", async () => {
    const r = await series("net_revenue", null);
    expect(r.series).toEqual([
      { period: "2026-10-01", value: "150.00" }, // 100 + 50
      { period: "2026-10-02", value: "10.00" }, // 30 − 20
      { period: "2026-10-03", value: "-5.00" }, // refund only
    ]);
    expect(r.total).toBe("155.00");
    expect(r.previous).toEqual({ from: "2026-09-28", to: "2026-09-30", total: null });
    expect((await series("net_revenue", null, undefined, "month")).series).toEqual([{ period: "2026-10", value: "155.00" }]);
  });

  it("by channel", async () => {
    expect((await series("net_revenue", "channel")).series).toEqual([
      { period: "2026-10-01", key: "app", value: "50.00" },
      { period: "2026-10-01", key: "web", value: "100.00" },
      { period: "2026-10-02", key: "web", value: "10.00" },
      { period: "2026-10-03", key: "app", value: "-5.00" },
    ]);
  });

  it("by category, through the product catalogue", async () => {
    expect((await series("net_revenue", "category")).series).toEqual([
      { period: "2026-10-01", key: "Cuisine", value: "110.00" }, // 60 + 50
      { period: "2026-10-01", key: "Déco", value: "40.00" },
      { period: "2026-10-02", key: "Cuisine", value: "-20.00" },
      { period: "2026-10-02", key: "Déco", value: "30.00" },
      { period: "2026-10-03", key: "Déco", value: "-5.00" },
    ]);
  });

  it("by product, keeping the top one by net total (SKU-00001: 90 > SKU-00002: 65)", async () => {
    const r = await series("net_revenue", "product", 1);
    expect(r.top).toEqual([{ key: "SKU-00001", value: "90.00" }]);
    expect(r.series).toEqual([
      { period: "2026-10-01", key: "SKU-00001", value: "110.00" },
      { period: "2026-10-02", key: "SKU-00001", value: "-20.00" },
    ]);
  });
});

describe("revenue by category or product", () => {
  it("reads the per-product facts (the daily sales have no product)", async () => {
    expect((await series("revenue", "category")).series).toEqual([
      { period: "2026-10-01", key: "Cuisine", value: "110.00" },
      { period: "2026-10-01", key: "Déco", value: "40.00" },
      { period: "2026-10-02", key: "Déco", value: "30.00" },
    ]);
    expect(kpiSql(getKpi("revenue")!, "day", "product").text).toContain("FROM gold_product_daily f");
    expect(kpiSql(getKpi("revenue")!, "day", "channel").text).toContain("FROM gold_sales_daily f");
  });
});

describe("KPI tiles", () => {
  it("total of the last day and of the last 30 days, each with the period before", async () => {
    const tiles = await getKpiOverview(db.pool, ADMIN, ["revenue", "net_revenue"], "2026-10-02");
    expect(tiles.map((t) => ({ id: t.id, unit: t.unit, day: t.day, last30: t.last30 }))).toEqual([
      // 2 October: 30; 1 October: 150; 3 Sept–2 Oct: 180; 4 Aug–2 Sept: nothing
      { id: "revenue", unit: "eur", day: { value: "30.00", previous: "150.00" }, last30: { value: "180.00", previous: null } },
      // net: 30 − 20 on the 2nd; the refund of the 3rd is outside
      { id: "net_revenue", unit: "eur", day: { value: "10.00", previous: "150.00" }, last30: { value: "160.00", previous: null } },
    ]);
    expect(tiles[0].label.en).toBe("Revenue");
  });

  it("an unknown KPI id is null in the registry", () => {
    expect(getKpi("nope")).toBeNull();
    expect(new Set(KPIS.map((k) => k.id)).size).toBe(KPIS.length);
  });
});

describe("promotion impact", () => {
  it("compares the scope's revenue per day before, during and after, with the code's orders", async () => {
    await db.pool.query(`INSERT INTO silver_promotions (promo_id, name, code, kind, value, starts_at, ends_at, scope_type, scope_value, src_file_id, src_line) VALUES
      ('P1', 'Cuisine', 'CUISINE10', 'percent', 10, '2026-10-02T00:00:00+02:00', '2026-10-02T23:59:59+02:00', 'category', 'Cuisine', 1, 2),
      ('P2', 'Vase', 'DECO10', 'amount', 3, '2026-10-02T00:00:00+02:00', '2026-10-02T23:59:59+02:00', 'sku', 'SKU-00002', 1, 3),
      ('P3', 'Tout', 'ALL5', 'percent', 5, '2026-10-01T00:00:00+02:00', '2026-10-01T23:59:59+02:00', 'all', NULL, 1, 4)`);
    await db.pool.query(`INSERT INTO gold_promo_orders_daily (day, promo_code, orders, revenue, discount) VALUES ('2026-10-02', 'DECO10', 1, 30.00, 3.00), ('2026-10-05', 'DECO10', 9, 90.00, 9.00)`);
    const impact = await getPromotionImpact(db.pool, ADMIN, "Europe/Paris");
    expect(impact.map((p) => p.firstDay)).toEqual(["2026-10-02", "2026-10-02", "2026-10-01"]); // latest first
    const byId = Object.fromEntries(impact.map((p) => [p.promoId, p]));
    // Cuisine: 1 Oct 60 + 50 = 110 before, nothing on the 2nd or 3rd.
    expect(byId.P1).toMatchObject({ code: "CUISINE10", scope: { type: "category", value: "Cuisine" }, lastDay: "2026-10-02", days: 1,
      revenuePerDay: { before: "110.00", during: "0.00", after: "0.00" }, deltaPerDay: "-110.00", deltaRatio: null, ordersWithCode: 0, revenueWithCode: "0" });
    // SKU-00002: 40 before, 30 during → 30/40 − 1 = −25 %; only the order of the 2nd counts.
    expect(byId.P2).toMatchObject({ kind: "amount", value: "3.00", scope: { type: "sku", value: "SKU-00002" },
      revenuePerDay: { before: "40.00", during: "30.00", after: "0.00" }, deltaPerDay: "-10.00", deltaRatio: "-0.2500", ordersWithCode: 1, revenueWithCode: "30.00" });
    // Everything on 1 Oct: 150 during, nothing on 30 Sept, 30 on the 2nd.
    expect(byId.P3).toMatchObject({ scope: { type: "all", value: null }, revenuePerDay: { before: "0.00", during: "150.00", after: "30.00" }, deltaPerDay: "150.00", deltaRatio: null });
  });
});
