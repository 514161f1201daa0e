// The hand-made silver orders behind lib/segments/segments.db.test.ts and e2e/segments.spec.ts
// (the expected scores, segments and cohorts are worked out in the former's header).
import type pg from "pg";

type Order = [id: string, customer: string, day: string, lines: [qty: number, price: string, discount: string][], status?: string];
export const ORDERS: Order[] = [
  ["A1", "A", "2026-01-05", [[3, "20.00", "0"], [1, "40.00", "0"]]],
  ["A2", "A", "2026-02-10", [[1, "50.00", "0"]]],
  ["A3", "A", "2026-03-15", [[1, "80.00", "0"]]],
  ["B1", "B", "2026-01-10", [[1, "20.00", "0"]]],
  ["B2", "B", "2026-02-01", [[1, "500.00", "0"]], "cancelled"],
  ["B3", "B", "2026-03-20", [[1, "30.00", "0"]]],
  ["C1", "C", "2026-01-20", [[1, "300.00", "0"]]],
  ["D1", "D", "2026-02-05", [[1, "40.00", "0"]]],
  ["D2", "D", "2026-02-25", [[1, "60.00", "0"]]],
  ["E1", "E", "2026-03-01", [[2, "7.50", "5.00"]]],
  ["F1", "-F", "2026-01-02", [[1, "5.00", "0"]]],
  ["G1", "G", "2026-01-03", [[1, "40.00", "0"]]],
  ["G2", "G", "2026-01-15", [[1, "60.00", "0"]]],
  ["G3", "G", "2026-01-25", [[1, "70.00", "0"]]],
];

/** Inserts the orders, their lines and two customers' clear PII (idempotent). */
export async function insertSegmentsFixture(pool: pg.Pool): Promise<void> {
  for (const [id, customer, day, lines, status] of ORDERS) {
    await pool.query(
      `INSERT INTO silver_orders (order_id, customer_id, ordered_at, order_date, status, channel, currency, shipping_amount, updated_at, src_file_id, src_line)
       VALUES ($1, $2, ($3::date + time '12:00') AT TIME ZONE 'Europe/Paris', $3, $4, 'web', 'EUR', 0, now(), 1, 1) ON CONFLICT DO NOTHING`,
      [id, customer, day, status ?? "delivered"],
    );
    for (const [i, [qty, price, discount]] of lines.entries()) {
      await pool.query(
        `INSERT INTO silver_order_lines (order_id, line_no, sku, quantity, unit_price, discount_amount, src_file_id, src_line)
         VALUES ($1, $2, 'SKU', $3, $4, $5, 1, 1) ON CONFLICT DO NOTHING`,
        [id, i + 1, qty, price, discount],
      );
    }
  }
  await pool.query(
    `INSERT INTO customer_pii VALUES ('C', 'c@example.test', 'Chloé', 'Durand'), ('-F', '+33@example.test', '@Fabien', 'Roux') ON CONFLICT DO NOTHING`,
  );
}
