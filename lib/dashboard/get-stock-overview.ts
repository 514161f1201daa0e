// Stock on a given day: levels by category and by warehouse, and SKUs at risk — days of stock
// left at the pace of the last 28 days' sales (available ÷ average units sold per day).
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

/** Sales pace window, and the cover below which a SKU is "at risk". */
export const PACE_DAYS = 28;
export const AT_RISK_DAYS = 14;

const SKUS = `
WITH s AS (
  SELECT g.sku, p.name, p.category, g.on_hand, g.available, g.stockout
    FROM gold_stock_daily g JOIN silver_products p ON p.sku = g.sku
   WHERE g.day = $1::date AND g.active AND ($2::text IS NULL OR p.category = $2)),
pace AS (
  SELECT sku, sum(units)::numeric / ${PACE_DAYS} AS per_day
    FROM gold_product_daily WHERE day BETWEEN $1::date - ${PACE_DAYS - 1} AND $1::date GROUP BY sku)
SELECT s.sku, s.name, s.category, s.on_hand, s.available, s.stockout,
       round(coalesce(pace.per_day, 0), 2)::text AS per_day,
       CASE WHEN coalesce(pace.per_day, 0) = 0 THEN NULL ELSE floor(greatest(s.available, 0) / pace.per_day)::int END AS days_left
  FROM s LEFT JOIN pace ON pace.sku = s.sku`;

export async function getStockOverview(pool: pg.Pool, actor: CurrentUser, day: string, category: string | null) {
  assertCan(actor, "supply_chain:view");
  const [skus, warehouses] = await Promise.all([
    pool.query<{ sku: string; name: string; category: string; on_hand: number; available: number; stockout: boolean; per_day: string; days_left: number | null }>(SKUS, [day, category]),
    pool.query<{ warehouse: string; on_hand: string; reserved: string; available: string; skus_out: string }>(
      `SELECT w.warehouse, sum(w.on_hand)::text AS on_hand, sum(w.reserved)::text AS reserved, sum(w.on_hand - w.reserved)::text AS available,
              count(*) FILTER (WHERE w.on_hand - w.reserved <= 0)::text AS skus_out
         FROM silver_stock_snapshots w JOIN silver_products p ON p.sku = w.sku
        WHERE w.snapshot_date = (SELECT max(snapshot_date) FROM silver_stock_snapshots WHERE snapshot_date <= $1::date)
          AND p.active AND ($2::text IS NULL OR p.category = $2)
        GROUP BY 1 ORDER BY 1`,
      [day, category],
    ),
  ]);
  const byCategory = new Map<string, { category: string; skus: number; onHand: number; available: number; out: number }>();
  for (const s of skus.rows) {
    const c = byCategory.get(s.category) ?? { category: s.category, skus: 0, onHand: 0, available: 0, out: 0 };
    c.skus++;
    c.onHand += s.on_hand;
    c.available += s.available;
    if (s.stockout) c.out++;
    byCategory.set(s.category, c);
  }
  const atRisk = skus.rows
    .filter((s) => s.stockout || (s.days_left !== null && s.days_left < AT_RISK_DAYS))
    .sort((a, b) => (a.days_left ?? -1) - (b.days_left ?? -1) || Number(b.per_day) - Number(a.per_day))
    .slice(0, 30);
  return { day, byCategory: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)), warehouses: warehouses.rows, atRisk };
}
export type StockOverview = Awaited<ReturnType<typeof getStockOverview>>;
