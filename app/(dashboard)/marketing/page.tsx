// Marketing: the period's commercial KPIs, promotions and their impact, revenue by channel,
// the conversion funnel and its trend, traffic by source and campaign.
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { KpiBreakdown } from "@/components/dashboard/kpi-breakdown";
import { KpiSummary } from "@/components/dashboard/kpi-summary";
import { KpiTrend } from "@/components/dashboard/kpi-trend";
import { PromotionUplift } from "@/components/dashboard/promotion-uplift";
import { PromotionsImpact } from "@/components/dashboard/promotions-impact";
import Link from "next/link";
import { CampaignTraffic, WebFunnel } from "@/components/dashboard/web-funnel";
import { getKpi } from "@/lib/kpi/registry";

export default async function MarketingPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await dashboardContext("marketing:view", searchParams);
  const L = ctx.t.dashboard.marketing;
  const err = ctx.t.dashboard.cardError;
  return (
    <DashboardShell ctx={ctx} page="marketing">
      {(ctx) => (
        <div className="space-y-4">
          <KpiSummary ctx={ctx} ids={["revenue", "orders", "aov", "conversion_rate"]} />
          <Link href="/marketing/segments" className="inline-block text-sm font-medium text-indigo-800 hover:underline">
            {L.segmentsLink}
          </Link>
          <CardGrid>
            <Card title={L.promotions} errorLabel={err} wide testId="card-promotions">
              <PromotionsImpact ctx={ctx} />
            </Card>
            <Card title={ctx.t.forecasts.promoTitle} errorLabel={err} wide testId="card-uplift">
              <PromotionUplift ctx={ctx} />
            </Card>
            <Card title={L.byChannel} errorLabel={err}>
              <KpiBreakdown ctx={ctx} id="revenue" by="channel" />
            </Card>
            <Card title={L.funnel} errorLabel={err} testId="card-funnel">
              <WebFunnel ctx={ctx} />
            </Card>
            <Card title={L.conversionTrend} definition={getKpi("conversion_rate")!.definition[ctx.locale]} errorLabel={err} wide>
              <KpiTrend ctx={ctx} id="conversion_rate" />
            </Card>
            <Card title={L.campaigns} errorLabel={err} wide>
              <CampaignTraffic ctx={ctx} />
            </Card>
          </CardGrid>
        </div>
      )}
    </DashboardShell>
  );
}
