// One product's file: what it is, its list price and cost history, why it comes back
// (return reasons over the period) and its available stock day by day.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export async function getProductDetail(pool: pg.Pool, actor: CurrentUser, sku: string, from: string, to: string) {
  assertCan(actor, "kpi:read");
  const [product, prices, reasons, stock] = await Promise.all([
    pool.query<{ sku: string; name: string; category: string; brand: string; list_price: string; unit_cost: string; active: boolean }>(
      "SELECT sku, name, category, brand, list_price::text, unit_cost::text, active FROM silver_products WHERE sku = $1",
      [sku],
    ),
    pool.query<{ since: string; list_price: string; unit_cost: string }>(
      "SELECT (updated_at AT TIME ZONE 'UTC')::date::text AS since, list_price::text, unit_cost::text FROM silver_product_versions WHERE sku = $1 ORDER BY updated_at",
      [sku],
    ),
    pool.query<{ reason: string; returns: number; units: number; refunds: string }>(
      `SELECT reason, count(*)::int AS returns, sum(quantity)::int AS units, sum(refund_amount)::text AS refunds
         FROM silver_returns WHERE sku = $1 AND return_date BETWEEN $2::date AND $3::date GROUP BY reason ORDER BY 3 DESC, 1`,
      [sku, from, to],
    ),
    pool.query<{ day: string; available: number; stockout: boolean }>(
      "SELECT day::text, available, stockout FROM gold_stock_daily WHERE sku = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day",
      [sku, from, to],
    ),
  ]);
  if (!product.rows[0]) return null;
  const p = product.rows[0];
  return {
    product: { sku: p.sku, name: p.name, category: p.category, brand: p.brand, listPrice: p.list_price, unitCost: p.unit_cost, active: p.active },
    priceHistory: prices.rows.map((r) => ({ since: r.since, listPrice: r.list_price, unitCost: r.unit_cost })),
    returnReasons: reasons.rows,
    stock: stock.rows,
  };
}
export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProductDetail>>>;
