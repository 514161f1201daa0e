// One KPI over the filtered period split by a dimension (category, channel, product), largest
// first, as bars with their table.
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { pool } from "@/lib/db";
import { getProductNames } from "@/lib/dashboard/get-product-names";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import { getKpi, type Dimension } from "@/lib/kpi/registry";
import type { ReadyContext } from "./dashboard-context";

type Props = { ctx: ReadyContext; id: string; by: Dimension; top?: number };

export async function KpiBreakdown({ ctx, id, by, top = 1000 }: Props) {
  const { filters, locale, t } = ctx;
  const kpi = getKpi(id)!;
  const result = await getKpiSeries(pool(), ctx.user, kpi, {
    from: filters.from,
    to: filters.to,
    grain: filters.grain,
    by,
    top,
    filter: { category: filters.category, channel: filters.channel },
  });
  const keys = (result.top ?? []).map((r) => r.key);
  const labelOf = by === "product" ? await getProductNames(pool(), keys) : {};
  const items = (result.top ?? []).map((r) => ({ key: r.key, label: labelOf[r.key] ?? r.key, value: r.value }));
  if (!items.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  return (
    <RankedBarChart
      title={kpi.label[locale]}
      items={items}
      unit={kpi.unit}
      locale={locale}
      labels={{ table: t.dashboard.chart.table, key: t.dashboard.chart.key, value: kpi.label[locale] }}
      testId={`breakdown-${id}-${by}`}
    />
  );
}
