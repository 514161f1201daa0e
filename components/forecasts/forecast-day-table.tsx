// The forecast chart's numbers as a table: each day's forecast and its 80% and 95% intervals.
import type { ForecastSeries } from "@/lib/data/forecasts/get-forecast";
import { formatDate, formatKpiValue, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

export function ForecastDayTable({ rows, unit, t, locale }: { rows: ForecastSeries["forecast"]; unit: "eur" | "count"; t: Messages["forecasts"]; locale: UiLocale }) {
  const v = (x: string) => formatKpiValue(x, unit, locale);
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer">{t.tableCaption}</summary>
      <table className="mt-2 w-full" data-testid="forecast-days">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1">{t.day}</th>
            <th className="text-right">{t.forecast}</th>
            <th className="text-right">{t.band80}</th>
            <th className="text-right">{t.band95}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.day} className="border-t">
              <td className="py-1">{formatDate(r.day, locale)}</td>
              <td className="text-right tabular-nums">{v(r.point)}</td>
              <td className="text-right tabular-nums">
                {v(r.lower80)} – {v(r.upper80)}
              </td>
              <td className="text-right tabular-nums">
                {v(r.lower95)} – {v(r.upper95)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
