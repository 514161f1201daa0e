// KPI tiles: value for the last day with data and the last 30 days, change against the
// previous period, the definition one hover (or focus) away.
import { formatChange, formatKpiValue, type UiLocale } from "@/lib/format";
import type { KpiTileData } from "@/lib/kpi/get-kpi-overview";

type Labels = { lastDay: string; last30: string; vsPrevious: string };

export function KpiTiles({ tiles, locale, labels }: { tiles: KpiTileData[]; locale: UiLocale; labels: Labels }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="KPI">
      {tiles.map((tile) => (
        <li key={tile.id} className="rounded-lg border bg-white p-4" data-testid={`kpi-${tile.id}`}>
          <h2 className="text-sm font-medium text-slate-600">
            <abbr title={tile.definition[locale]} className="cursor-help no-underline" tabIndex={0}>
              {tile.label[locale]}
            </abbr>
          </h2>
          <Figure caption={labels.last30} value={tile.last30.value} previous={tile.last30.previous} unit={tile.unit} locale={locale} vs={labels.vsPrevious} large testId={`kpi-${tile.id}-30d`} />
          <Figure caption={labels.lastDay} value={tile.day.value} previous={tile.day.previous} unit={tile.unit} locale={locale} vs={labels.vsPrevious} testId={`kpi-${tile.id}-day`} />
        </li>
      ))}
    </ul>
  );
}

type FigureProps = { caption: string; value: string | null; previous: string | null; unit: KpiTileData["unit"]; locale: UiLocale; vs: string; large?: boolean; testId: string };

function Figure({ caption, value, previous, unit, locale, vs, large, testId }: FigureProps) {
  const change = formatChange(value, previous, locale);
  const up = change?.startsWith("+");
  return (
    <div className="mt-2">
      <div className="text-xs text-slate-500">{caption}</div>
      <div className={`${large ? "text-2xl" : "text-lg"} font-semibold tabular-nums`} data-testid={testId}>
        {formatKpiValue(value, unit, locale)}
      </div>
      {change && (
        <div className={`text-xs ${up ? "text-emerald-700" : "text-red-700"}`}>
          {change} {vs} ({formatKpiValue(previous, unit, locale)})
        </div>
      )}
    </div>
  );
}
