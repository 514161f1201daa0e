// Supply chain's stock picture on the last day of the period: levels by category (bars and
// exact table), by warehouse, and the SKUs at risk of running out.
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { pool } from "@/lib/db";
import { AT_RISK_DAYS, getStockOverview, PACE_DAYS } from "@/lib/dashboard/get-stock-overview";
import { formatDate, formatKpiValue } from "@/lib/format";
import type { ReadyContext } from "./dashboard-context";

const load = (ctx: ReadyContext) => getStockOverview(pool(), ctx.user, ctx.filters.to, ctx.filters.category);
const n = (v: number | string, locale: ReadyContext["locale"]) => formatKpiValue(String(v), "count", locale);
const th = "py-1 pr-3 font-medium";

export async function StockLevels({ ctx }: { ctx: ReadyContext }) {
  const { locale, t } = ctx;
  const L = t.dashboard.supply;
  const s = await load(ctx);
  if (!s.byCategory.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{L.asOf} {formatDate(s.day, locale)}</p>
      <RankedBarChart
        title={L.levels}
        items={s.byCategory.map((c) => ({ key: c.category, label: c.category, value: String(c.available) }))}
        unit="count"
        locale={locale}
        labels={{ table: t.dashboard.chart.table, key: L.category, value: L.available }}
        testId="stock-by-category"
      />
      <table className="w-full text-sm tabular-nums" data-testid="stock-by-warehouse">
        <caption className="mb-1 text-left text-xs font-medium text-slate-600">{L.byWarehouse}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            {[L.warehouse, L.onHand, L.reserved, L.available, L.skusOut].map((h, i) => (
              <th key={h} scope="col" className={`${th} ${i ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.warehouses.map((w) => (
            <tr key={w.warehouse} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">{w.warehouse}</th>
              <td className="py-1 pr-3 text-right">{n(w.on_hand, locale)}</td>
              <td className="py-1 pr-3 text-right">{n(w.reserved, locale)}</td>
              <td className="py-1 pr-3 text-right">{n(w.available, locale)}</td>
              <td className="py-1 pr-3 text-right">{n(w.skus_out, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function SkusAtRisk({ ctx }: { ctx: ReadyContext }) {
  const { locale, t } = ctx;
  const L = t.dashboard.supply;
  const s = await load(ctx);
  if (!s.atRisk.length) return <p className="text-sm text-slate-600">{L.noneAtRisk.replace("{days}", String(AT_RISK_DAYS))}</p>;
  return (
    <div className="max-h-[28rem] overflow-auto">
      <p className="mb-2 text-xs text-slate-500">{L.atRiskNote.replace("{pace}", String(PACE_DAYS)).replace("{days}", String(AT_RISK_DAYS))}</p>
      <table className="w-full text-sm tabular-nums" data-testid="skus-at-risk">
        <thead className="sticky top-0 bg-white text-xs text-slate-500">
          <tr>
            {[L.sku, L.product, L.category, L.available, L.perDay, L.daysLeft].map((h, i) => (
              <th key={h} scope="col" className={`${th} ${i > 2 ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.atRisk.map((r) => (
            <tr key={r.sku} className="border-t border-slate-100">
              <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-mono text-xs font-normal">{r.sku}</th>
              <td className="py-1 pr-3">{r.name}</td>
              <td className="py-1 pr-3">{r.category}</td>
              <td className="py-1 pr-3 text-right">{n(r.available, locale)}</td>
              <td className="py-1 pr-3 text-right">{new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 }).format(r.per_day as unknown as number)}</td>
              <td className={`py-1 pr-3 text-right font-medium ${r.stockout ? "text-red-800" : "text-amber-800"}`}>{r.stockout ? L.outNow : r.days_left === null ? "—" : n(r.days_left, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
