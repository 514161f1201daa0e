// Daily revenue and units from gold, in total and per category (category read from
// silver_products, as every KPI does), with days without sales as zeros, from the first to the
// last day with sales.
import type pg from "pg";

export type DailySeries = { metric: "revenue" | "units"; scope: string; firstDay: string; values: number[] };

const SQL = `
WITH bounds AS (SELECT min(day) AS first_day, max(day) AS last_day FROM gold_product_daily),
by_scope AS (
  SELECT d.day, s.category AS scope, sum(d.revenue) AS revenue, sum(d.units) AS units
    FROM gold_product_daily d JOIN silver_products s ON s.sku = d.sku
   GROUP BY d.day, s.category
  UNION ALL
  SELECT day, 'total', sum(revenue), sum(units) FROM gold_product_daily GROUP BY day),
scopes AS (SELECT DISTINCT scope FROM by_scope)
SELECT sc.scope, b.first_day::text AS first_day,
       array_agg(coalesce(v.revenue, 0)::float8 ORDER BY g.day) AS revenue,
       array_agg(coalesce(v.units, 0)::float8 ORDER BY g.day) AS units
  FROM bounds b
 CROSS JOIN generate_series(b.first_day, b.last_day, interval '1 day') AS g(day)
 CROSS JOIN scopes sc
  LEFT JOIN by_scope v ON v.day = g.day::date AND v.scope = sc.scope
 GROUP BY sc.scope, b.first_day
 ORDER BY sc.scope`;

export async function readDailySeries(pool: pg.Pool): Promise<DailySeries[]> {
  const { rows } = await pool.query<{ scope: string; first_day: string; revenue: number[]; units: number[] }>(SQL);
  return rows.flatMap((r) => [
    { metric: "revenue" as const, scope: r.scope, firstDay: r.first_day, values: r.revenue },
    { metric: "units" as const, scope: r.scope, firstDay: r.first_day, values: r.units },
  ]);
}
