// A KPI over the filtered period, optionally split by a dimension (its 8 largest keys drawn,
// every key in the table), with a CSV export of exactly what is shown.
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { pool } from "@/lib/db";
import type { DashboardFilters } from "@/lib/dashboard/date-range";
import { EXPLORER_TOP, type ExplorerChoice } from "@/lib/dashboard/explorer-query";
import { getProductNames } from "@/lib/dashboard/get-product-names";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import type { ReadyContext } from "./dashboard-context";

type Props = { ctx: Pick<ReadyContext, "user" | "locale" | "t">; choice: ExplorerChoice; filters: DashboardFilters; testId?: string };

export async function ExplorerChart({ ctx, choice, filters, testId }: Props) {
  const { locale, t } = ctx;
  const { kpi, by } = choice;
  const q = { from: filters.from, to: filters.to, grain: filters.grain, by, filter: { category: filters.category, channel: filters.channel } };
  const result = await getKpiSeries(pool(), ctx.user, kpi, by ? { ...q, top: EXPLORER_TOP } : q);
  if (!result.series.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  const keys = by ? (result.top ?? []).map((k) => k.key) : ["value"];
  const names = by === "product" ? await getProductNames(pool(), keys) : {};
  const points = new Map<string, Record<string, string | null>>();
  for (const p of result.series) {
    const row = points.get(p.period) ?? {};
    row[by ? (p.key ?? "") : "value"] = p.value;
    points.set(p.period, row);
  }
  const csv = new URLSearchParams({ from: filters.from, to: filters.to, grain: filters.grain, format: "csv" });
  if (by) csv.set("by", by);
  if (filters.category) csv.set("category", filters.category);
  if (filters.channel) csv.set("channel", filters.channel);
  return (
    <div>
      <TimeSeriesChart
        title={kpi.label[locale]}
        points={[...points].map(([period, values]) => ({ period, values }))}
        series={keys.map((k) => ({ key: k, label: by ? (names[k] ?? k) : kpi.label[locale] }))}
        unit={kpi.unit}
        locale={locale}
        labels={{ table: t.dashboard.chart.table, period: t.dashboard.chart.period }}
        testId={testId}
      />
      <a href={`/api/v1/kpis/${kpi.id}?${csv}`} className="mt-2 inline-block text-sm text-indigo-800 hover:underline" download>
        {t.dashboard.explorer.exportCsv}
      </a>
    </div>
  );
}
