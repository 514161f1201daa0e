// The dashboards' own data functions on the hand-made fixture (lib/pipeline/testing/fixture.ts)
// run through the whole pipeline. Expected values worked out by hand from the fixture:
//   orders 01–03/10: ORD-1 web 80 + 4.90, ORD-2 app 60 (cancelled, captured then refunded),
//   ORD-3 web 76 + 4.90, ORD-4 web 90 + 4.90, ORD-5 app 80 + 0, ORD-6 web 60 + 4.90.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import type { CurrentUser } from "../auth/current-user";
import { ForbiddenError } from "../auth/assert-can";
import { allFixtureFiles } from "../pipeline/testing/fixture";
import { ADMIN, newInbox, runWith } from "../pipeline/testing/pipeline-run";
import { getFilterOptions } from "./get-filter-options";
import { getPaymentsReconciliation } from "./get-payments-reconciliation";
import { getProductDetail } from "./get-product-detail";
import { getProductPerformance } from "./get-product-performance";
import { getStockOverview } from "./get-stock-overview";
import { getWebFunnel } from "./get-web-funnel";
import { listSavedCharts, removeSavedChart, saveChart } from "./saved-charts";
import { getKpiTotals } from "../kpi/get-kpi-totals";

let db: TestDatabase;
let analyst: CurrentUser;
beforeAll(async () => {
  db = await createTestDatabase();
  expect(await runWith(db.pool, await newInbox(), allFixtureFiles())).toMatchObject({ status: "SUCCESS" });
  const u = await db.prisma.user.create({ data: { email: "ana@example.fr", name: "Ana", role: "analyst", passwordHash: "x" } });
  analyst = { id: u.id, email: u.email, name: u.name, role: "analyst", locale: "fr" } as CurrentUser;
});
afterAll(() => db?.drop());

const FINANCE = { ...ADMIN, role: "finance" } as CurrentUser;

describe("payments reconciliation, 1–3 October", () => {
  it("explains the gap between captured payments and order value", async () => {
    expect(await getPaymentsReconciliation(db.pool, FINANCE, "2026-10-01", "2026-10-03")).toEqual({
      orderValue: "405.60", // revenue 386.00 + shipping 19.60
      captured: "465.60", // 84.90 + 60.00 + 80.90 + 94.90 + 80.00 + 64.90
      gap: "60.00",
      capturedOnCancelled: "60.00", // ORD-2
      neverCaptured: "0.00",
      neverCapturedOrders: 0,
      failedAttempts: 0,
      unexplained: "0.00",
      refunded: "80.00", // ORD-2's 60.00 and RET-1's 20.00
    });
  });

  it("for one channel, and only for finance", async () => {
    expect(await getPaymentsReconciliation(db.pool, FINANCE, "2026-10-01", "2026-10-03", "app")).toMatchObject({ orderValue: "80.00", captured: "140.00", capturedOnCancelled: "60.00", unexplained: "0.00", refunded: "60.00" });
    await expect(getPaymentsReconciliation(db.pool, { ...ADMIN, role: "marketing" } as CurrentUser, "2026-10-01", "2026-10-03")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("products and pricing", () => {
  it("ranks products by revenue with realised price, margin and return rate", async () => {
    const rows = await getProductPerformance(db.pool, ADMIN, { from: "2026-10-01", to: "2026-10-03", category: null, channel: null, limit: 10 });
    expect(rows.map((r) => [r.sku, r.revenue])).toEqual([
      ["SKU-00003", "120.00"],
      ["SKU-00002", "116.00"],
      ["SKU-00001", "90.00"],
      ["SKU-00004", "60.00"],
    ]);
    // SKU-00002: 1 × 40 − 4 + 2 × 40 = 116 for 3 units at cost 15; list price 40.
    expect(rows[1]).toEqual({ sku: "SKU-00002", name: expect.any(String), category: "Cuisine", units: 3, revenue: "116.00", margin: "71.00", listPrice: "40.00", realisedPrice: "38.67", priceGap: "-0.0333", returnRate: "0.0000" });
    // SKU-00003: 6 units, 1 returned (RET-1).
    expect(rows[0].returnRate).toBe("0.1667");
    const app = await getProductPerformance(db.pool, ADMIN, { from: "2026-10-01", to: "2026-10-03", category: "Cuisine", channel: "app", limit: 10 });
    expect(app.map((r) => [r.sku, r.units])).toEqual([["SKU-00002", 2]]); // ORD-5
  });

  it("a product's file: price history, return reasons, stock", async () => {
    const d = await getProductDetail(db.pool, ADMIN, "SKU-00003", "2026-10-01", "2026-10-03");
    expect(d?.product).toMatchObject({ sku: "SKU-00003", category: "Déco", listPrice: "20.00", unitCost: "8.00" });
    expect(d?.returnReasons).toEqual([{ reason: expect.any(String), returns: 1, units: 1, refunds: "20.00" }]);
    expect(d?.stock.map((s) => s.available)).toEqual([45, 43, 42]); // 50−5, 48−5, 45−3
    expect(await getProductDetail(db.pool, ADMIN, "NOPE", "2026-10-01", "2026-10-03")).toBeNull();
  });
});

describe("stock", () => {
  it("on 1 October: levels by category and warehouse, SKU-00002 out and at risk", async () => {
    const s = await getStockOverview(db.pool, ADMIN, "2026-10-01", null);
    expect(s.byCategory).toEqual([
      { category: "Cuisine", skus: 2, onHand: 18, available: 13, out: 1 }, // SKU-1 15/13, SKU-2 3/0
      { category: "Déco", skus: 2, onHand: 54, available: 49, out: 0 }, // SKU-3 50/45, SKU-4 4/4
    ]);
    expect(s.warehouses).toEqual([
      { warehouse: "LYS1", on_hand: "5", reserved: "0", available: "5", skus_out: "0" },
      { warehouse: "PAR1", on_hand: "67", reserved: "10", available: "57", skus_out: "1" },
    ]);
    // 1 unit sold in the 28 days up to 01/10 → 0.04 a day, nothing left.
    expect(s.atRisk).toMatchObject([{ sku: "SKU-00002", stockout: true, available: 0, per_day: "0.04", days_left: 0 }]);
  });

  it("on 3 October nothing is under 14 days: SKU-00001 has 8 left at 3 units / 28 days = 74 days", async () => {
    const s = await getStockOverview(db.pool, ADMIN, "2026-10-03", "Cuisine");
    expect(s.atRisk).toEqual([]);
    expect(s.byCategory).toEqual([{ category: "Cuisine", skus: 2, onHand: 26, available: 25, out: 0 }]); // SKU-1 8 + 0, SKU-2 18 (17 free)
  });
});

describe("filters, funnel, totals", () => {
  it("offers the catalogue's categories and the channels that sold", async () => {
    expect(await getFilterOptions(db.pool)).toEqual({ categories: ["Cuisine", "Déco", "Linge"], channels: ["app", "web"] });
  });

  it("the funnel counts sessions reaching each step; 3 of 6 bought", async () => {
    const f = await getWebFunnel(db.pool, ADMIN, "2026-10-01", "2026-10-03");
    expect(f.steps[0]).toEqual({ step: "sessions", sessions: "6", fromPrevious: null });
    expect(f.steps[4].sessions).toBe("3");
  });

  it("totals against any comparison range (here the same days, so no change)", async () => {
    const [revenue] = await getKpiTotals(db.pool, ADMIN, ["revenue"], { from: "2026-10-01", to: "2026-10-03" }, { from: "2026-10-01", to: "2026-10-01" });
    expect(revenue).toEqual({ id: "revenue", unit: "eur", value: "386.00", previous: "156.00", filtered: false });
  });
});

describe("saved charts", () => {
  it("are personal: saved, listed, removed only by their owner", async () => {
    await saveChart(db.prisma, analyst, { title: "CA par catégorie", query: { kpi: "revenue", by: "category", range: "90d" } });
    const [chart] = await listSavedCharts(db.prisma, analyst);
    expect(chart).toMatchObject({ title: "CA par catégorie", query: { kpi: "revenue", by: "category", range: "90d" } });
    expect(await listSavedCharts(db.prisma, { ...analyst, id: ADMIN.id } as CurrentUser)).toEqual([]);
    expect(await removeSavedChart(db.prisma, { ...analyst, id: ADMIN.id } as CurrentUser, BigInt(chart.id))).toBe(false);
    expect(await removeSavedChart(db.prisma, analyst, BigInt(chart.id))).toBe(true);
    expect(await listSavedCharts(db.prisma, analyst)).toEqual([]);
    await expect(saveChart(db.prisma, FINANCE, { title: "x", query: {} })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
