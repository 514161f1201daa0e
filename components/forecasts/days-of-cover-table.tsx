// Supply chain: products with the fewest days of stock cover at the forecast pace, flagged
// "reorder soon" under the threshold.
import type { DaysOfCoverRow } from "@/lib/data/forecasts/get-days-of-cover";
import { localeTag, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

export function DaysOfCoverTable({ rows, t, locale }: { rows: DaysOfCoverRow[]; t: Messages["forecasts"]; locale: UiLocale }) {
  const n = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
  return (
    <table className="w-full text-sm" data-testid="days-of-cover">
      <thead className="text-left text-slate-600">
        <tr>
          <th className="py-1">{t.sku}</th>
          <th>{t.category}</th>
          <th className="text-right">{t.available}</th>
          <th className="text-right">{t.forecast30}</th>
          <th className="text-right">{t.daysOfCover}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.sku} className="border-t" data-testid={`cover-${r.sku}`}>
            <td className="py-1">
              <span className="font-mono text-xs">{r.sku}</span> {r.name}
            </td>
            <td>{r.category}</td>
            <td className="text-right tabular-nums">{n.format(r.available)}</td>
            <td className="text-right tabular-nums">{n.format(r.forecastUnits30 as unknown as number)}</td>
            <td className="text-right tabular-nums" data-testid="days">
              {r.daysOfCover}
              {r.coverCapped ? ` ${t.orMore}` : ""}
            </td>
            <td>{r.reorderSoon && <span className="rounded bg-red-100 px-2 text-xs text-red-800">{t.reorderSoon}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
