// One catalogue entry: what the dataset is, how big and fresh, its quality, its columns, and
// the download form.
import type { CatalogueEntry } from "@/lib/datasets/get-catalogue";
import { formatDate, formatDateTime, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";
import { DownloadForm } from "./download-form";

const QUALITY_STYLE = { passed: "bg-green-50 text-green-800", warning: "bg-amber-50 text-amber-900", failed: "bg-red-50 text-red-800", unknown: "bg-slate-100 text-slate-700" };

type Props = { entry: CatalogueEntry; locale: UiLocale; canPii: boolean; labels: Messages["data"]["catalogue"] };

export function DatasetCard({ entry, locale, canPii, labels }: Props) {
  const count = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(entry.rowCount);
  return (
    <section className="rounded-lg border bg-white p-5" aria-labelledby={`ds-${entry.id}`} data-testid={`dataset-${entry.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`ds-${entry.id}`} className="text-lg font-semibold">
          {entry.title[locale]} <code className="ml-1 text-sm font-normal text-slate-500">{entry.id}</code>
        </h2>
        <span className={`rounded px-2 py-0.5 text-xs ${QUALITY_STYLE[entry.quality.status]}`} title={entry.quality.rulesFailed.join(", ")}>
          {labels.quality} : {labels.status[entry.quality.status]}
          {entry.quality.rulesFailed.length ? ` (${entry.quality.rulesFailed.join(", ")})` : ""}
        </span>
      </div>
      <p className="mt-1 text-slate-600">{entry.description[locale]}</p>
      <p className="mt-2 text-sm text-slate-700">
        {entry.rowCountEstimated ? `${labels.approx} ` : ""}
        {count} {labels.rows} · {entry.layer}
        {entry.dataUpTo && ` · ${labels.dataUpTo} ${formatDate(entry.dataUpTo, locale)}`} · {labels.refreshedAt} {entry.refreshedAt ? formatDateTime(new Date(entry.refreshedAt), locale) : labels.never}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-indigo-800">
          {labels.columns} ({entry.columns.length})
        </summary>
        <table className="mt-2 w-full text-left text-sm">
          <TableHead columns={[labels.column, labels.type, labels.description]} />
          <tbody>
            {entry.columns.map((c) => (
              <tr key={c.name} className="border-t">
                <td className="px-3 py-1 font-mono">{c.name}</td>
                <td className="px-3 py-1">{c.type}</td>
                <td className="px-3 py-1">
                  {c.description}
                  {c.pii && <span className="ml-2 rounded bg-amber-50 px-1 text-xs text-amber-900">{labels.personal}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <DownloadForm id={entry.id} dateFilter={entry.dateFilter} canPii={canPii} hasPii={entry.columns.some((c) => c.pii)} labels={labels} />
    </section>
  );
}
