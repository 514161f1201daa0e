// Finance's "how are we doing": each KPI over the last day, 7 days, month to date and year to
// date, each against its equivalent previous period, as an exact table.
import { pool } from "@/lib/db";
import { addDays } from "@/lib/dates/add-days";
import { formatKpiValue } from "@/lib/format";
import { getKpiTotals, type Range } from "@/lib/kpi/get-kpi-totals";
import { getKpi } from "@/lib/kpi/registry";
import { ChangeBadge } from "./change-badge";
import type { ReadyContext } from "./dashboard-context";

/** The same calendar dates a year (or month) earlier; 29 February falls back to the 28th. */
const sameDateIn = (day: string, years: number, months = 0) => {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y + years, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
};

export function comparisonPeriods(anchor: string): Record<"day" | "week" | "mtd" | "ytd", { range: Range; previous: Range }> {
  const monthStart = `${anchor.slice(0, 7)}-01`;
  const yearStart = `${anchor.slice(0, 4)}-01-01`;
  return {
    day: { range: { from: anchor, to: anchor }, previous: { from: addDays(anchor, -1), to: addDays(anchor, -1) } },
    week: { range: { from: addDays(anchor, -6), to: anchor }, previous: { from: addDays(anchor, -13), to: addDays(anchor, -7) } },
    mtd: { range: { from: monthStart, to: anchor }, previous: { from: sameDateIn(monthStart, 0, -1), to: sameDateIn(anchor, 0, -1) } },
    ytd: { range: { from: yearStart, to: anchor }, previous: { from: sameDateIn(yearStart, -1), to: sameDateIn(anchor, -1) } },
  };
}

export async function PeriodComparison({ ctx, ids }: { ctx: ReadyContext; ids: string[] }) {
  const { locale, t, filters } = ctx;
  const periods = Object.entries(comparisonPeriods(ctx.anchor)) as [keyof ReturnType<typeof comparisonPeriods>, { range: Range; previous: Range }][];
  const filter = { category: filters.category, channel: filters.channel };
  const columns = await Promise.all(periods.map(([, p]) => getKpiTotals(pool(), ctx.user, ids, p.range, p.previous, filter)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums" data-testid="period-comparison">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left font-medium">{t.dashboard.kpiHeader}</th>
            {periods.map(([key, p]) => (
              <th key={key} scope="col" className="py-1 pr-3 text-right font-medium" title={`${p.range.from} → ${p.range.to} / ${p.previous.from} → ${p.previous.to}`}>
                {t.dashboard.finance.periodCols[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((id, row) => {
            const def = getKpi(id)!;
            return (
              <tr key={id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <abbr title={def.definition[locale]} className="cursor-help no-underline">{def.label[locale]}</abbr>
                </th>
                {columns.map((col, i) => {
                  const k = col[row];
                  return (
                    <td key={i} className="py-1.5 pr-3 text-right" data-testid={`period-${periods[i][0]}-${id}`}>
                      <div>{formatKpiValue(k.value, k.unit, locale)}</div>
                      <ChangeBadge value={k.value} previous={k.previous} locale={locale} lowerIsBetter={def.lowerIsBetter} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">{t.dashboard.finance.periodNote}</p>
    </div>
  );
}
