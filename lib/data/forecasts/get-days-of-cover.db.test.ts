// Days of cover against a forecast written by hand: Cuisine is forecast at 10 units a day; of
// its last 28 days' sales SKU-A made 75% and SKU-B 25%, so they need 7.5 and 2.5 a day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { ADMIN } from "../../pipeline/testing/pipeline-run";
import { getDaysOfCover } from "./get-days-of-cover";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line) VALUES
    ('SKU-A', 'A', 'Cuisine', 'B', 1, 2, true, now(), 1, 2), ('SKU-B', 'B', 'Cuisine', 'B', 1, 2, true, now(), 1, 3), ('SKU-C', 'C', 'Cuisine', 'B', 1, 2, true, now(), 1, 4)`);
  // Last 28 days (to 2026-03-31): A sells 30, B 10 (one sale 40 days ago does not count), C none.
  await db.pool.query(`INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned) VALUES
    ('2026-03-31', 'SKU-A', 'web', 1, 20, 0, 0, 0, 0), ('2026-03-10', 'SKU-A', 'app', 1, 10, 0, 0, 0, 0),
    ('2026-03-20', 'SKU-B', 'web', 1, 10, 0, 0, 0, 0), ('2026-02-20', 'SKU-B', 'web', 1, 50, 0, 0, 0, 0)`);
  await db.pool.query(`INSERT INTO gold_forecast (metric, scope, day, point, lower_80, upper_80, lower_95, upper_95)
    SELECT 'units', 'Cuisine', d::date, 10, 8, 12, 6, 14 FROM generate_series('2026-04-01'::date, '2026-06-29'::date, interval '1 day') d`);
  await db.pool.query(`INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout) VALUES
    ('2026-03-30', 'SKU-A', true, 999, 999, false),
    ('2026-03-31', 'SKU-A', true, 80, 80, false), ('2026-03-31', 'SKU-B', true, 100, 100, false), ('2026-03-31', 'SKU-C', true, 5, 5, false)`);
});
afterAll(() => db?.drop());

describe("getDaysOfCover", () => {
  it("divides the latest available stock by the product's share of its category forecast", async () => {
    const rows = await getDaysOfCover(db.pool, ADMIN, { limit: 10 });
    // A: 7.5/day, 80 in stock → 10 days (75 ≤ 80 < 82.5). B: 2.5/day, 100 → 40 days. C sold nothing: no demand, not listed.
    expect(rows.map((r) => [r.sku, r.available, r.daysOfCover, r.forecastUnits30, r.reorderSoon, r.coverCapped])).toEqual([
      ["SKU-A", 80, 10, "225.0", true, false],
      ["SKU-B", 100, 40, "75.0", false, false],
    ]);
    expect(rows[0].unitsLast28).toBe(30);
  });

  it("caps the cover at the forecast's 90 days and honours the limit", async () => {
    await db.pool.query("UPDATE gold_stock_daily SET available = 10000 WHERE sku = 'SKU-B' AND day = '2026-03-31'");
    const rows = await getDaysOfCover(db.pool, ADMIN, { limit: 1 });
    expect(rows.map((r) => r.sku)).toEqual(["SKU-A"]);
    const all = await getDaysOfCover(db.pool, ADMIN, { limit: 10 });
    expect(all[1]).toMatchObject({ sku: "SKU-B", daysOfCover: 90, coverCapped: true });
  });

  it("refuses a role without forecasts:view", async () => {
    await expect(getDaysOfCover(db.pool, { ...ADMIN, role: "merchandising" }, { limit: 1 })).rejects.toThrow("forecasts:view");
  });
});
