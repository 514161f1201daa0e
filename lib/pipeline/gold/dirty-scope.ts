// What the gold steps must rebuild: read from gold_dirty (written by the silver merge), with
// changed orders resolved to their days and customers. A full rebuild marks everything.
import type pg from "pg";

export type GoldScope = { orderDays: string[]; refundDays: string[]; stockDays: string[]; webDays: string[]; customers: string[] };
/** The marks as silver left them: the keys of one kind. */
export type Marks = (kind: string) => string[];

export async function readMarks(client: pg.PoolClient | pg.Pool): Promise<Marks> {
  const { rows } = await client.query<{ kind: string; keys: string[] }>("SELECT kind, array_agg(key ORDER BY key) AS keys FROM gold_dirty GROUP BY kind");
  const byKind = new Map(rows.map((r) => [r.kind, r.keys]));
  return (kind) => byKind.get(kind) ?? [];
}

/** The marks with changed orders resolved to their days and customers, and changed product
 *  versions to the order and stock days they cost. */
export async function resolveScope(client: pg.PoolClient | pg.Pool, marks: Marks): Promise<GoldScope> {
  const orders = marks("order");
  const resolved = orders.length
    ? (
        await client.query<{ days: string[]; customers: string[] }>(
          `SELECT coalesce(array_agg(DISTINCT order_date::text), '{}') AS days, coalesce(array_agg(DISTINCT customer_id), '{}') AS customers
             FROM silver_orders WHERE order_id = ANY($1)`,
          [orders],
        )
      ).rows[0]
    : { days: [], customers: [] };
  const products = marks("product");
  // A product version (sku|updated_at) changes cost and active flag from its updated_at on, and
  // the latest row (silver_products) stands in for facts older than the product's first version.
  const byProduct = products.length
    ? (
        await client.query<{ order_days: string[]; stock_days: string[] }>(
          `WITH versions AS (SELECT split_part(k, '|', 1) AS sku, split_part(k, '|', 2)::timestamptz AS since FROM unnest($1::text[]) k),
                changes AS (SELECT sku, min(since) AS since,
                                   (SELECT min(v.updated_at) FROM silver_product_versions v WHERE v.sku = x.sku) AS first_version
                              FROM versions x GROUP BY sku)
           SELECT array(SELECT DISTINCT o.order_date::text FROM changes c JOIN silver_order_lines l ON l.sku = c.sku
                          JOIN silver_orders o ON o.order_id = l.order_id
                         WHERE o.ordered_at >= c.since OR o.ordered_at < c.first_version) AS order_days,
                  array(SELECT DISTINCT s.snapshot_date::text FROM changes c JOIN silver_stock_snapshots s ON s.sku = c.sku
                         WHERE s.snapshot_date + 1 > c.since::date OR s.snapshot_date <= c.first_version::date) AS stock_days`,
          [products],
        )
      ).rows[0]
    : { order_days: [], stock_days: [] };
  const union = (...lists: string[][]) => [...new Set(lists.flat())].sort();
  return {
    orderDays: union(marks("order_day"), resolved.days, byProduct.order_days),
    refundDays: marks("refund_day"),
    stockDays: union(marks("stock_day"), byProduct.stock_days),
    webDays: marks("web_day"),
    customers: union(marks("customer"), resolved.customers),
  };
}

/** Marks every day and customer present in silver, for a full rebuild (web days past retention
 *  excepted: their raw events are gone or sampled, gold_web_daily is what is left of them;
 *  unless they were summarised whole at load). */
export async function markEverythingDirty(client: pg.PoolClient | pg.Pool) {
  await client.query(`INSERT INTO gold_dirty (kind, key)
    SELECT 'order_day', d::text FROM (SELECT DISTINCT order_date AS d FROM silver_orders) x
    UNION SELECT 'refund_day', d::text FROM (SELECT DISTINCT return_date AS d FROM silver_returns) x
    UNION SELECT 'stock_day', d::text FROM (SELECT DISTINCT snapshot_date AS d FROM silver_stock_snapshots) x
    UNION SELECT 'web_day', d::text FROM (SELECT DISTINCT event_date AS d FROM silver_web_events EXCEPT SELECT day FROM silver_web_retired_days) x
    UNION SELECT 'web_day', d::text FROM (SELECT DISTINCT event_date AS d FROM silver_web_session_days) x
    UNION SELECT 'customer', customer_id FROM silver_orders
    ON CONFLICT DO NOTHING`);
}

/** Forgets the marks a successful rebuild consumed (kind → keys). */
export async function clearDirty(client: pg.PoolClient | pg.Pool, consumed: Record<string, string[]>) {
  for (const [kind, keys] of Object.entries(consumed)) await client.query("DELETE FROM gold_dirty WHERE kind = $1 AND key = ANY($2)", [kind, keys]);
}

/** Marks every fact day between from and to (inclusive) for rebuilding. Web days only while all
 *  their raw events are kept (or their summaries): past the retention period gold_web_daily is
 *  what is left of them. */
export async function markDaysDirty(client: pg.PoolClient | pg.Pool, from: string, to: string) {
  await client.query(
    `INSERT INTO gold_dirty (kind, key)
     SELECT kind, d::date::text FROM generate_series($1::date, $2::date, interval '1 day') d
      CROSS JOIN unnest(ARRAY['order_day', 'refund_day', 'stock_day']) kind
     UNION SELECT 'web_day', d::text FROM (SELECT DISTINCT event_date AS d FROM silver_web_events WHERE event_date BETWEEN $1::date AND $2::date
                                           EXCEPT SELECT day FROM silver_web_retired_days) w
     UNION SELECT 'web_day', d::text FROM (SELECT DISTINCT event_date AS d FROM silver_web_session_days WHERE event_date BETWEEN $1::date AND $2::date) s
     UNION SELECT 'customer', customer_id FROM silver_orders WHERE order_date BETWEEN $1::date AND $2::date
     ON CONFLICT DO NOTHING`,
    [from, to],
  );
}
