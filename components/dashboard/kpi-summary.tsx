// KPI tiles for the filtered period, each against the previous period of the same length,
// its definition one hover away; a KPI the filter cannot split says so.
import { pool } from "@/lib/db";
import { formatKpiValue } from "@/lib/format";
import { getKpiTotals } from "@/lib/kpi/get-kpi-totals";
import { getKpi } from "@/lib/kpi/registry";
import { ChangeBadge } from "./change-badge";
import type { ReadyContext } from "./dashboard-context";

export async function KpiSummary({ ctx, ids, product }: { ctx: ReadyContext; ids: string[]; product?: string }) {
  const { filters, locale, t } = ctx;
  const filter = { category: filters.category, channel: filters.channel, product };
  const totals = await getKpiTotals(pool(), ctx.user, ids, filters, filters.previous, filter);
  const wantsFilter = !!(filter.category || filter.channel || product);
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t.dashboard.summary}>
      {totals.map((k) => {
        const def = getKpi(k.id)!;
        return (
          <li key={k.id} className="rounded-lg border bg-white p-4" data-testid={`kpi-${k.id}`}>
            <h3 className="text-sm font-medium text-slate-600">
              <abbr title={def.definition[locale]} className="cursor-help no-underline" tabIndex={0}>
                {def.label[locale]}
              </abbr>
              {wantsFilter && !k.filtered && (
                <span className="ml-1 text-xs text-slate-500" title={t.dashboard.notFilteredHint}>
                  ({t.dashboard.notFiltered})
                </span>
              )}
            </h3>
            <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`kpi-${k.id}-value`}>
              {formatKpiValue(k.value, k.unit, locale)}
            </div>
            <ChangeBadge value={k.value} previous={k.previous} locale={locale} lowerIsBetter={def.lowerIsBetter}>
              {t.dashboard.vsPrevious} ({formatKpiValue(k.previous, k.unit, locale)})
            </ChangeBadge>
          </li>
        );
      })}
    </ul>
  );
}
