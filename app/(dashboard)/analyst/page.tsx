// Data analyst: the metric explorer (KPI × dimension × period × grain → chart, table, CSV),
// saved to a personal dashboard; the data-quality status and the metric glossary.
import Link from "next/link";
import { Card, CardGrid } from "@/components/dashboard/card";
import { dashboardContext, type SearchParams } from "@/components/dashboard/dashboard-context";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { ExplorerChart } from "@/components/dashboard/explorer-chart";
import { QualityStatus } from "@/components/dashboard/quality-status";
import { SaveChartForm } from "@/components/dashboard/save-chart-form";
import { SavedCharts } from "@/components/dashboard/saved-charts";
import { filtersToSearch } from "@/lib/dashboard/date-range";
import { parseExplorerChoice } from "@/lib/dashboard/explorer-query";
import { KPIS } from "@/lib/kpi/registry";

export default async function AnalystPage({ searchParams }: { searchParams: SearchParams }) {
  const search = await searchParams;
  const ctx = await dashboardContext("analyst:view", Promise.resolve(search));
  const { t, locale } = ctx;
  const L = t.dashboard.explorer;
  const choice = parseExplorerChoice(search);
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const fields = (
    <>
      <label className="flex flex-col text-xs text-slate-600">
        {L.kpi}
        <select name="kpi" defaultValue={choice.kpi.id} className={select}>
          {KPIS.map((k) => (
            <option key={k.id} value={k.id}>{k.label[locale]}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {L.by}
        <select name="by" defaultValue={choice.by ?? ""} key={choice.kpi.id} className={select}>
          <option value="">{L.none}</option>
          {choice.kpi.dimensions.map((d) => (
            <option key={d} value={d}>{L.dims[d]}</option>
          ))}
        </select>
      </label>
    </>
  );
  return (
    <DashboardShell ctx={ctx} page="analyst" extraFields={fields}>
      {(ctx) => {
        const query = Object.fromEntries(new URLSearchParams(`${filtersToSearch(ctx.filters)}&kpi=${choice.kpi.id}${choice.by ? `&by=${choice.by}` : ""}`));
        const title = `${choice.kpi.label[locale]}${choice.by ? ` × ${L.dims[choice.by]}` : ""}`;
        return (
          <div className="space-y-4">
            <CardGrid>
              <Card title={`${L.title} — ${title}`} definition={choice.kpi.definition[locale]} errorLabel={t.dashboard.cardError} wide testId="card-explorer">
                <ExplorerChart ctx={ctx} choice={choice} filters={ctx.filters} testId="explorer-chart" />
                <div className="mt-3 border-t pt-3">
                  <SaveChartForm query={query} defaultTitle={title} labels={L} />
                </div>
              </Card>
              <Card title={L.myCharts} errorLabel={t.dashboard.cardError} wide testId="card-my-charts">
                <SavedCharts ctx={ctx} />
              </Card>
              <Card title={L.quality} errorLabel={t.dashboard.cardError} wide testId="card-quality">
                <QualityStatus ctx={ctx} />
              </Card>
            </CardGrid>
            <Link href="/glossary" className="inline-block text-sm text-indigo-800 hover:underline">
              {L.glossary} →
            </Link>
          </div>
        );
      }}
    </DashboardShell>
  );
}
