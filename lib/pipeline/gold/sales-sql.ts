// Gold sales facts for a set of order days ($1 = days): per channel, per product, per promo code.
// Revenue of a line = quantity × unit_price − discount_amount, cancelled orders excluded;
// cost = quantity × the unit cost of the product version in force when the order was placed.
import { inForceAt, PRODUCT_VERSION_SPANS } from "./product-version-spans";

const LINES = `
  SELECT o.order_date AS day, o.order_id, o.channel, o.promo_code, l.sku, l.quantity,
         l.quantity * l.unit_price - l.discount_amount AS revenue, l.discount_amount AS discount,
         l.quantity * coalesce(v.unit_cost, p.unit_cost, 0) AS cost
    FROM silver_orders o
    JOIN silver_order_lines l ON l.order_id = o.order_id
    LEFT JOIN silver_products p ON p.sku = l.sku
    LEFT JOIN ${PRODUCT_VERSION_SPANS} v ON v.sku = l.sku AND ${inForceAt("o.ordered_at", true)}
   WHERE o.order_date = ANY($1::date[]) AND o.status <> 'cancelled'`;

export const DELETE_SALES = [
  "DELETE FROM gold_sales_daily WHERE day = ANY($1::date[])",
  "DELETE FROM gold_product_daily WHERE day = ANY($1::date[])",
  "DELETE FROM gold_promo_orders_daily WHERE day = ANY($1::date[])",
];

// One statement writes the three facts from the lines computed once (a materialised CTE): the
// product-version lookup per line was a third of the gold step's other lane when each fact
// recomputed the lines (scale m, first load).
export const INSERT_SALES_FACTS = `
  WITH lines AS MATERIALIZED (${LINES}),
  -- Orders counted per product and per code by grouping twice rather than with count(DISTINCT).
  per_order_sku AS (SELECT day, sku, channel, order_id, sum(quantity) AS units, sum(revenue) AS revenue, sum(discount) AS discount, sum(cost) AS cost
                      FROM lines GROUP BY day, sku, channel, order_id),
  sales AS (
    INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost)
    SELECT o.order_date, o.channel, count(*), coalesce(sum(x.revenue), 0), coalesce(sum(x.discount), 0), sum(o.shipping_amount),
           coalesce(sum(x.units), 0), coalesce(sum(x.cost), 0)
      FROM silver_orders o
      LEFT JOIN (SELECT order_id, sum(revenue) AS revenue, sum(discount) AS discount, sum(quantity) AS units, sum(cost) AS cost
                   FROM lines GROUP BY order_id) x ON x.order_id = o.order_id
     WHERE o.order_date = ANY($1::date[]) AND o.status <> 'cancelled'
     GROUP BY o.order_date, o.channel),
  products AS (
    INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned)
    SELECT s.day, s.sku, s.channel, s.orders, s.units, s.revenue, s.discount, s.cost, coalesce(r.units, 0)
      FROM (SELECT day, sku, channel, count(*) AS orders, sum(units) AS units, sum(revenue) AS revenue, sum(discount) AS discount, sum(cost) AS cost
              FROM per_order_sku GROUP BY day, sku, channel) s
      LEFT JOIN (SELECT o.order_date AS day, r.sku, o.channel, sum(r.quantity) AS units
                   FROM silver_returns r JOIN silver_orders o ON o.order_id = r.order_id
                  WHERE o.order_date = ANY($1::date[]) AND o.status <> 'cancelled'
                  GROUP BY 1, 2, 3) r ON r.day = s.day AND r.sku = s.sku AND r.channel = s.channel)
  INSERT INTO gold_promo_orders_daily (day, promo_code, orders, revenue, discount)
  SELECT day, promo_code, count(*), sum(revenue), sum(discount)
    FROM (SELECT day, promo_code, order_id, sum(revenue) AS revenue, sum(discount) AS discount
            FROM lines WHERE promo_code IS NOT NULL GROUP BY day, promo_code, order_id) per_order
   GROUP BY day, promo_code`;

/** Hands the months of the rebuilt days to the segments phase (lib/segments), which rebuilds its
 * snapshots and cohorts from the earliest of them on and then forgets them. */
export const MARK_SEGMENT_MONTHS = `
  INSERT INTO gold_dirty (kind, key)
  SELECT DISTINCT 'segment_month', date_trunc('month', d)::date::text FROM unnest($1::date[]) d
  ON CONFLICT DO NOTHING`;
