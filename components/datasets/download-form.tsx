// A plain GET form to the download route: the browser saves the streamed file, no JavaScript
// needed; empty dates mean the whole dataset.
import type { Messages } from "@/lib/i18n/messages";

type Props = { id: string; dateFilter: boolean; canPii: boolean; hasPii: boolean; labels: Messages["data"]["catalogue"] };

export function DownloadForm({ id, dateFilter, canPii, hasPii, labels }: Props) {
  const field = "mt-1 rounded-md border border-slate-300 px-2 py-1";
  return (
    <form method="get" action={`/api/v1/datasets/${id}/download`} className="mt-3 flex flex-wrap items-end gap-3 text-sm" aria-label={`${labels.download} ${id}`}>
      <label className="block">
        {labels.format}
        <select name="format" className={`${field} block`}>
          <option value="csv">CSV</option>
          <option value="parquet">Parquet</option>
        </select>
      </label>
      {dateFilter ? (
        <>
          <label className="block">
            {labels.from}
            <input type="date" name="from" className={`${field} block`} />
          </label>
          <label className="block">
            {labels.to}
            <input type="date" name="to" className={`${field} block`} />
          </label>
        </>
      ) : (
        <p className="text-slate-500">{labels.wholeOnly}</p>
      )}
      {canPii && hasPii && (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="pii" value="true" />
          {labels.pii}
        </label>
      )}
      <button className="rounded-md bg-indigo-700 px-4 py-1.5 font-medium text-white hover:bg-indigo-800">{labels.download}</button>
    </form>
  );
}
