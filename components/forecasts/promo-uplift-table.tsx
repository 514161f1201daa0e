// Each promotion's effect on its scope's units against the forecast without it, with the 95%
// interval. Props in: the marketing page can place it too.
import type { PromoUpliftRow } from "@/lib/data/forecasts/get-promo-uplift";
import { formatDate, localeTag, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

export function PromoUpliftTable({ rows, t, locale }: { rows: PromoUpliftRow[]; t: Messages["forecasts"]; locale: UiLocale }) {
  const tag = localeTag(locale);
  const units = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  // Uplift ratio 1.30 shown as +30 %.
  const effect = (ratio: string) => new Intl.NumberFormat(tag, { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 0 }).format(Number(ratio) - 1);
  return (
    <table className="w-full text-sm" data-testid="promo-uplift">
      <thead className="text-left text-slate-600">
        <tr>
          <th className="py-1">{t.promotion}</th>
          <th>{t.scope}</th>
          <th>{t.period}</th>
          <th className="text-right">{t.actualUnits}</th>
          <th className="text-right">{t.baselineUnits}</th>
          <th className="text-right">{t.uplift}</th>
          <th className="text-right">{t.interval95}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.promoId} className="border-t" data-testid={`uplift-${r.promoId}`}>
            <td className="py-1">
              {r.name} <span className="font-mono text-xs text-slate-500">{r.code}</span>
            </td>
            <td>{r.scopeType === "all" ? t.allProducts : r.scopeValue}</td>
            <td>
              {formatDate(r.firstDay, locale)} – {formatDate(r.lastDay, locale)}
            </td>
            <td className="text-right tabular-nums">{units.format(r.actualUnits)}</td>
            <td className="text-right tabular-nums">{units.format(r.baselineUnits as unknown as number)}</td>
            <td className="text-right font-semibold tabular-nums" data-testid="uplift">{effect(r.uplift)}</td>
            <td className="text-right tabular-nums">{r.lower95 !== null && r.upper95 !== null ? `${effect(r.lower95)} … ${effect(r.upper95)}` : t.unbounded}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
