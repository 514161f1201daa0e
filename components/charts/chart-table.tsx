// The table alternative of a chart (screen readers, exact values, copy-paste): folded under
// the chart, every value formatted exactly from its decimal string.
import { formatKpiValue, type UiLocale } from "@/lib/format";
import type { Unit } from "@/lib/kpi/registry";

export type ChartTableProps = {
  summary: string;
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { label: string; values: Record<string, string | null | undefined> }[];
  unit: Unit;
  locale: UiLocale;
};

export function ChartTable({ summary, rowHeader, columns, rows, unit, locale }: ChartTableProps) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">{summary}</summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full text-left tabular-nums">
          <thead className="sticky top-0 bg-white text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">{rowHeader}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="py-1 pr-4 text-right font-medium">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">{r.label}</th>
                {columns.map((c) => (
                  <td key={c.key} className="py-1 pr-4 text-right">{formatKpiValue(r.values[c.key] ?? null, unit, locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
