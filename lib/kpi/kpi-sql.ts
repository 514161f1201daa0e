// SQL for a KPI series: its sums per period (day, ISO week from Monday, month) and optional
// dimension, over gold only, optionally restricted to one category and/or channel. Every
// fragment comes from the registry (code), never from input; the range ($1, $2) and the filter
// values ($3…) are bound as parameters.
import type { Dimension, KpiDefinition } from "./registry";

export type Grain = "day" | "week" | "month";
/** Restrict to one category, channel and/or product (ignored by KPIs that cannot be split that way). */
export type KpiFilter = { category?: string | null; channel?: string | null; product?: string | null };
export type KpiStatement = { text: string; values: string[] };

// Money to the cent, ratios to 4 places; no value where the denominator is zero.
const SCALE = { eur: 2, count: 0, ratio: 4 } as const;
/** The rounded value of a statement's (num, den) rows, as text. */
export const kpiValueSql = (kpi: KpiDefinition) => `(CASE WHEN den = 0 THEN NULL ELSE round(num / den, ${SCALE[kpi.unit]}) END)::text`;

const PERIOD: Record<Grain, (col: string) => string> = {
  day: (c) => `to_char(${c}, 'YYYY-MM-DD')`,
  week: (c) => `to_char(${c}, 'IYYY-"W"IW')`,
  month: (c) => `to_char(${c}, 'YYYY-MM')`,
};

const PRODUCT_DIMS = { channel: "f.channel", category: "p.category", product: "f.sku" };
const SOURCE: Record<Exclude<KpiDefinition["fact"], "net">, { from: string; day: string; dims: Partial<Record<Dimension, string>> }> = {
  sales: { from: "gold_sales_daily f", day: "f.day", dims: { channel: "f.channel" } },
  products: { from: "gold_product_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: PRODUCT_DIMS },
  refunds: { from: "gold_refunds_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: PRODUCT_DIMS },
  web: { from: "gold_web_daily f", day: "f.day", dims: {} },
  stock: { from: "gold_stock_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: { category: "p.category", product: "f.sku" } },
  customers: { from: "gold_customer_value f", day: "f.first_order_date", dims: {} },
};

/** The filters a KPI honours: those on a dimension it can be split by. */
export function applicableFilter(kpi: KpiDefinition, filter: KpiFilter = {}): KpiFilter {
  return {
    ...(filter.category && kpi.dimensions.includes("category") ? { category: filter.category } : {}),
    ...(filter.channel && kpi.dimensions.includes("channel") ? { channel: filter.channel } : {}),
    ...(filter.product && kpi.dimensions.includes("product") ? { product: filter.product } : {}),
  };
}

// Sales split or filtered by category or product must come from the per-product facts.
const needsProducts = (by: Dimension | null, filter: KpiFilter) => by === "category" || by === "product" || !!filter.category || !!filter.product;
const factFor = (kpi: KpiDefinition, by: Dimension | null, filter: KpiFilter) => (kpi.fact === "sales" && needsProducts(by, filter) ? "products" : kpi.fact);

/** `AND col = $n` for each filter value, numbering from $3. */
function filterSql(dims: Partial<Record<Dimension, string>>, filter: KpiFilter): KpiStatement {
  const values: string[] = [];
  let text = "";
  for (const dim of ["category", "channel", "product"] as const) {
    const value = filter[dim];
    if (value && dims[dim]) {
      values.push(value);
      text += ` AND ${dims[dim]} = $${values.length + 2}`;
    }
  }
  return { text, values };
}

/** Rows (period, key, num, den) for $1 ≤ day ≤ $2; with `whole`, one row over the whole range. */
export function kpiSql(kpi: KpiDefinition, grain: Grain, by: Dimension | null, options: { whole?: boolean; filter?: KpiFilter } = {}): KpiStatement {
  const filter = applicableFilter(kpi, options.filter);
  const whole = !!options.whole;
  const fact = factFor(kpi, by, filter);
  if (fact === "net") return netRevenueSql(grain, by, whole, filter);
  const src = SOURCE[fact];
  const period = whole ? "'total'" : PERIOD[grain](src.day);
  const key = by ? src.dims[by] : "NULL";
  const where = filterSql(src.dims, filter);
  return {
    text: `SELECT ${period} AS period, ${key}::text AS key, (${kpi.numerator})::numeric AS num, (${kpi.denominator ?? "1"})::numeric AS den
    FROM ${src.from} WHERE ${src.day} BETWEEN $1::date AND $2::date${where.text} GROUP BY 1, 2 ORDER BY 1, 2`,
    values: where.values,
  };
}

// Net revenue joins two facts with different dates (order day, refund day) per period and key.
function netRevenueSql(grain: Grain, by: Dimension | null, whole: boolean, filter: KpiFilter): KpiStatement {
  const perProduct = needsProducts(by, filter);
  const facts = [
    { table: perProduct ? "gold_product_daily" : "gold_sales_daily", value: "revenue" },
    { table: "gold_refunds_daily", value: "-refunds" },
  ];
  const key = by === "category" ? "p.category" : by === "product" ? "f.sku" : by === "channel" ? "f.channel" : "NULL";
  const join = by === "category" || filter.category ? "JOIN silver_products p ON p.sku = f.sku" : "";
  const where = filterSql(PRODUCT_DIMS, filter);
  const period = whole ? "'total'" : PERIOD[grain]("f.day");
  const parts = facts.map((f) => `SELECT ${period} AS period, ${key}::text AS key, ${f.value} AS v FROM ${f.table} f ${join} WHERE f.day BETWEEN $1::date AND $2::date${where.text}`);
  return { text: `SELECT period, key, sum(v)::numeric AS num, 1::numeric AS den FROM (${parts.join(" UNION ALL ")}) x GROUP BY 1, 2 ORDER BY 1, 2`, values: where.values };
}
