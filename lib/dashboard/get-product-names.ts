// Display names of SKUs (charts label products by name, not code).
import type pg from "pg";

export async function getProductNames(pool: pg.Pool, skus: string[]): Promise<Record<string, string>> {
  if (!skus.length) return {};
  const { rows } = await pool.query<{ sku: string; name: string }>("SELECT sku, name FROM silver_products WHERE sku = ANY($1::text[])", [skus]);
  return Object.fromEntries(rows.map((r) => [r.sku, `${r.name} (${r.sku})`]));
}
