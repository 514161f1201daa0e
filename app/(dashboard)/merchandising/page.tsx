// Merchandising: product and category performance of the period, the top 10 products, and
// the pricing view (list price against realised price after discounts).
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { KpiBreakdown } from "@/components/dashboard/kpi-breakdown";
import { KpiSummary } from "@/components/dashboard/kpi-summary";
import { ProductTable } from "@/components/dashboard/product-table";

export default async function MerchandisingPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await dashboardContext("merchandising:view", searchParams);
  const L = ctx.t.dashboard.merch;
  const err = ctx.t.dashboard.cardError;
  return (
    <DashboardShell ctx={ctx} page="merchandising">
      {(ctx) => (
        <div className="space-y-4">
          <KpiSummary ctx={ctx} ids={["revenue", "units", "margin", "return_rate"]} />
          <CardGrid>
            <Card title={L.topProducts} errorLabel={err} wide testId="card-top-products">
              <KpiBreakdown ctx={ctx} id="revenue" by="product" top={10} />
            </Card>
            <Card title={L.byCategory} errorLabel={err}>
              <KpiBreakdown ctx={ctx} id="revenue" by="category" />
            </Card>
            <Card title={L.marginByCategory} errorLabel={err}>
              <KpiBreakdown ctx={ctx} id="margin" by="category" />
            </Card>
            <Card title={L.pricing} errorLabel={err} wide>
              <ProductTable ctx={ctx} limit={50} testId="pricing" />
            </Card>
          </CardGrid>
        </div>
      )}
    </DashboardShell>
  );
}
