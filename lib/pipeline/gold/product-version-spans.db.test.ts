// Which product version is in force at an instant, as the sales (order placed at, inclusive) and
// stock (end of day, exclusive) facts ask it, on a product with three versions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { inForceAt, PRODUCT_VERSION_SPANS } from "./product-version-spans";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`INSERT INTO silver_product_versions (sku, updated_at, unit_cost, list_price, active) VALUES
    ('SKU-00001', '2026-10-01T00:00:00Z', 10.00, 20.00, true),
    ('SKU-00001', '2026-10-05T12:00:00Z', 11.00, 20.00, false),
    ('SKU-00001', '2026-10-09T00:00:00Z', 12.00, 20.00, true),
    ('SKU-00002', '2026-10-03T00:00:00Z', 30.00, 50.00, true)`);
});
afterAll(() => db?.drop());

const costAt = async (instant: string, inclusive: boolean) => {
  const { rows } = await db.pool.query<{ unit_cost: string }>(
    `SELECT v.unit_cost::text FROM ${PRODUCT_VERSION_SPANS} v WHERE v.sku = 'SKU-00001' AND ${inForceAt("$1::timestamptz", inclusive)}`,
    [instant],
  );
  return rows.map((r) => r.unit_cost);
};

describe("product version in force", () => {
  it("is the latest version updated at or before the instant, when inclusive (orders)", async () => {
    expect(await costAt("2026-09-30T23:59:59Z", true)).toEqual([]);
    expect(await costAt("2026-10-01T00:00:00Z", true)).toEqual(["10.00"]);
    expect(await costAt("2026-10-05T11:59:59Z", true)).toEqual(["10.00"]);
    expect(await costAt("2026-10-05T12:00:00Z", true)).toEqual(["11.00"]);
    expect(await costAt("2026-10-08T23:59:59Z", true)).toEqual(["11.00"]);
    expect(await costAt("2027-01-01T00:00:00Z", true)).toEqual(["12.00"]);
  });

  it("is the latest version updated strictly before the instant, when exclusive (end of a stock day)", async () => {
    expect(await costAt("2026-10-01T00:00:00Z", false)).toEqual([]);
    expect(await costAt("2026-10-05T12:00:00Z", false)).toEqual(["10.00"]);
    expect(await costAt("2026-10-05T12:00:01Z", false)).toEqual(["11.00"]);
    expect(await costAt("2026-10-09T00:00:00Z", false)).toEqual(["11.00"]);
    expect(await costAt("2026-10-09T00:00:01Z", false)).toEqual(["12.00"]);
  });
});
