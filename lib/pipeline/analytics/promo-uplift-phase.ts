// Analytics phase "promotion-uplift": each finished promotion's uplift on its scope's units (all
// products, a category or one sku) against a forecast counterfactual, with a 95% interval
// (lib/analytics/promo/estimate-uplift), counting only the products in stock each day
// (lib/analytics/promo/in-stock-demand).
// Rebuilt whole in one transaction.
import type pg from "pg";
import { estimateUplift } from "../../analytics/promo/estimate-uplift";
import { fitOrNull } from "../../analytics/forecast/fit-or-null";
import { inStockDemand } from "../../analytics/promo/in-stock-demand";
import type { AnalyticsPhase } from "../analytics-phases";
import { inTransaction } from "../../db/in-transaction";

// A promotion ends at the start of the day after its last day (ends_at is exclusive), hence the
// second subtracted before taking the date. Day indexes count from the first day with sales.
const PROMO_CTE = `
WITH bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM gold_product_daily),
promo AS (
  SELECT promo_id, scope_type, scope_value,
         (starts_at AT TIME ZONE $1)::date AS first_day, ((ends_at AT TIME ZONE $1) - interval '1 second')::date AS last_day
    FROM silver_promotions)`;

const PROMOS_SQL = `${PROMO_CTE}
SELECT p.promo_id, p.scope_type, p.scope_value, p.first_day::text AS first_day, p.last_day::text AS last_day,
       (p.first_day - b.first_day) AS start_index, (p.last_day - b.first_day + 1) AS end_index
  FROM promo p CROSS JOIN bounds b
 WHERE p.first_day > b.first_day AND p.last_day <= b.last_day
 ORDER BY p.first_day, p.promo_id`;

// Every product once (read together, not per promotion: a site-wide promotion would read them
// all again), with its daily units and whether it could sell that day: not when it ended the day
// without stock, nor once withdrawn from sale (from the day of its latest withdrawal not followed
// by a return to sale); no stock row: nothing says it lacked any.
const PRODUCTS_SQL = `${PROMO_CTE},
withdrawn AS (
  SELECT v.sku, (min(v.updated_at) AT TIME ZONE $1)::date AS from_day
    FROM silver_product_versions v
   WHERE NOT v.active
     AND NOT EXISTS (SELECT 1 FROM silver_product_versions a WHERE a.sku = v.sku AND a.active AND a.updated_at > v.updated_at)
   GROUP BY v.sku),
product_units AS (SELECT sku, day, sum(units) AS units FROM gold_product_daily GROUP BY sku, day)
SELECT s.sku, s.category,
       array_agg(coalesce(u.units, 0)::float8 ORDER BY g.day) AS units,
       array_agg(NOT coalesce(st.stockout, false) AND (w.from_day IS NULL OR g.day < w.from_day) ORDER BY g.day) AS in_stock
  FROM silver_products s CROSS JOIN bounds b
 CROSS JOIN LATERAL generate_series(b.first_day, b.last_day, interval '1 day') AS g(day)
  LEFT JOIN product_units u ON u.sku = s.sku AND u.day = g.day::date
  LEFT JOIN gold_stock_daily st ON st.sku = s.sku AND st.day = g.day::date
  LEFT JOIN withdrawn w ON w.sku = s.sku
 GROUP BY s.sku, s.category, w.from_day`;

type Promo = { promo_id: string; scope_type: string; scope_value: string | null; first_day: string; last_day: string; start_index: number; end_index: number };
type Product = { sku: string; category: string; units: number[]; in_stock: boolean[] };

export async function buildPromoUplift(pool: pg.Pool, timeZone: string): Promise<{ rowsIn: number; rowsOut: number }> {
  const promos = (await pool.query<Promo>(PROMOS_SQL, [timeZone])).rows;
  const products = promos.length ? (await pool.query<Product>(PRODUCTS_SQL, [timeZone])).rows : [];
  // The site's daily units: where the counterfactual reads calendar effects.
  const site = new Array<number>(products[0]?.units.length ?? 0).fill(0);
  for (const r of products) r.units.forEach((u, i) => (site[i] += u));
  const out: Record<string, (string | number | null)[]> = { promoId: [], firstDay: [], lastDay: [], actual: [], baseline: [], uplift: [], lower: [], upper: [], placebos: [] };
  for (const p of promos) {
    const scope = products.filter((r) => p.scope_type === "all" || (p.scope_type === "category" ? r.category === p.scope_value : r.sku === p.scope_value));
    const { units, share } = inStockDemand(scope.map((r) => ({ units: r.units, inStock: r.in_stock })), p.start_index);
    // Days of the other promotions, on this promotion's day index.
    const masked = units.map((_, i) => promos.some((o) => o !== p && i >= o.start_index && i < o.end_index));
    // A history the model cannot fit leaves this promotion out, not the others.
    const est = fitOrNull(() => estimateUplift(units, p.start_index, p.end_index, masked, share, site));
    if (!est) continue;
    const bounded = Number.isFinite(est.upper95);
    const row = { promoId: p.promo_id, firstDay: p.first_day, lastDay: p.last_day, actual: Math.round(est.actual), baseline: est.counterfactual.toFixed(2) };
    for (const [k, v] of Object.entries({ ...row, uplift: est.uplift.toFixed(4), lower: bounded ? est.lower95.toFixed(4) : null, upper: bounded ? est.upper95.toFixed(4) : null, placebos: est.placebos })) out[k].push(v);
  }
  await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM gold_promo_uplift");
    await client.query(
      `INSERT INTO gold_promo_uplift (promo_id, first_day, last_day, actual_units, baseline_units, uplift, lower_95, upper_95, placebos)
       SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::int[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::int[])`,
      Object.values(out),
    );
  });
  return { rowsIn: promos.length, rowsOut: out.promoId.length };
}

export const promoUpliftPhase: AnalyticsPhase = { name: "promotion-uplift", run: (pool, ctx) => buildPromoUplift(pool, ctx.timeZone) };
