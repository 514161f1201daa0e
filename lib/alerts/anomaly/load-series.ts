// Reads gold into the daily series the detection judges: every (metric, scope) pair of the KPIs
// watched, on a contiguous calendar of days. Category and channel revenue and orders are judged as
// their share of the total (a sale period lifts every category alike; a broken category page does
// not), the rates on their own value. Plus the promotion days, which are masked.
import type pg from "pg";
import { inStockShare, loadMissingSales } from "./in-stock-share";

export type ScopeType = "total" | "category" | "channel";
export type Series = {
  metric: string;
  scopeType: ScopeType;
  scopeValue: string | null;
  /** Value per day of `days` in the metric's unit (€, count, ratio); null = no data. */
  values: (number | null)[];
  /** Share series: the total the share is of (the detection runs on values / parent). */
  parent?: (number | null)[];
  /** Category revenue: the share of its usual sales its products in stock could make that day
   * (see in-stock-share.ts; 1 = nothing missing); the detection judges values / inStock. */
  inStock?: (number | null)[];
};
export type LoadedSeries = { days: string[]; series: Series[]; promoDays: Set<string> };

type Acc = Map<string, Map<string, [number, number]>>;
const add = (acc: Acc, key: string, day: string, num: number, den = 1) => {
  const m = acc.get(key) ?? acc.set(key, new Map()).get(key)!;
  const cur = m.get(day) ?? [0, 0];
  m.set(day, [cur[0] + num, cur[1] + den]);
};

export async function loadSeries(pool: pg.Pool, timeZone: string): Promise<LoadedSeries> {
  const [sales, products, web, stock, promos, missing] = await Promise.all([
    pool.query<{ day: string; channel: string; orders: string; revenue: string }>("SELECT day::text, channel, sum(orders) AS orders, sum(revenue) AS revenue FROM gold_sales_daily GROUP BY 1, 2"),
    pool.query<{ day: string; category: string; channel: string; revenue: string; units: string; returned: string }>(
      `SELECT f.day::text, coalesce(p.category, '?') AS category, f.channel, sum(f.revenue) AS revenue, sum(f.units) AS units, sum(f.units_returned) AS returned
         FROM gold_product_daily f LEFT JOIN silver_products p ON p.sku = f.sku GROUP BY 1, 2, 3`,
    ),
    pool.query<{ day: string; sessions: string; purchases: string }>("SELECT day::text, sum(sessions) AS sessions, sum(purchase_sessions) AS purchases FROM gold_web_daily GROUP BY 1"),
    pool.query<{ day: string; category: string; out: string; active: string }>(
      `SELECT g.day::text, coalesce(p.category, '?') AS category, count(*) FILTER (WHERE g.active AND g.stockout) AS out, count(*) FILTER (WHERE g.active) AS active
         FROM gold_stock_daily g LEFT JOIN silver_products p ON p.sku = g.sku GROUP BY 1, 2`,
    ),
    pool.query<{ day: string }>(
      `SELECT DISTINCT d::date::text AS day FROM silver_promotions s,
              generate_series((s.starts_at AT TIME ZONE $1)::date, ((s.ends_at - interval '1 millisecond') AT TIME ZONE $1)::date, interval '1 day') d`,
      [timeZone],
    ),
    loadMissingSales(pool),
  ]);
  const acc: Acc = new Map();
  for (const r of sales.rows) {
    const [o, rev] = [Number(r.orders), Number(r.revenue)];
    for (const scope of ["total|", `channel|${r.channel}`]) {
      add(acc, `orders|${scope}`, r.day, o);
      add(acc, `revenue|${scope}`, r.day, rev);
      add(acc, `aov|${scope}`, r.day, rev, o);
    }
  }
  for (const r of products.rows) {
    add(acc, `revenue|category|${r.category}`, r.day, Number(r.revenue));
    for (const scope of ["total|", `category|${r.category}`, `channel|${r.channel}`]) add(acc, `return_rate|${scope}`, r.day, Number(r.returned), Number(r.units));
  }
  for (const r of web.rows) add(acc, "conversion_rate|total|", r.day, Number(r.purchases), Number(r.sessions));
  for (const r of stock.rows) for (const scope of ["total|", `category|${r.category}`]) add(acc, `stockout_rate|${scope}`, r.day, Number(r.out), Number(r.active));

  const days = calendar(sales.rows.map((r) => r.day));
  const ratio = new Set(["aov", "return_rate", "conversion_rate", "stockout_rate"]);
  const series: Series[] = [...acc.entries()].map(([key, byDay]) => {
    const [metric, scopeType, scopeValue] = key.split("|");
    const values = days.map((d) => {
      const v = byDay.get(d);
      if (!ratio.has(metric)) return v ? v[0] : 0;
      return v && v[1] > 0 ? v[0] / v[1] : null;
    });
    return { metric, scopeType: scopeType as ScopeType, scopeValue: scopeValue || null, values };
  });
  // A split of an additive metric is judged as its share of the total; without a total (facts
  // of one kind only, e.g. per-product rows before any order day), it cannot be judged.
  const judged = series.filter((s) => {
    if (s.scopeType === "total" || ratio.has(s.metric)) return true;
    s.parent = series.find((p) => p.metric === s.metric && p.scopeType === "total")?.values;
    return !!s.parent;
  });
  for (const s of judged) {
    const lost = s.metric === "revenue" && s.scopeType === "category" ? missing.get(s.scopeValue ?? "") : undefined;
    if (lost) s.inStock = inStockShare(days, s.values, lost);
  }
  return { days, series: judged, promoDays: new Set(promos.rows.map((r) => r.day)) };
}

/** Every day from the first to the last (a day without sales is still a day). */
function calendar(days: string[]): string[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const out: string[] = [];
  for (let t = Date.parse(`${sorted[0]}T00:00:00Z`), end = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
