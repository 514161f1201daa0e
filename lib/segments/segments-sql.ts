// Set-based rebuild of customer segments and cohorts from silver orders. Revenue follows the KPI
// registry's "revenue": Σ (quantity × unit price − discount) over lines of non-cancelled orders,
// by order day (already the Europe/Paris calendar day in silver). Money stays numeric.
// Every statement takes $1, the first month to rebuild: months before it are kept, and what they
// carry forward (a customer's orders and revenue so far, a cohort's cumulative revenue) is read
// from them. A date before all data ('1900-01-01') rebuilds everything.
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
 * revenue, all up to that date. Late data corrects history from its month on.
 */
export const REBUILD_SEGMENTS = [
  "DELETE FROM gold_customer_segment_monthly WHERE month >= $1::date",
  `WITH ${ORDERS},
   cm AS (SELECT customer_id, date_trunc('month', order_date)::date AS month, count(*) AS orders, sum(revenue) AS revenue, max(order_date) AS last_order
            FROM o GROUP BY 1, 2),
   months AS (SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, ${UP_TO}) AS as_of
                FROM generate_series(greatest($1::date, (SELECT min(month) FROM cm)), (SELECT max(month) FROM cm), interval '1 month') m),
   firsts AS (SELECT customer_id, min(month) AS first_month FROM cm GROUP BY 1),
   before AS (SELECT customer_id, sum(orders) AS orders, sum(revenue) AS revenue, max(last_order) AS last_order FROM cm WHERE month < $1::date GROUP BY 1),
   cum AS (SELECT f.customer_id, m.month, m.as_of,
                  coalesce(b.orders, 0) + sum(coalesce(cm.orders, 0)) OVER w AS frequency,
                  coalesce(b.revenue, 0) + sum(coalesce(cm.revenue, 0)) OVER w AS monetary,
                  greatest(b.last_order, max(cm.last_order) OVER w) AS last_order
             FROM firsts f JOIN months m ON m.month >= f.first_month
             LEFT JOIN before b ON b.customer_id = f.customer_id
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

/**
 * Per acquisition month and month k after it (k = 0 is the acquisition month) up to the last data
 * month. A change in month M cannot move a first order before M: cohorts before M keep their
 * size, only their cells from M on are rebuilt.
 */
export const REBUILD_COHORTS = [
  "DELETE FROM gold_cohort_monthly WHERE (cohort_month + make_interval(months => month_index))::date >= $1::date",
  `WITH ${ORDERS},
   firsts AS (SELECT customer_id, date_trunc('month', min(order_date))::date AS cohort_month FROM o GROUP BY 1),
   sizes AS (SELECT cohort_month, count(*) AS n FROM firsts GROUP BY 1),
   act AS (SELECT f.cohort_month, ${monthsBetween("f.cohort_month", "o.order_date")} AS k,
                  count(DISTINCT o.customer_id) AS active, sum(o.revenue) AS revenue
             FROM o JOIN firsts f ON f.customer_id = o.customer_id WHERE o.order_date >= $1::date GROUP BY 1, 2),
   grid AS (SELECT s.cohort_month, k, s.n FROM sizes s,
                   generate_series(greatest(0, ${monthsBetween("s.cohort_month", "$1::date")}), ${monthsBetween("s.cohort_month", UP_TO)}) k),
   kept AS (SELECT DISTINCT ON (cohort_month) cohort_month, cumulative_revenue FROM gold_cohort_monthly ORDER BY cohort_month, month_index DESC)
   INSERT INTO gold_cohort_monthly (cohort_month, month_index, cohort_size, active_customers, revenue, cumulative_revenue)
   SELECT g.cohort_month, g.k, g.n, coalesce(a.active, 0), coalesce(a.revenue, 0),
          coalesce(kept.cumulative_revenue, 0) + sum(coalesce(a.revenue, 0)) OVER (PARTITION BY g.cohort_month ORDER BY g.k)
     FROM grid g LEFT JOIN act a ON a.cohort_month = g.cohort_month AND a.k = g.k
     LEFT JOIN kept ON kept.cohort_month = g.cohort_month`,
];
