// Promotions that overlap the period (else the latest ones): revenue of their scope per day
// before / during / after, the change in € and %, and the orders that used the code.
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { pool } from "@/lib/db";
import { formatChange, formatKpiValue, formatDate } from "@/lib/format";
import { getPromotionImpact } from "@/lib/kpi/get-promotion-impact";
import { env } from "@/lib/env";
import type { ReadyContext } from "./dashboard-context";

export async function PromotionsImpact({ ctx }: { ctx: ReadyContext }) {
  const { filters, locale, t } = ctx;
  const L = t.dashboard.marketing;
  const all = await getPromotionImpact(pool(), ctx.user, env().REPORTING_TZ);
  const overlapping = all.filter((p) => p.firstDay <= filters.to && p.lastDay >= filters.from);
  const shown = (overlapping.length ? overlapping : all).slice(0, 8);
  if (!shown.length) return <p className="text-sm text-slate-600">{L.noPromotions}</p>;
  const eur = (v: string | null) => formatKpiValue(v, "eur", locale);
  return (
    <div className="space-y-3">
      {!overlapping.length && <p className="text-xs text-slate-500">{L.latestPromotions}</p>}
      <GroupedBarChart
        title={L.promotions}
        items={shown.map((p) => ({ label: p.code, values: { before: p.revenuePerDay.before, during: p.revenuePerDay.during, after: p.revenuePerDay.after } }))}
        series={[
          { key: "before", label: L.before },
          { key: "during", label: L.during },
          { key: "after", label: L.after },
        ]}
        unit="eur"
        locale={locale}
        labels={{ table: t.dashboard.chart.table, key: L.code }}
        testId="promotions-chart"
      />
      <div className="overflow-x-auto">
        <table className="w-full text-sm tabular-nums" data-testid="promotions-table">
          <thead className="text-xs text-slate-500">
            <tr>
              {[L.promotion, L.scope, L.dates, L.deltaPerDay, L.deltaPct, L.ordersWithCode].map((h, i) => (
                <th key={h} scope="col" className={`py-1 pr-3 font-medium ${i > 2 ? "text-right" : "text-left"}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.promoId} className="border-t border-slate-100" data-testid={`promotion-${p.code}`}>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {p.name} <span className="text-xs text-slate-500">({p.code})</span>
                </th>
                <td className="py-1.5 pr-3">{p.scope.type === "all" ? L.scopeAll : p.scope.value}</td>
                <td className="py-1.5 pr-3">{formatDate(p.firstDay, locale)} → {formatDate(p.lastDay, locale)}</td>
                <td className="py-1.5 pr-3 text-right">{eur(p.deltaPerDay)}</td>
                <td className="py-1.5 pr-3 text-right">{formatChange(p.revenuePerDay.during, p.revenuePerDay.before, locale) ?? "—"}</td>
                <td className="py-1.5 pr-3 text-right">{p.ordersWithCode} ({eur(p.revenueWithCode)})</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
