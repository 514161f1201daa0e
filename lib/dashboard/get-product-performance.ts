// Product performance over a period, one row per SKU: units, revenue, margin, the realised
// price after discounts against the current list price, and the return rate — the
// merchandising and pricing table. Revenue and margin follow the KPI registry's definitions.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export type ProductRow = {
  sku: string;
  name: string;
  category: string;
  units: number;
  revenue: string;
  margin: string;
  listPrice: string;
  realisedPrice: string | null;
  /** realised ÷ list − 1 (negative: sold below list price on average). */
  priceGap: string | null;
  returnRate: string | null;
};

const SQL = `
SELECT f.sku, p.name, p.category, sum(f.units)::int AS units, sum(f.revenue)::text AS revenue, (sum(f.revenue) - sum(f.cost))::text AS margin,
       p.list_price::text AS list_price,
       round(sum(f.revenue) / nullif(sum(f.units), 0), 2)::text AS realised_price,
       round(sum(f.revenue) / nullif(sum(f.units), 0) / nullif(p.list_price, 0) - 1, 4)::text AS price_gap,
       round(sum(f.units_returned)::numeric / nullif(sum(f.units), 0), 4)::text AS return_rate
  FROM gold_product_daily f JOIN silver_products p ON p.sku = f.sku
 WHERE f.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR p.category = $3) AND ($4::text IS NULL OR f.channel = $4)
 GROUP BY f.sku, p.name, p.category, p.list_price
 ORDER BY sum(f.revenue) DESC, f.sku
 LIMIT $5`;

export async function getProductPerformance(pool: pg.Pool, actor: CurrentUser, q: { from: string; to: string; category: string | null; channel: string | null; limit: number }): Promise<ProductRow[]> {
  assertCan(actor, "kpi:read");
  const { rows } = await pool.query(SQL, [q.from, q.to, q.category, q.channel, q.limit]);
  return rows.map((r) => ({
    sku: r.sku,
    name: r.name,
    category: r.category,
    units: r.units,
    revenue: r.revenue,
    margin: r.margin,
    listPrice: r.list_price,
    realisedPrice: r.realised_price,
    priceGap: r.price_gap,
    returnRate: r.return_rate,
  }));
}
