// The cohort matrix as a table whose cells are tinted by value (a heat map that stays a real
// table: every figure is text, the colour only repeats it). Rows: acquisition months;
// columns: months since acquisition.
import { formatKpiValue, formatMonth, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import type { CohortRow } from "@/lib/segments/get-cohorts";

type Props = { cohorts: CohortRow[]; locale: UiLocale; labels: Messages["segments"]["cohorts"]; metric: "retention" | "cumulativePerCustomer"; caption: string };

export function CohortHeatmapTable({ cohorts, locale, labels, metric, caption }: Props) {
  const maxK = Math.max(0, ...cohorts.map((c) => c.cells.length - 1));
  // Month 0 is 100% retention by definition: scale the colours on the later months.
  const values = cohorts.flatMap((c) => c.cells.filter((x) => metric !== "retention" || x.k > 0).map((x) => Number(x[metric])));
  const max = Math.max(...values, Number.MIN_VALUE);
  const format = (v: string) => formatKpiValue(v, metric === "retention" ? "ratio" : "eur", locale);
  return (
    <div className="overflow-x-auto">
      <table className="text-xs" data-testid={`cohort-${metric}`}>
        <caption className="mb-1 text-left text-sm font-medium text-slate-700">{caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1 text-left">{labels.cohort}</th>
            <th scope="col" className="px-2 py-1">{labels.size}</th>
            {Array.from({ length: maxK + 1 }, (_, k) => <th key={k} scope="col" className="px-2 py-1">{`${labels.month}${k}`}</th>)}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.cohortMonth} className="border-t" data-cohort={c.cohortMonth}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-medium">{formatMonth(c.cohortMonth, locale)}</th>
              <td className="px-2 py-1 text-right tabular-nums">{formatKpiValue(String(c.size), "count", locale)}</td>
              {Array.from({ length: maxK + 1 }, (_, k) => {
                const cell = c.cells[k];
                if (!cell) return <td key={k} />;
                const tint = metric === "retention" && k === 0 ? 0 : Math.min(1, Number(cell[metric]) / max);
                return (
                  <td key={k} className="whitespace-nowrap px-2 py-1 text-right tabular-nums" style={{ backgroundColor: `rgba(16, 185, 129, ${(0.05 + 0.75 * tint).toFixed(2)})` }} data-testid={`cohort-${metric}-${c.cohortMonth}-${k}`}>
                    {format(cell[metric])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
