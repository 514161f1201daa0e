// Promotion impact: revenue of the promotion's scope per day during the promotion against the
// same number of days before and after it, in € and %, with the orders that used its code.
// (A counterfactual estimate with an interval comes with the analytics issue.)
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

const SQL = `
WITH promo AS (
  SELECT promo_id, name, code, kind, value, scope_type, scope_value,
         (starts_at AT TIME ZONE $1)::date AS first_day, (ends_at AT TIME ZONE $1)::date AS last_day
    FROM silver_promotions),
windows AS (
  SELECT p.*, (p.last_day - p.first_day + 1) AS n FROM promo p),
scope_revenue AS (
  SELECT w.promo_id, d.day, sum(d.revenue) AS revenue
    FROM windows w
    JOIN gold_product_daily d ON d.day BETWEEN w.first_day - w.n AND w.last_day + w.n
    JOIN silver_products s ON s.sku = d.sku
   WHERE w.scope_type = 'all' OR (w.scope_type = 'category' AND s.category = w.scope_value) OR (w.scope_type = 'sku' AND d.sku = w.scope_value)
   GROUP BY w.promo_id, d.day)
SELECT w.promo_id, w.name, w.code, w.kind, w.value::text, w.scope_type, w.scope_value, w.first_day::text, w.last_day::text, w.n AS days,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.day < w.first_day), 0) / w.n, 2)::text AS before_per_day,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.day BETWEEN w.first_day AND w.last_day), 0) / w.n, 2)::text AS during_per_day,
       round(coalesce(sum(r.revenue) FILTER (WHERE r.day > w.last_day), 0) / w.n, 2)::text AS after_per_day,
       round((coalesce(sum(r.revenue) FILTER (WHERE r.day BETWEEN w.first_day AND w.last_day), 0)
            - coalesce(sum(r.revenue) FILTER (WHERE r.day < w.first_day), 0)) / w.n, 2)::text AS delta_per_day,
       round((sum(r.revenue) FILTER (WHERE r.day BETWEEN w.first_day AND w.last_day)
            / nullif(sum(r.revenue) FILTER (WHERE r.day < w.first_day), 0)) - 1, 4)::text AS delta_ratio,
       (SELECT coalesce(sum(orders), 0) FROM gold_promo_orders_daily o WHERE o.promo_code = w.code AND o.day BETWEEN w.first_day AND w.last_day)::int AS orders_with_code,
       (SELECT coalesce(sum(revenue), 0) FROM gold_promo_orders_daily o WHERE o.promo_code = w.code AND o.day BETWEEN w.first_day AND w.last_day)::text AS revenue_with_code
  FROM windows w LEFT JOIN scope_revenue r ON r.promo_id = w.promo_id
 GROUP BY w.promo_id, w.name, w.code, w.kind, w.value, w.scope_type, w.scope_value, w.first_day, w.last_day, w.n
 ORDER BY w.first_day DESC`;

export async function getPromotionImpact(pool: pg.Pool, actor: CurrentUser, timeZone: string) {
  assertCan(actor, "kpi:read");
  const { rows } = await pool.query(SQL, [timeZone]);
  return rows.map((r) => ({
      promoId: r.promo_id as string,
      name: r.name as string,
      code: r.code as string,
      kind: r.kind as string,
      value: r.value as string,
      scope: { type: r.scope_type as string, value: r.scope_value as string | null },
      firstDay: r.first_day as string,
      lastDay: r.last_day as string,
      days: r.days as number,
      revenuePerDay: { before: r.before_per_day as string, during: r.during_per_day as string, after: r.after_per_day as string },
      deltaPerDay: r.delta_per_day as string,
      /** during ÷ before − 1, as a decimal string (null when nothing sold before). */
      deltaRatio: r.delta_ratio as string | null,
      ordersWithCode: r.orders_with_code as number,
      revenueWithCode: r.revenue_with_code as string,
  }));
}
