// Series loading on partial gold: per-product facts without any order-day totals (as in a
// database where only product facts were loaded) must not crash the anomaly step; a split
// with no total to be a share of is left out, ratio series stay.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { loadSeries } from "./load-series";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(
    `INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line)
     VALUES ('S1', 'Bol', 'Cuisine', 'B', 1, 2, true, now(), 1, 1)`,
  );
  await db.pool.query(
    `INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned)
     VALUES ('2026-03-01', 'S1', 'web', 1, 4, 8, 0, 4, 1), ('2026-03-02', 'S1', 'web', 1, 2, 4, 0, 2, 0)`,
  );
});
afterAll(() => db?.drop());

it("leaves out category revenue without a total, keeps the return rate", async () => {
  const loaded = await loadSeries(db.pool, "Europe/Paris");
  const keys = loaded.series.map((s) => `${s.metric}|${s.scopeType}|${s.scopeValue ?? ""}`);
  expect(keys).not.toContain("revenue|category|Cuisine");
  expect(keys).toContain("return_rate|category|Cuisine");
});
