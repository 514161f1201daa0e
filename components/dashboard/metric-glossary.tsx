// The metric glossary, straight from the KPI registry (the same definitions the tiles show on
// hover and the API serves).
import { KPIS } from "@/lib/kpi/registry";
import type { UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["glossary"];

export function MetricGlossary({ locale, labels }: { locale: UiLocale; labels: Labels }) {
  return (
    <table className="w-full text-sm" data-testid="glossary">
      <thead className="text-xs text-slate-500">
        <tr>
          {[labels.kpi, labels.id, labels.unit, labels.definition, labels.dimensions].map((h) => (
            <th key={h} scope="col" className="py-1 pr-3 text-left font-medium">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {KPIS.map((k) => (
          <tr key={k.id} id={`kpi-${k.id}`} className="border-t border-slate-100 align-top">
            <th scope="row" className="py-2 pr-3 text-left font-medium">{k.label[locale]}</th>
            <td className="py-2 pr-3 font-mono text-xs">{k.id}</td>
            <td className="py-2 pr-3">{labels.units[k.unit]}</td>
            <td className="py-2 pr-3">{k.definition[locale]}</td>
            <td className="py-2 pr-3">{k.dimensions.map((d) => labels.dims[d]).join(", ") || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
