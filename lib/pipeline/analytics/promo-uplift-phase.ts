// Analytics phase "promotion-uplift": each finished promotion's uplift on its scope's units (all
// products, a category or one sku) against a forecast counterfactual, with a 95% interval
// (lib/analytics/promo/estimate-uplift), leaving out a promoted product's stock-out days.
// Rebuilt whole in one transaction.
import type pg from "pg";
import { estimateUplift } from "../../analytics/promo/estimate-uplift";
import { fitOrNull } from "../../analytics/forecast/fit-or-null";
import type { AnalyticsPhase } from "../analytics-phases";
import { inTransaction } from "../../db/in-transaction";

// A promotion ends at the start of the day after its last day (ends_at is exclusive), hence the
// second subtracted before taking the date.
const SQL = `
WITH bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM gold_product_daily),
promo AS (
  SELECT promo_id, scope_type, scope_value,
         (starts_at AT TIME ZONE $1)::date AS first_day, ((ends_at AT TIME ZONE $1) - interval '1 second')::date AS last_day
    FROM silver_promotions),
scope_units AS (
  SELECT p.promo_id, d.day, sum(d.units) AS units
    FROM promo p
    JOIN gold_product_daily d ON d.day <= p.last_day
    JOIN silver_products s ON s.sku = d.sku
   WHERE p.scope_type = 'all' OR (p.scope_type = 'category' AND s.category = p.scope_value) OR (p.scope_type = 'sku' AND d.sku = p.scope_value)
   GROUP BY p.promo_id, d.day)
SELECT p.promo_id, p.first_day::text AS first_day, p.last_day::text AS last_day, b.first_day::text AS series_start,
       (p.first_day - b.first_day) AS start_index, (p.last_day - b.first_day + 1) AS end_index,
       array_agg(coalesce(u.units, 0)::float8 ORDER BY g.day) AS units,
       array_agg(coalesce(st.stockout, false) ORDER BY g.day) AS unsellable
  FROM promo p CROSS JOIN bounds b
 CROSS JOIN LATERAL generate_series(b.first_day, p.last_day, interval '1 day') AS g(day)
  LEFT JOIN scope_units u ON u.promo_id = p.promo_id AND u.day = g.day::date
  LEFT JOIN gold_stock_daily st ON p.scope_type = 'sku' AND st.sku = p.scope_value AND st.day = g.day::date
 WHERE p.first_day > b.first_day AND p.last_day <= b.last_day
 GROUP BY p.promo_id, p.first_day, p.last_day, b.first_day
 ORDER BY p.first_day`;

type PromoSeries = { promo_id: string; first_day: string; last_day: string; start_index: number; end_index: number; units: number[]; unsellable: boolean[] };

export async function buildPromoUplift(pool: pg.Pool, timeZone: string): Promise<{ rowsIn: number; rowsOut: number }> {
  const { rows } = await pool.query<PromoSeries>(SQL, [timeZone]);
  const out: Record<string, (string | number | null)[]> = { promoId: [], firstDay: [], lastDay: [], actual: [], baseline: [], uplift: [], lower: [], upper: [], placebos: [] };
  for (const p of rows) {
    // Days of the other promotions, on this promotion's day index.
    const masked = p.units.map((_, i) => rows.some((o) => o !== p && i >= o.start_index && i < o.end_index));
    // A single product's stock-outs hide its demand; a category's or the site's barely move it.
    // A history the model cannot fit leaves this promotion out, not the others.
    const est = fitOrNull(() => estimateUplift(p.units, p.start_index, p.end_index, masked, p.unsellable));
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
  return { rowsIn: rows.length, rowsOut: out.promoId.length };
}

export const promoUpliftPhase: AnalyticsPhase = { name: "promotion-uplift", run: (pool, ctx) => buildPromoUplift(pool, ctx.timeZone) };
