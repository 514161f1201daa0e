// Payments against orders for the orders placed in a period: what the orders are worth
// (revenue + shipping of orders not cancelled) against what the payment platform captured
// for them, and the gap explained — captures on orders cancelled since (refunded), orders
// never captured (failed payments), and whatever is left. Refunds issued are shown apart.
// Order-level, so it reads silver (orders, lines, payments) for the period's orders only.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export type Reconciliation = {
  orderValue: string;
  captured: string;
  gap: string;
  capturedOnCancelled: string;
  neverCaptured: string;
  neverCapturedOrders: number;
  failedAttempts: number;
  unexplained: string;
  refunded: string;
};

const SQL = `
WITH o AS (
  SELECT o.order_id, o.status = 'cancelled' AS cancelled,
         o.shipping_amount + coalesce((SELECT sum(l.quantity * l.unit_price - l.discount_amount) FROM silver_order_lines l WHERE l.order_id = o.order_id), 0) AS total
    FROM silver_orders o
   WHERE o.order_date BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR o.channel = $3)),
p AS (
  SELECT p.order_id,
         sum(p.amount) FILTER (WHERE p.status = 'captured') AS captured,
         sum(p.amount) FILTER (WHERE p.status = 'refunded') AS refunded,
         count(*) FILTER (WHERE p.status = 'failed') AS failed
    FROM silver_payments p JOIN o USING (order_id) GROUP BY p.order_id),
t AS (
  SELECT coalesce(sum(o.total) FILTER (WHERE NOT o.cancelled), 0) AS order_value,
         coalesce(sum(p.captured), 0) AS captured,
         coalesce(sum(p.captured) FILTER (WHERE o.cancelled), 0) AS captured_on_cancelled,
         coalesce(sum(o.total) FILTER (WHERE NOT o.cancelled AND coalesce(p.captured, 0) = 0), 0) AS never_captured,
         count(*) FILTER (WHERE NOT o.cancelled AND coalesce(p.captured, 0) = 0) AS never_captured_orders,
         coalesce(sum(p.failed), 0) AS failed_attempts,
         coalesce(sum(p.refunded), 0) AS refunded
    FROM o LEFT JOIN p USING (order_id))
SELECT round(order_value, 2)::text AS order_value, round(captured, 2)::text AS captured, round(captured - order_value, 2)::text AS gap,
       round(captured_on_cancelled, 2)::text AS captured_on_cancelled, round(never_captured, 2)::text AS never_captured,
       never_captured_orders::int, failed_attempts::int,
       round(captured - order_value - captured_on_cancelled + never_captured, 2)::text AS unexplained, round(refunded, 2)::text AS refunded
  FROM t`;

export async function getPaymentsReconciliation(pool: pg.Pool, actor: CurrentUser, from: string, to: string, channel: string | null = null): Promise<Reconciliation> {
  assertCan(actor, "finance:view");
  const { rows } = await pool.query(SQL, [from, to, channel]);
  const r = rows[0];
  return {
    orderValue: r.order_value,
    captured: r.captured,
    gap: r.gap,
    capturedOnCancelled: r.captured_on_cancelled,
    neverCaptured: r.never_captured,
    neverCapturedOrders: r.never_captured_orders,
    failedAttempts: r.failed_attempts,
    unexplained: r.unexplained,
    refunded: r.refunded,
  };
}
