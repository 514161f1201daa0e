// Finance / direction: the topline of the period, day/week/month/YTD comparisons, revenue
// trend, revenue by category and channel, payments reconciliation.
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { KpiBreakdown } from "@/components/dashboard/kpi-breakdown";
import { KpiSummary } from "@/components/dashboard/kpi-summary";
import { KpiTrend } from "@/components/dashboard/kpi-trend";
import { PaymentsReconciliation } from "@/components/dashboard/payments-reconciliation";
import { PeriodComparison } from "@/components/dashboard/period-comparison";
import { getKpi } from "@/lib/kpi/registry";

const TOPLINE = ["revenue", "net_revenue", "orders", "aov", "margin", "refunds"];

export default async function FinancePage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await dashboardContext("finance:view", searchParams);
  const d = ctx.t.dashboard;
  return (
    <DashboardShell ctx={ctx} page="finance">
      {(ctx) => (
        <div className="space-y-4">
          <KpiSummary ctx={ctx} ids={TOPLINE} />
          <CardGrid>
            <Card title={d.finance.trend} definition={getKpi("revenue")!.definition[ctx.locale]} errorLabel={d.cardError} wide testId="card-trend">
              <KpiTrend ctx={ctx} id="revenue" />
            </Card>
            <Card title={d.finance.periods} errorLabel={d.cardError} wide>
              <PeriodComparison ctx={ctx} ids={TOPLINE} />
            </Card>
            <Card title={d.finance.byCategory} errorLabel={d.cardError}>
              <KpiBreakdown ctx={ctx} id="revenue" by="category" />
            </Card>
            <Card title={d.finance.byChannel} errorLabel={d.cardError}>
              <KpiBreakdown ctx={ctx} id="revenue" by="channel" />
            </Card>
            <Card title={d.finance.reconciliation} errorLabel={d.cardError} wide>
              <PaymentsReconciliation ctx={ctx} />
            </Card>
          </CardGrid>
        </div>
      )}
    </DashboardShell>
  );
}
