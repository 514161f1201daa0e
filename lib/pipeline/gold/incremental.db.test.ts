// Incremental gold: after the fixture's first run, new files rebuild only the days and
// customers they touch; every other gold row stays as it was, and no mark is left behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { allFixtureFiles, csvFile, customer, EXTRA_DAY, fixtureDay, product } from "../testing/fixture";
import { goldChecksums, newInbox, runWith } from "../testing/pipeline-run";

let db: TestDatabase;
let inbox: string;
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
});
afterAll(() => db?.drop());

async function goldStep(runId: string) {
  const { rows } = await db.pool.query("SELECT rows_in FROM pipeline_step WHERE run_id = $1 AND name = 'gold'", [runId]);
  return rows.map((r) => Number(r.rows_in));
}
/** Gold rows the run must leave alone: other days, other customers. */
const OTHER_THAN_DAY_4 = {
  gold_sales_daily: "day < '2026-10-04'", gold_product_daily: "day < '2026-10-04'", gold_promo_orders_daily: "day < '2026-10-04'",
  gold_stock_daily: "day < '2026-10-04'", gold_web_daily: "day < '2026-10-04'", gold_customer_value: "customer_id <> 'C0000003'",
};
const OTHER_THAN_LATE_RETURN = {
  gold_sales_daily: "day <> '2026-10-02'", gold_product_daily: "day <> '2026-10-02'", gold_refunds_daily: "day <> '2026-10-05'",
  gold_stock_daily: "true", gold_web_daily: "true", gold_customer_value: "customer_id <> 'C0000001'",
};
const dirtyMarks = async () => (await db.pool.query("SELECT kind, key FROM gold_dirty ORDER BY 1, 2")).rows;

describe("incremental gold", () => {
  it("the first run rebuilds every day and customer of the fixture", async () => {
    const outcome = await runWith(db.pool, inbox, allFixtureFiles());
    expect(outcome.status).toBe("SUCCESS");
    // 3 order days + 1 refund day (03/10) + 3 stock days + 4 customers
    // + 5 web days (01–03/10 and the day before and after: a session can cross midnight) = 16
    expect(await goldStep(outcome.runId)).toEqual([16]);
    expect(await dirtyMarks()).toEqual([]);
  });

  it("a new day rebuilds that day and its one customer only", async () => {
    const before = await goldChecksums(db.pool, OTHER_THAN_DAY_4);
    const outcome = await runWith(db.pool, inbox, fixtureDay(EXTRA_DAY));
    expect(outcome.status).toBe("SUCCESS");
    // order day 04/10 + 0 refund days + stock day 04/10 + customer C0000003
    // + web days 03, 04 and 05/10 (neighbours of the new events' day) = 6
    expect(await goldStep(outcome.runId)).toEqual([6]);
    expect(await dirtyMarks()).toEqual([]);
    expect(await goldChecksums(db.pool, OTHER_THAN_DAY_4)).toEqual(before);

    const sales = await db.pool.query("SELECT channel, orders, revenue::text, shipping::text, units, cost::text FROM gold_sales_daily WHERE day = '2026-10-04'");
    expect(sales.rows).toEqual([{ channel: "web", orders: 1, revenue: "60.00", shipping: "4.90", units: 1, cost: "25.00" }]); // ORD-7: 1 × 60, cost 25
    const clv = await db.pool.query("SELECT first_order_date::text AS first, last_order_date::text AS last, orders, revenue::text, refunds::text, clv::text FROM gold_customer_value WHERE customer_id = 'C0000003'");
    // ORD-3 76 + ORD-7 60 = 136, refunds 20 → 116
    expect(clv.rows).toEqual([{ first: "2026-10-01", last: "2026-10-04", orders: 2, revenue: "136.00", refunds: "20.00", clv: "116.00" }]);
    const stock = await db.pool.query("SELECT sku FROM gold_stock_daily WHERE day = '2026-10-04' AND stockout AND active");
    expect(stock.rows).toEqual([{ sku: "SKU-00003" }]); // 0 − 0 at PAR1
    const web = await db.pool.query("SELECT sum(sessions)::int AS sessions, sum(purchase_sessions)::int AS purchases FROM gold_web_daily WHERE day = '2026-10-04'");
    expect(web.rows).toEqual([{ sessions: 1, purchases: 1 }]);
  });

  it("a late return rebuilds its order's day, its refund day and its customer", async () => {
    const before = await goldChecksums(db.pool, OTHER_THAN_LATE_RETURN);
    // 1 of the 2 units of ORD-5 (02/10, C0000001, SKU-00002 app) comes back on 5 October, 40.00 refunded.
    const late = csvFile("returns", "returns_2026-10-05.csv", [
      { return_id: "RET-00000002", order_id: "ORD-00000005", line_no: "1", sku: "SKU-00002", quantity: "1", refund_amount: "40.00", reason: "damaged", returned_at: "2026-10-05T10:00:00+02:00" },
    ]);
    const outcome = await runWith(db.pool, inbox, [late]);
    expect(outcome.status).toBe("SUCCESS");
    // order day 02/10 + refund day 05/10 + customer C0000001 = 3
    expect(await goldStep(outcome.runId)).toEqual([3]);
    expect(await dirtyMarks()).toEqual([]);
    expect(await goldChecksums(db.pool, OTHER_THAN_LATE_RETURN)).toEqual(before);
    const returned = await db.pool.query("SELECT day::text, sku, channel, units, units_returned FROM gold_product_daily WHERE units_returned > 0 ORDER BY day");
    expect(returned.rows).toEqual([
      { day: "2026-10-01", sku: "SKU-00003", channel: "web", units: 3, units_returned: 1 }, // ORD-1 1 + ORD-3 2 units, RET-1
      { day: "2026-10-02", sku: "SKU-00002", channel: "app", units: 2, units_returned: 1 }, // ORD-5, RET-2
    ]);
    const refunds = await db.pool.query("SELECT day::text, sku, channel, refunds::text, units_returned FROM gold_refunds_daily ORDER BY day");
    expect(refunds.rows).toEqual([
      { day: "2026-10-03", sku: "SKU-00003", channel: "web", refunds: "20.00", units_returned: 1 },
      { day: "2026-10-05", sku: "SKU-00002", channel: "app", refunds: "40.00", units_returned: 1 },
    ]);
    const clv = await db.pool.query("SELECT clv::text FROM gold_customer_value WHERE customer_id = 'C0000001'");
    expect(clv.rows).toEqual([{ clv: "120.00" }]); // 80 + 80 − 40
  });

  it("a new product version rebuilds the order and stock days from its updated_at on, not before", async () => {
    // SKU-00001 costs 14.00 from 02/10 00:30 Paris: ORD-4 (02/10 01:30 Paris) is costed with it,
    // ORD-1 (01/10) keeps the 12.00 version in force when it was placed.
    const since = "2026-10-02T00:30:00+02:00";
    const outside = { gold_sales_daily: "day < '2026-10-02'", gold_product_daily: "day < '2026-10-02'", gold_stock_daily: "day < '2026-10-02'", gold_customer_value: "true", gold_web_daily: "true" };
    const before = await goldChecksums(db.pool, outside);
    const version = csvFile("products", "products_2026-10-05.csv", [
      { sku: "SKU-00001", name: "Théière en fonte", category: "Cuisine", brand: "Maison Test", unit_cost: "14.00", list_price: "30.00", active: "true", updated_at: since },
    ]);
    const outcome = await runWith(db.pool, inbox, [version]);
    expect(outcome.status).toBe("SUCCESS");
    const stockDays = (await db.pool.query("SELECT DISTINCT snapshot_date FROM silver_stock_snapshots WHERE sku = 'SKU-00001' AND snapshot_date >= '2026-10-01'")).rowCount;
    expect(stockDays).toBeGreaterThan(0);
    // order day 02/10 + the stock days from the UTC date of updated_at (01/10: one day of margin)
    // on; the 15/09 version it replaces changes nothing, so no earlier day
    expect(await goldStep(outcome.runId)).toEqual([1 + stockDays!]);
    expect(await dirtyMarks()).toEqual([]);
    expect(await goldChecksums(db.pool, outside)).toEqual(before);
    const cost = await db.pool.query("SELECT day::text, cost::text FROM gold_product_daily WHERE sku = 'SKU-00001' ORDER BY day");
    expect(cost.rows).toEqual([
      { day: "2026-10-01", cost: "24.00" }, // ORD-1 2 × 12.00
      { day: "2026-10-02", cost: "14.00" }, // ORD-4 1 × 14.00
    ]);
  });

  it("dimensions sent again unchanged, as a daily full snapshot, rebuild nothing", async () => {
    const all = { gold_sales_daily: "true", gold_product_daily: "true", gold_stock_daily: "true", gold_customer_value: "true", gold_web_daily: "true", gold_refunds_daily: "true" };
    const before = await goldChecksums(db.pool, all);
    // The same records as stored (latest versions), in another order: new bytes, so not a duplicate file.
    const customers = csvFile("customers", "customers_full_2026-10-05.csv", [
      customer(4, "karl.schmidt@example.de", "Karl", "Schmidt", "Berlin"),
      customer(3, "amelie.roux@example.org", "Amélie", "Roux", "Paris"),
      customer(2, "Jean.Dupont@Example.com", "Jean", "Dupont", "Paris"),
      customer(1, "helene.martin@example.fr", "Hélène", "Martin", "Lyon"),
    ]);
    const products = csvFile("products", "products_full_2026-10-05.csv", [
      product(5, "Plaid laine", "Linge", "10.00", "25.00", "false"),
      product(4, "Lampe de table", "Déco", "25.00", "60.00"),
      product(3, "Coussin en lin", "Déco", "8.00", "20.00"),
      product(2, "Poêle 28 cm", "Cuisine", "15.00", "40.00"),
      { ...product(1, "Théière en fonte", "Cuisine", "14.00", "30.00"), updated_at: "2026-10-02T00:30:00+02:00" },
    ]);
    const outcome = await runWith(db.pool, inbox, [customers, products]);
    expect(outcome.status).toBe("SUCCESS");
    expect(await goldStep(outcome.runId)).toEqual([0]);
    expect(await dirtyMarks()).toEqual([]);
    expect(await goldChecksums(db.pool, all)).toEqual(before);
  });
});
