// Supply chain: the live stock alerts feed (acknowledged here), stock-out rate and its trend,
// stock levels by category and warehouse, SKUs at risk, forecast-based reorder list.
import { AlertsFeed } from "@/components/alerts/alerts-feed";
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { KpiSummary } from "@/components/dashboard/kpi-summary";
import { KpiTrend } from "@/components/dashboard/kpi-trend";
import { ReorderSoon } from "@/components/dashboard/reorder-soon";
import { SkusAtRisk, StockLevels } from "@/components/dashboard/stock-overview";
import { can } from "@/lib/auth/permissions";
import { getKpi } from "@/lib/kpi/registry";

export default async function SupplyChainPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await dashboardContext("supply_chain:view", searchParams);
  const L = ctx.t.dashboard.supply;
  const err = ctx.t.dashboard.cardError;
  return (
    <DashboardShell ctx={ctx} page="supply_chain" show={{ grain: true, category: true, channel: false }}>
      {(ctx) => (
        <div className="space-y-4">
          <KpiSummary ctx={ctx} ids={["stockout_rate", "units", "return_rate"]} />
          {/* The feed scrolls on its own: a long list of alerts must not push the figures away. */}
          <div className="max-h-[30rem] overflow-y-auto rounded-lg" data-testid="stock-alerts">
            <AlertsFeed labels={ctx.t.alerts.feed} locale={ctx.locale} canAct={can(ctx.user.role, "alerts:ack")} kinds={["stock_out", "low_stock"]} />
          </div>
          <CardGrid>
            <Card title={L.stockoutTrend} definition={getKpi("stockout_rate")!.definition[ctx.locale]} errorLabel={err} wide>
              <KpiTrend ctx={ctx} id="stockout_rate" />
            </Card>
            <Card title={L.levels} errorLabel={err} testId="card-stock-levels">
              <StockLevels ctx={ctx} />
            </Card>
            <Card title={L.atRisk} errorLabel={err} testId="card-at-risk">
              <SkusAtRisk ctx={ctx} />
            </Card>
            <Card title={ctx.t.forecasts.coverTitle} errorLabel={err} wide testId="card-reorder">
              <ReorderSoon ctx={ctx} />
            </Card>
          </CardGrid>
        </div>
      )}
    </DashboardShell>
  );
}
