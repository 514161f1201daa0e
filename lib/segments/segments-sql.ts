// Set-based rebuild of customer segments and cohorts from silver orders. Revenue follows the KPI
// registry's "revenue": Σ (quantity × unit price − discount) over lines of non-cancelled orders,
// by order day (already the Europe/Paris calendar day in silver). Money stays numeric.
import { segmentCaseSql } from "./segment-rules";

const ORDERS = `o AS (
  SELECT o.customer_id, o.order_id, o.order_date, coalesce(sum(l.quantity * l.unit_price - l.discount_amount), 0) AS revenue
    FROM silver_orders o LEFT JOIN silver_order_lines l ON l.order_id = o.order_id
   WHERE o.status <> 'cancelled'
   GROUP BY o.order_id)`;

// The last day with data (not today): a demo or a late export still scores recency sensibly.
const UP_TO = "(SELECT max(order_date) FROM o)";

// Quintile score 1–5 by percent rank, so equal values always share a score (ntile would split
// a tie, e.g. the many one-order customers, arbitrarily between two scores).
const score = (order: string) => `least(5, 1 + floor(5 * percent_rank() OVER (PARTITION BY month ORDER BY ${order})))::smallint`;

/**
 * One snapshot per month end for every customer acquired by then (the current month is as of
 * the last order day): recency = days since their last order, frequency = orders, monetary =
 * revenue, all up to that date. Recomputed whole so late data corrects history.
 */
export const REBUILD_SEGMENTS = [
  "DELETE FROM gold_customer_segment_monthly",
  `WITH ${ORDERS},
   cm AS (SELECT customer_id, date_trunc('month', order_date)::date AS month, count(*) AS orders, sum(revenue) AS revenue, max(order_date) AS last_order
            FROM o GROUP BY 1, 2),
   months AS (SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, ${UP_TO}) AS as_of
                FROM generate_series((SELECT min(month) FROM cm), (SELECT max(month) FROM cm), interval '1 month') m),
   firsts AS (SELECT customer_id, min(month) AS first_month FROM cm GROUP BY 1),
   cum AS (SELECT f.customer_id, m.month, m.as_of,
                  sum(coalesce(cm.orders, 0)) OVER w AS frequency, sum(coalesce(cm.revenue, 0)) OVER w AS monetary,
                  max(cm.last_order) OVER w AS last_order
             FROM firsts f JOIN months m ON m.month >= f.first_month
             LEFT JOIN cm ON cm.customer_id = f.customer_id AND cm.month = m.month
           WINDOW w AS (PARTITION BY f.customer_id ORDER BY m.month)),
   scored AS (SELECT *, as_of - last_order AS recency_days,
                     ${score("as_of - last_order DESC")} AS r, ${score("frequency")} AS f, ${score("monetary")} AS m
                FROM cum)
   INSERT INTO gold_customer_segment_monthly (month, customer_id, as_of, recency_days, frequency, monetary, r, f, m, segment)
   SELECT month, customer_id, as_of, recency_days, frequency, monetary, r, f, m, ${segmentCaseSql()} FROM scored`,
];

const monthsBetween = (from: string, to: string) =>
  `((extract(year FROM ${to}) - extract(year FROM ${from})) * 12 + extract(month FROM ${to}) - extract(month FROM ${from}))::int`;

/** Per acquisition month and month k after it (k = 0 is the acquisition month) up to the last data month. */
export const REBUILD_COHORTS = [
  "DELETE FROM gold_cohort_monthly",
  `WITH ${ORDERS},
   firsts AS (SELECT customer_id, date_trunc('month', min(order_date))::date AS cohort_month FROM o GROUP BY 1),
   sizes AS (SELECT cohort_month, count(*) AS n FROM firsts GROUP BY 1),
   act AS (SELECT f.cohort_month, ${monthsBetween("f.cohort_month", "o.order_date")} AS k,
                  count(DISTINCT o.customer_id) AS active, sum(o.revenue) AS revenue
             FROM o JOIN firsts f ON f.customer_id = o.customer_id GROUP BY 1, 2),
   grid AS (SELECT s.cohort_month, k, s.n FROM sizes s,
                   generate_series(0, ${monthsBetween("s.cohort_month", UP_TO)}) k)
   INSERT INTO gold_cohort_monthly (cohort_month, month_index, cohort_size, active_customers, revenue, cumulative_revenue)
   SELECT g.cohort_month, g.k, g.n, coalesce(a.active, 0), coalesce(a.revenue, 0),
          sum(coalesce(a.revenue, 0)) OVER (PARTITION BY g.cohort_month ORDER BY g.k)
     FROM grid g LEFT JOIN act a ON a.cohort_month = g.cohort_month AND a.k = g.k`,
];
