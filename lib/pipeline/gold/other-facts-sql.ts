// Gold facts other than sales, each for its own set of days ($1) or customers ($1).
import { SESSION_DAY } from "../silver/web-summaries";
import { inForceAt, PRODUCT_VERSION_SPANS } from "./product-version-spans";

export const REBUILD_REFUNDS = [
  "DELETE FROM gold_refunds_daily WHERE day = ANY($1::date[])",
  `INSERT INTO gold_refunds_daily (day, sku, channel, refunds, units_returned)
   SELECT r.return_date, r.sku, coalesce(o.channel, 'unknown'), sum(r.refund_amount), sum(r.quantity)
     FROM silver_returns r LEFT JOIN silver_orders o ON o.order_id = r.order_id
    WHERE r.return_date = ANY($1::date[]) GROUP BY 1, 2, 3`,
];

// Available stock = on_hand − reserved summed over warehouses; a product counts as active on a
// day when the product version in force at the end of that day is active. Rows are inserted in
// key order: a first load at m (1.3M rows) wrote 20% faster than in hash order.
export const REBUILD_STOCK = [
  "DELETE FROM gold_stock_daily WHERE day = ANY($1::date[])",
  `INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout)
   SELECT s.snapshot_date, s.sku, coalesce(v.active, p.active, true), sum(s.on_hand), sum(s.on_hand - s.reserved), sum(s.on_hand - s.reserved) <= 0
     FROM silver_stock_snapshots s
     LEFT JOIN silver_products p ON p.sku = s.sku
     LEFT JOIN ${PRODUCT_VERSION_SPANS} v ON v.sku = s.sku AND ${inForceAt("((s.snapshot_date + 1)::timestamp AT TIME ZONE $2)", false)}
    WHERE s.snapshot_date = ANY($1::date[])
    GROUP BY s.snapshot_date, s.sku, coalesce(v.active, p.active, true)
    ORDER BY 1, 2`,
];

// Days whose raw events retention dropped or sampled keep their aggregates: only the asked days
// that still have all their raw events, or were summarised whole at load (see
// silver/web-summaries), are rebuilt. Found once per statement (an EXISTS per session or gold row
// probed every partition: 95% of the step at scale s).
const WEB_DAYS_TO_BUILD = `ARRAY(SELECT d FROM unnest($1::date[]) d
  WHERE EXISTS (SELECT 1 FROM silver_web_session_days s WHERE s.event_date = d)
     OR EXISTS (SELECT 1 FROM silver_web_events e WHERE e.event_date = d) AND NOT EXISTS (SELECT 1 FROM silver_web_retired_days r WHERE r.day = d))`;

// A day summarised at load is final, as a retired day is: raw events arriving for it later are
// kept only until retention drops them, and never counted.
const SUMMARISED_DAYS = "ARRAY(SELECT DISTINCT event_date FROM silver_web_session_days WHERE event_date = ANY($3::date[]))";

// A session belongs to the day of its first event; it may run past midnight, so the days
// around are read too: $3, those days and their neighbours, a plain array so that only their
// partitions are planned and scanned (computed in SQL, it left every partition to probe). Raw
// events are first cut into the same per-(day, session) summaries as the days summarised at
// load, then each session's summaries are merged. Traffic source = the session's first event's UTM tags.
export const REBUILD_WEB = [
  `DELETE FROM gold_web_daily g WHERE g.day = ANY(${WEB_DAYS_TO_BUILD})`,
  `INSERT INTO gold_web_daily (day, utm_source, utm_campaign, sessions, product_view_sessions, cart_sessions, checkout_sessions, purchase_sessions, events)
   SELECT day, source, campaign, count(*), count(*) FILTER (WHERE viewed), count(*) FILTER (WHERE carted),
          count(*) FILTER (WHERE checked_out), count(*) FILTER (WHERE purchased), sum(events)
     FROM (SELECT (min(first_ts) AT TIME ZONE $2)::date AS day,
                  coalesce((array_agg(utm_source ORDER BY first_ts))[1], '(direct)') AS source,
                  coalesce((array_agg(utm_campaign ORDER BY first_ts))[1], '(none)') AS campaign,
                  bool_or(viewed) AS viewed, bool_or(carted) AS carted, bool_or(checked_out) AS checked_out, bool_or(purchased) AS purchased,
                  sum(events) AS events
             FROM (SELECT session_id, ${SESSION_DAY}, count(*) AS events
                     FROM silver_web_events
                    WHERE event_date = ANY($3::date[]) AND event_date <> ALL(${SUMMARISED_DAYS})
                    GROUP BY event_date, session_id
                   UNION ALL
                   SELECT session_id, first_ts, utm_source, utm_campaign, viewed, carted, checked_out, purchased, events
                     FROM silver_web_session_days
                    WHERE event_date = ANY($3::date[])) per_day
            GROUP BY session_id) s
    WHERE day = ANY(${WEB_DAYS_TO_BUILD})
    GROUP BY day, source, campaign`,
];

// Lifetime value per customer: revenue − refunds over all their non-cancelled orders.
export const REBUILD_CUSTOMERS = [
  "DELETE FROM gold_customer_value WHERE customer_id = ANY($1::text[])",
  `WITH o AS (SELECT order_id, customer_id, order_date FROM silver_orders WHERE customer_id = ANY($1::text[]) AND status <> 'cancelled'),
        l AS (SELECT l.order_id, sum(l.quantity * l.unit_price - l.discount_amount) AS revenue
                FROM silver_order_lines l JOIN o ON o.order_id = l.order_id GROUP BY l.order_id),
        r AS (SELECT r.order_id, sum(r.refund_amount) AS refunds FROM silver_returns r JOIN o ON o.order_id = r.order_id GROUP BY r.order_id)
   INSERT INTO gold_customer_value (customer_id, first_order_date, cohort_month, last_order_date, orders, revenue, refunds, clv)
   SELECT o.customer_id, min(o.order_date), date_trunc('month', min(o.order_date))::date, max(o.order_date), count(*),
          coalesce(sum(l.revenue), 0), coalesce(sum(r.refunds), 0), coalesce(sum(l.revenue), 0) - coalesce(sum(r.refunds), 0)
     FROM o LEFT JOIN l ON l.order_id = o.order_id LEFT JOIN r ON r.order_id = o.order_id
    GROUP BY o.customer_id`,
];
