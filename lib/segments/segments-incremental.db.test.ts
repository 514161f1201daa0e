// The segments phase rebuilds only from the earliest month gold rebuilt: after late data (an
// order added in February, one cancelled there) and a new month (April), the incremental run
// leaves January alone and ends with exactly the tables a rebuild from nothing gives.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { MARK_SEGMENT_MONTHS } from "../pipeline/gold/sales-sql";
import { buildSegments } from "./build-segments";
import { insertSegmentsFixture } from "./testing/segments-fixture";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertSegmentsFixture(db.pool);
});
afterAll(() => db?.drop());

const tables = async () => ({
  segments: (
    await db.pool.query<{ month: string }>(
      `SELECT month::text, customer_id, as_of::text, recency_days, frequency, monetary::text, r, f, m, segment
         FROM gold_customer_segment_monthly ORDER BY month, customer_id`,
    )
  ).rows,
  cohorts: (
    await db.pool.query(
      `SELECT cohort_month::text, month_index, cohort_size, active_customers, revenue::text, cumulative_revenue::text
         FROM gold_cohort_monthly ORDER BY cohort_month, month_index`,
    )
  ).rows,
});

async function addOrder(id: string, customer: string, day: string, price: string) {
  await db.pool.query(
    `INSERT INTO silver_orders (order_id, customer_id, ordered_at, order_date, status, channel, currency, shipping_amount, updated_at, src_file_id, src_line)
     VALUES ($1, $2, ($3::date + time '12:00') AT TIME ZONE 'Europe/Paris', $3, 'delivered', 'web', 'EUR', 0, now(), 2, 1)`,
    [id, customer, day],
  );
  await db.pool.query("INSERT INTO silver_order_lines (order_id, line_no, sku, quantity, unit_price, discount_amount, src_file_id, src_line) VALUES ($1, 1, 'SKU', 1, $2, 0, 2, 1)", [id, price]);
}

it("rebuilds from the earliest changed month and matches a full rebuild", async () => {
  const first = await buildSegments(db.pool);
  expect(first.from).toBe("1900-01-01");
  const january = (await tables()).segments.filter((r) => r.month === "2026-01-01");

  expect(await buildSegments(db.pool)).toMatchObject({ from: null, rowsOut: 0 });

  await addOrder("A4", "A", "2026-02-20", "25.00");
  await db.pool.query("UPDATE silver_orders SET status = 'cancelled' WHERE order_id = 'D2'");
  await addOrder("H1", "H", "2026-04-02", "90.00");
  await addOrder("C2", "C", "2026-04-03", "15.00");
  // What gold does for the order days it rebuilt.
  await db.pool.query(MARK_SEGMENT_MONTHS, [["2026-02-20", "2026-02-25", "2026-04-02", "2026-04-03"]]);
  const incremental = await buildSegments(db.pool);
  expect(incremental.from).toBe("2026-02-01");
  const after = await tables();
  // January's five snapshots kept as they were; 8 customers by April. Cohort cells from February
  // on: January's k = 1–3, February's k = 0–2, March's k = 0–1, April's k = 0.
  expect(january).toHaveLength(5);
  expect(after.segments.filter((r) => r.month === "2026-01-01")).toEqual(january);
  expect(incremental.rowsOut).toBe(after.segments.filter((r) => r.month >= "2026-02-01").length + 9);
  expect(incremental.rowsIn).toBe(8);

  await db.pool.query("DELETE FROM gold_customer_segment_monthly; DELETE FROM gold_cohort_monthly");
  expect((await buildSegments(db.pool)).from).toBe("1900-01-01");
  expect(await tables()).toEqual(after);
});
