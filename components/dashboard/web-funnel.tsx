// The conversion funnel of the period (each step with the share of the previous one that went
// on) and the traffic sources and campaigns that brought sessions and purchases.
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { pool } from "@/lib/db";
import { getWebFunnel } from "@/lib/dashboard/get-web-funnel";
import { formatKpiValue } from "@/lib/format";
import type { ReadyContext } from "./dashboard-context";

export async function WebFunnel({ ctx }: { ctx: ReadyContext }) {
  const { filters, locale, t } = ctx;
  const L = t.dashboard.marketing;
  const funnel = await getWebFunnel(pool(), ctx.user, filters.from, filters.to);
  if (funnel.steps[0].sessions === "0") return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  return (
    <div>
      <RankedBarChart
        title={L.funnel}
        items={funnel.steps.map((s) => ({ key: s.step, label: L.steps[s.step], value: s.sessions }))}
        unit="count"
        locale={locale}
        labels={{ table: t.dashboard.chart.table, key: L.step, value: L.sessions }}
        testId="funnel-chart"
      />
      <ol className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="funnel-steps">
        {funnel.steps.slice(1).map((s) => (
          <li key={s.step}>
            {L.steps[s.step]} : {formatKpiValue(s.fromPrevious, "ratio", locale)}
          </li>
        ))}
      </ol>
    </div>
  );
}

export async function CampaignTraffic({ ctx }: { ctx: ReadyContext }) {
  const { filters, locale, t } = ctx;
  const L = t.dashboard.marketing;
  const { campaigns } = await getWebFunnel(pool(), ctx.user, filters.from, filters.to);
  if (!campaigns.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full text-sm tabular-nums" data-testid="campaigns-table">
        <thead className="sticky top-0 bg-white text-xs text-slate-500">
          <tr>
            {[L.source, L.campaign, L.sessions, L.purchases, L.conversion].map((h, i) => (
              <th key={h} scope="col" className={`py-1 pr-3 font-medium ${i > 1 ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={`${c.source}/${c.campaign}`} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">{c.source}</th>
              <td className="py-1 pr-3">{c.campaign}</td>
              <td className="py-1 pr-3 text-right">{formatKpiValue(c.sessions, "count", locale)}</td>
              <td className="py-1 pr-3 text-right">{formatKpiValue(c.purchase_sessions, "count", locale)}</td>
              <td className="py-1 pr-3 text-right">{formatKpiValue(c.conversion, "ratio", locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
