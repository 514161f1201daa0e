// A product's file: its KPIs over the period, sales trend, price history, return reasons and
// available stock.
import Link from "next/link";
import { notFound } from "next/navigation";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { KpiSummary } from "@/components/dashboard/kpi-summary";
import { KpiTrend } from "@/components/dashboard/kpi-trend";
import { ProductFacts } from "@/components/dashboard/product-facts";
import { pool } from "@/lib/db";
import { filtersToSearch } from "@/lib/dashboard/date-range";
import { getProductDetail } from "@/lib/dashboard/get-product-detail";

type Props = { params: Promise<{ sku: string }>; searchParams: SearchParams };

export default async function ProductPage({ params, searchParams }: Props) {
  const ctx = await dashboardContext("merchandising:view", searchParams);
  const sku = decodeURIComponent((await params).sku);
  const L = ctx.t.dashboard.merch;
  const err = ctx.t.dashboard.cardError;
  const detail = ctx.filters ? await getProductDetail(pool(), ctx.user, sku, ctx.filters.from, ctx.filters.to) : null;
  if (ctx.filters && !detail) notFound();
  return (
    <DashboardShell ctx={ctx} page="merchandising" show={{ grain: true, category: false, channel: true }}>
      {(ctx) => (
        <div className="space-y-4">
          <Link href={`/merchandising?${filtersToSearch(ctx.filters)}`} className="text-sm text-indigo-800 hover:underline">
            {L.back}
          </Link>
          <ProductFacts detail={detail!} locale={ctx.locale} labels={L} />
          <KpiSummary ctx={ctx} ids={["revenue", "units", "margin", "return_rate", "stockout_rate"]} product={sku} />
          <CardGrid>
            <Card title={L.sales} errorLabel={err} wide>
              <KpiTrend ctx={ctx} id="revenue" product={sku} />
            </Card>
            <Card title={L.stock} errorLabel={err} wide>
              <TimeSeriesChart
                title={L.stock}
                points={detail!.stock.map((s) => ({ period: s.day, values: { available: String(s.available) } }))}
                series={[{ key: "available", label: L.stock }]}
                unit="count"
                locale={ctx.locale}
                labels={{ table: ctx.t.dashboard.chart.table, period: ctx.t.dashboard.chart.period }}
                height={200}
                testId="product-stock"
              />
            </Card>
          </CardGrid>
        </div>
      )}
    </DashboardShell>
  );
}
