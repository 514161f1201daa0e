// One KPI over the filtered period at the chosen grain, with the previous period drawn dashed
// (aligned by position: day 1 against day 1) so the comparison is one glance away.
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { pool } from "@/lib/db";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import { getKpi } from "@/lib/kpi/registry";
import type { ReadyContext } from "./dashboard-context";

export async function KpiTrend({ ctx, id, compare = true, product }: { ctx: ReadyContext; id: string; compare?: boolean; product?: string }) {
  const { filters, locale, t } = ctx;
  const kpi = getKpi(id)!;
  const q = { grain: filters.grain, by: null, filter: { category: filters.category, channel: filters.channel, product } };
  const [current, previous] = await Promise.all([
    getKpiSeries(pool(), ctx.user, kpi, { ...q, from: filters.from, to: filters.to }),
    compare ? getKpiSeries(pool(), ctx.user, kpi, { ...q, ...filters.previous }) : null,
  ]);
  if (!current.series.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  const points = current.series.map((p, i) => ({ period: p.period, values: { current: p.value, previous: previous?.series[i]?.value ?? null } }));
  return (
    <TimeSeriesChart
      title={kpi.label[locale]}
      points={points}
      series={[{ key: "current", label: t.dashboard.chart.current }, ...(compare ? [{ key: "previous", label: t.dashboard.chart.previous, dashed: true }] : [])]}
      unit={kpi.unit}
      locale={locale}
      labels={{ table: t.dashboard.chart.table, period: t.dashboard.chart.period }}
      testId={`trend-${id}`}
    />
  );
}
