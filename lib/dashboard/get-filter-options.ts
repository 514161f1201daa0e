// The values the global filters offer: categories of the catalogue and channels that sold.
import type pg from "pg";

export type FilterOptions = { categories: string[]; channels: string[] };

export async function getFilterOptions(pool: pg.Pool): Promise<FilterOptions> {
  const [categories, channels] = await Promise.all([
    pool.query<{ v: string }>("SELECT DISTINCT category AS v FROM silver_products ORDER BY 1"),
    pool.query<{ v: string }>("SELECT DISTINCT channel AS v FROM gold_sales_daily ORDER BY 1"),
  ]);
  return { categories: categories.rows.map((r) => r.v), channels: channels.rows.map((r) => r.v) };
}
