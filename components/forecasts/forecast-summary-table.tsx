// Every forecast at a glance: expected totals over the next 7, 30 and 90 days per scope, each
// with its measured accuracy beside it; a scope's name opens its chart.
import type { ForecastSummaryRow } from "@/lib/data/forecasts/get-forecast-summary";
import { formatKpiValue, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { AccuracyNote } from "./accuracy-note";

export function ForecastSummaryTable({ rows, t, locale }: { rows: ForecastSummaryRow[]; t: Messages["forecasts"]; locale: UiLocale }) {
  return (
    <table className="w-full text-sm" data-testid="forecast-summary">
      <thead className="text-left text-slate-600">
        <tr>
          <th className="py-1">{t.scope}</th>
          {[7, 30, 90].map((h) => (
            <th key={h} className="text-right">
              {t.next} {h} {t.days}
            </th>
          ))}
          <th className="pl-4">{t.accuracy}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.metric}-${r.scope}`} className="border-t" data-testid={`summary-${r.metric}-${r.scope}`}>
            <td className="py-1">
              <a className="underline" href={`?metric=${r.metric}&scope=${encodeURIComponent(r.scope)}`}>
                {t.metric[r.metric]} · {r.scope === "total" ? t.total : r.scope}
              </a>
            </td>
            {[r.next7, r.next30, r.next90].map((v, i) => (
              <td key={i} className="text-right tabular-nums">
                {formatKpiValue(v, r.metric === "revenue" ? "eur" : "count", locale)}
              </td>
            ))}
            <td className="pl-4">
              <AccuracyNote accuracy={r} t={t} locale={locale} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
