// SQL for a KPI series: its sums per period (day, ISO week from Monday, month) and optional
// dimension, over gold only. Every fragment comes from the registry (code), never from input;
// the range is bound as parameters.
import type { Dimension, KpiDefinition } from "./registry";

export type Grain = "day" | "week" | "month";

const PERIOD: Record<Grain, (col: string) => string> = {
  day: (c) => `to_char(${c}, 'YYYY-MM-DD')`,
  week: (c) => `to_char(${c}, 'IYYY-"W"IW')`,
  month: (c) => `to_char(${c}, 'YYYY-MM')`,
};

const SOURCE: Record<KpiDefinition["fact"], { from: string; day: string; dims: Partial<Record<Dimension, string>> }> = {
  sales: { from: "gold_sales_daily f", day: "f.day", dims: { channel: "f.channel" } },
  products: { from: "gold_product_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: { channel: "f.channel", category: "p.category", product: "f.sku" } },
  refunds: { from: "gold_refunds_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: { channel: "f.channel", category: "p.category", product: "f.sku" } },
  web: { from: "gold_web_daily f", day: "f.day", dims: {} },
  stock: { from: "gold_stock_daily f JOIN silver_products p ON p.sku = f.sku", day: "f.day", dims: { category: "p.category", product: "f.sku" } },
  customers: { from: "gold_customer_value f", day: "f.first_order_date", dims: {} },
  net: { from: "", day: "f.day", dims: {} },
};

// Sales split by category or product must come from the per-product facts.
const factFor = (kpi: KpiDefinition, by: Dimension | null): KpiDefinition["fact"] =>
  kpi.fact === "sales" && (by === "category" || by === "product") ? "products" : kpi.fact;

/** Rows (period, key, num, den) for $1 ≤ day ≤ $2; with `whole`, one row over the whole range. */
export function kpiSql(kpi: KpiDefinition, grain: Grain, by: Dimension | null, whole = false): string {
  if (kpi.fact === "net") return netRevenueSql(grain, by, whole);
  const src = SOURCE[factFor(kpi, by)];
  const period = whole ? "'total'" : PERIOD[grain](src.day);
  const key = by ? src.dims[by] : "NULL";
  return `SELECT ${period} AS period, ${key}::text AS key, (${kpi.numerator})::numeric AS num, (${kpi.denominator ?? "1"})::numeric AS den
    FROM ${src.from} WHERE ${src.day} BETWEEN $1::date AND $2::date GROUP BY 1, 2 ORDER BY 1, 2`;
}

// Net revenue joins two facts with different dates (order day, refund day) per period and key.
function netRevenueSql(grain: Grain, by: Dimension | null, whole: boolean): string {
  const facts = [
    { table: by === "category" || by === "product" ? "gold_product_daily" : "gold_sales_daily", value: "revenue" },
    { table: "gold_refunds_daily", value: "-refunds" },
  ];
  const key = by === "category" ? "p.category" : by === "product" ? "f.sku" : by === "channel" ? "f.channel" : "NULL";
  const join = by === "category" ? "JOIN silver_products p ON p.sku = f.sku" : "";
  const period = whole ? "'total'" : PERIOD[grain]("f.day");
  const parts = facts.map((f) => `SELECT ${period} AS period, ${key}::text AS key, ${f.value} AS v FROM ${f.table} f ${join} WHERE f.day BETWEEN $1::date AND $2::date`);
  return `SELECT period, key, sum(v)::numeric AS num, 1::numeric AS den FROM (${parts.join(" UNION ALL ")}) x GROUP BY 1, 2 ORDER BY 1, 2`;
}
