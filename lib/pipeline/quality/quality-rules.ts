// Data-quality rules run on every pipeline run, over what this run changed (the days and
// orders marked in gold_dirty) so they stay incremental. Each SQL returns the failing rows'
// count and up to five example keys. Severities of contract rules come from the contracts.
import { CONTRACTS, type AnyContract } from "../contracts";

export type QualityRule = { id: string; severity: "error" | "warning"; description: string; sql: string };

/** The days of one kind this run changed, as a subquery. */
const changedDays = (kind: string) => `(SELECT key::date FROM gold_dirty WHERE kind = '${kind}')`;
const CHANGED_DAYS = changedDays("order_day");
const DIRTY_ORDERS = "SELECT key FROM gold_dirty WHERE kind = 'order'";
const CHANGED_ORDERS = `(SELECT order_id FROM silver_orders WHERE order_date IN ${CHANGED_DAYS} UNION ${DIRTY_ORDERS})`;
// The same orders as a condition on silver_orders `o`: arrays, so an incremental run looks them up
// by index (order_date, order_id) and a first load does not build and join the union above (a
// first load at scale m: 3–7 s → ~1–3 s per rule). Not for the payments rule: for one day's
// orders it planned a hash join over every payment, and the incremental run slowed down.
const ORDER_CHANGED = `(o.order_date = ANY(ARRAY${CHANGED_DAYS}) OR o.order_id = ANY(ARRAY(${DIRTY_ORDERS})))`;
const CHANGED_WEB_DAYS = changedDays("web_day");
const count = (from: string, key: string) => `SELECT count(*)::bigint AS failing, (array_agg(${key}))[1:5] AS examples FROM ${from}`;

const DATASET_SQL: Record<string, string> = {
  "orders.customer_exists": count(`silver_orders o WHERE ${ORDER_CHANGED} AND NOT EXISTS (SELECT 1 FROM silver_customers c WHERE c.customer_id = o.customer_id)`, "o.order_id"),
  "orders.has_lines": count(`silver_orders o WHERE ${ORDER_CHANGED} AND NOT EXISTS (SELECT 1 FROM silver_order_lines l WHERE l.order_id = o.order_id)`, "o.order_id"),
  "orders.promo_code_known": count(`silver_orders o WHERE ${ORDER_CHANGED} AND o.promo_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM silver_promotions p WHERE p.code = o.promo_code)`, "o.order_id"),
  "order_lines.order_exists": count(`silver_order_lines l WHERE l.order_id IN (${DIRTY_ORDERS}) AND NOT EXISTS (SELECT 1 FROM silver_orders o WHERE o.order_id = l.order_id)`, "l.order_id || '/' || l.line_no"),
  "order_lines.sku_exists": count(`silver_order_lines l WHERE l.order_id IN ${CHANGED_ORDERS} AND NOT EXISTS (SELECT 1 FROM silver_products p WHERE p.sku = l.sku)`, "l.order_id || '/' || l.line_no"),
  "payments.order_exists": count(`silver_payments p WHERE p.payment_date IN ${changedDays("payment_day")} AND NOT EXISTS (SELECT 1 FROM silver_orders o WHERE o.order_id = p.order_id)`, "p.payment_id"),
  "payments.captured_matches_order": count(
    `(SELECT o.order_id FROM silver_orders o JOIN silver_payments p ON p.order_id = o.order_id AND p.status = 'captured'
       WHERE o.order_id IN ${CHANGED_ORDERS} AND o.status <> 'cancelled'
       GROUP BY o.order_id, o.shipping_amount
      HAVING sum(p.amount) <> o.shipping_amount + (SELECT coalesce(sum(quantity * unit_price - discount_amount), 0) FROM silver_order_lines l WHERE l.order_id = o.order_id)) x`,
    "x.order_id",
  ),
  "returns.after_order": count(`silver_returns r JOIN silver_orders o ON o.order_id = r.order_id WHERE r.return_date IN ${changedDays("refund_day")} AND r.returned_at < o.ordered_at`, "r.return_id"),
  "returns.line_exists": count(`silver_returns r WHERE r.return_date IN ${changedDays("refund_day")} AND NOT EXISTS (SELECT 1 FROM silver_order_lines l WHERE l.order_id = r.order_id AND l.line_no = r.line_no)`, "r.return_id"),
  "returns.refund_within_line": count(
    `silver_returns r JOIN silver_order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
      WHERE r.return_date IN ${changedDays("refund_day")} AND r.refund_amount > l.quantity * l.unit_price - l.discount_amount`,
    "r.return_id",
  ),
  "stock_snapshots.sku_exists": count(`silver_stock_snapshots s WHERE s.snapshot_date IN ${changedDays("stock_day")} AND NOT EXISTS (SELECT 1 FROM silver_products p WHERE p.sku = s.sku)`, "s.sku || '@' || s.warehouse"),
  "promotions.scope_exists": count(
    `silver_promotions p WHERE p.scope_type <> 'all' AND NOT EXISTS (SELECT 1 FROM silver_products x WHERE (p.scope_type = 'sku' AND x.sku = p.scope_value) OR (p.scope_type = 'category' AND x.category = p.scope_value))`,
    "p.promo_id",
  ),
  // Days summarised at load (silver/web-summaries) keep their purchases' order ids, per session.
  "web_events.purchase_order_exists": count(
    `(SELECT e.event_id AS example, e.order_id FROM silver_web_events e WHERE e.event_date IN ${CHANGED_WEB_DAYS} AND e.type = 'purchase'
      UNION ALL
      SELECT 'session ' || s.session_id, o.order_id FROM silver_web_session_days s CROSS JOIN unnest(s.purchase_orders) o (order_id) WHERE s.event_date IN ${CHANGED_WEB_DAYS}) p
     WHERE NOT EXISTS (SELECT 1 FROM silver_orders o WHERE o.order_id = p.order_id)`,
    "p.example",
  ),
};

const PLATFORM_RULES: QualityRule[] = [
  {
    id: "orders.not_in_future",
    severity: "error",
    description: "no order is dated in the future",
    sql: count(`silver_orders o WHERE ${ORDER_CHANGED} AND o.ordered_at > now() + interval '1 hour'`, "o.order_id"),
  },
  {
    id: "orders.volume_drop",
    severity: "warning",
    description: "a changed day has fewer than half the orders of the average of the 7 days before it",
    sql: count(
      `(SELECT d.day FROM (SELECT day, sum(orders) AS n FROM gold_sales_daily GROUP BY day) d
         JOIN LATERAL (SELECT avg(n) AS avg7 FROM (SELECT sum(orders) AS n FROM gold_sales_daily g WHERE g.day BETWEEN d.day - 7 AND d.day - 1 GROUP BY g.day) w) w ON true
        WHERE d.day IN ${CHANGED_DAYS} AND d.n < w.avg7 / 2) x`,
      "x.day::text",
    ),
  },
  {
    id: "sources.fresh",
    severity: "warning",
    description: "every source delivered a file in the last 36 hours",
    sql: count(
      `(SELECT s AS source FROM unnest(ARRAY[${Object.keys(CONTRACTS).map((s) => `'${s}'`).join(", ")}]) s
        WHERE NOT EXISTS (SELECT 1 FROM ingest_file f WHERE f.source = s AND f.received_at > now() - interval '36 hours')) x`,
      "x.source",
    ),
  },
];

/** Every rule: the contracts' dataset rules (with their SQL) and the platform's own. */
export const QUALITY_RULES: QualityRule[] = [
  ...(Object.values(CONTRACTS) as AnyContract[]).flatMap((c) =>
    c.def.rules.filter((r) => r.scope === "dataset").map((r) => ({ id: r.id, severity: r.severity, description: r.description, sql: DATASET_SQL[r.id] })),
  ),
  ...PLATFORM_RULES,
];
