// Stock alerts from a hand-made gold_stock_daily: which SKUs raise what, from which day, and that
// re-running changes nothing while a recovered SKU's alert is resolved by the pipeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { raiseStockAlerts } from "./raise-stock-alerts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

// [sku, active, available per day from 2026-11-01]; a null available means out of stock (0, stockout).
const FIXTURE: [string, boolean, (number | null)[]][] = [
  ["A", true, [10, null, null, null]], // out since 11-02
  ["B", true, [10, 3, 2, 4]], // low (< default 5) since 11-02
  ["C", true, [2, 2, 8, 20]], // was low, recovered: nothing
  ["D", true, [3, 3, 3, 3]], // own threshold 2: fine
  ["E", false, [null, null, null, null]], // inactive: nothing
  ["F", true, [null, 4, null, null]], // out again since 11-03
  ["G", true, [6, 6, 6, 6]], // own threshold 8: low since the first day
];

async function addDay(day: string, rows: [string, boolean, number | null][]) {
  for (const [sku, active, available] of rows) {
    await db.pool.query("INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout) VALUES ($1, $2, $3, $4, $4, $5)", [day, sku, active, available ?? 0, available === null]);
  }
}
const alerts = async () =>
  (await db.pool.query("SELECT key, status::text, resolved_by IS NULL AS by_pipeline FROM alert ORDER BY key")).rows.map((r) => `${r.key} ${r.status}`);

describe("stock alerts", () => {
  it("raises one alert per SKU out of stock or under its threshold on the latest day", async () => {
    await db.pool.query("INSERT INTO stock_threshold (sku, min_available) VALUES ('D', 2), ('G', 8)");
    for (let d = 0; d < 4; d++) await addDay(`2026-11-0${d + 1}`, FIXTURE.map(([sku, active, av]) => [sku, active, av[d]]));
    expect(await raiseStockAlerts(db.pool, null)).toEqual({ current: 4, raised: 4, cleared: 0 });
    expect(await alerts()).toEqual(["low_stock:B:2026-11-02 open", "low_stock:G:2026-11-01 open", "stock_out:A:2026-11-02 open", "stock_out:F:2026-11-03 open"]);
    const b = (await db.pool.query("SELECT day::text, observed::int, expected::int, scope_type, scope_value FROM alert WHERE key LIKE 'low_stock:B:%'")).rows[0];
    expect(b).toEqual({ day: "2026-11-02", observed: 4, expected: 5, scope_type: "sku", scope_value: "B" });
  });

  it("is idempotent: a re-run raises nothing new", async () => {
    expect(await raiseStockAlerts(db.pool, null)).toEqual({ current: 4, raised: 0, cleared: 0 });
    expect((await db.pool.query("SELECT count(*)::int AS n FROM alert")).rows[0].n).toBe(4);
  });

  it("resolves recovered SKUs and opens a new episode when low turns into out", async () => {
    await addDay("2026-11-05", [["A", true, 50], ["B", true, null], ["F", true, null], ["G", true, 6], ["C", true, 20], ["D", true, 3]]);
    expect(await raiseStockAlerts(db.pool, null)).toEqual({ current: 3, raised: 1, cleared: 2 });
    expect(await alerts()).toEqual([
      "low_stock:B:2026-11-02 resolved",
      "low_stock:G:2026-11-01 open",
      "stock_out:A:2026-11-02 resolved",
      "stock_out:B:2026-11-05 open",
      "stock_out:F:2026-11-03 open",
    ]);
    expect(await raiseStockAlerts(db.pool, null)).toEqual({ current: 3, raised: 0, cleared: 0 });
  });
});
