// The share of a category's usual sales its products in stock could make on a day: 1 − (sales of
// its SKUs out of stock that day over the 28 days before) / (the category's sales over those
// days). A category whose best sellers ran out sells less, which the stock alerts report; the
// anomaly detection judges the category on its sales per in-stock share instead.
import type pg from "pg";

const WINDOW_DAYS = 28;

/** Category → day → sales of its active out-of-stock SKUs over the WINDOW_DAYS before the day. */
export async function loadMissingSales(pool: pg.Pool): Promise<Map<string, Map<string, number>>> {
  const { rows } = await pool.query<{ day: string; category: string; missing: string }>(
    `SELECT g.day::text, coalesce(p.category, '?') AS category, sum(f.revenue) AS missing
       FROM gold_stock_daily g
       JOIN gold_product_daily f ON f.sku = g.sku AND f.day >= g.day - ${WINDOW_DAYS} AND f.day < g.day
       LEFT JOIN silver_products p ON p.sku = g.sku
      WHERE g.active AND g.stockout GROUP BY 1, 2`,
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) (out.get(r.category) ?? out.set(r.category, new Map()).get(r.category)!).set(r.day, Number(r.missing));
  return out;
}

/** In-stock share per day of `days`, given the category's sales per day; null without sales before. */
export function inStockShare(days: readonly string[], sales: readonly (number | null)[], missing: Map<string, number>): (number | null)[] {
  let window = 0;
  return days.map((day, i) => {
    if (i >= 1) window += sales[i - 1] ?? 0;
    if (i - 1 - WINDOW_DAYS >= 0) window -= sales[i - 1 - WINDOW_DAYS] ?? 0;
    return window > 0 ? Math.max(0, 1 - (missing.get(day) ?? 0) / window) : null;
  });
}
