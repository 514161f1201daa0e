// Recently received files, newest first: what came in, from whom, and how its rows fared.
import type { Locale, Messages } from "@/lib/i18n/messages";
import type { UploadRow } from "@/lib/uploads/list-uploads";
import { localeTag } from "@/lib/format";
import { fill } from "./upload-protocol";

type Props = { rows: UploadRow[]; labels: Messages["uploads"]; locale: Locale };

const STATUS_STYLE: Record<UploadRow["status"], string> = {
  processing: "bg-sky-50 text-sky-800",
  loaded: "bg-green-50 text-green-800",
  rejected: "bg-red-50 text-red-800",
  duplicate: "bg-amber-50 text-amber-900",
  failed: "bg-red-100 text-red-900",
};

export function UploadsTable({ rows, labels, locale }: Props) {
  const tag = localeTag(locale);
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const numbers = new Intl.NumberFormat(tag);
  const size = (raw: string) => formatBytes(Number(raw), tag);
  const channel = (c: string) => (labels.channels as Record<string, string>)[c] ?? c;
  const cell = "px-4 py-2";
  return (
    <section className="rounded-lg border bg-white" aria-labelledby="recent-uploads">
      <h2 id="recent-uploads" className="px-4 pt-4 font-semibold">
        {labels.recentTitle}
      </h2>
      {rows.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">{labels.noUploads}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" aria-labelledby="recent-uploads">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className={cell}>{labels.fileName}</th>
                <th scope="col" className={cell}>{labels.source}</th>
                <th scope="col" className={cell}>{labels.receivedAt}</th>
                <th scope="col" className={cell}>{labels.status}</th>
                <th scope="col" className={`${cell} text-right`}>{labels.rowsRead}</th>
                <th scope="col" className={`${cell} text-right`}>{labels.rowsLoaded}</th>
                <th scope="col" className={`${cell} text-right`}>{labels.rowsRejected}</th>
                <th scope="col" className={cell}>{labels.rejects}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-t align-top" data-testid={`upload-${u.id}`}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <span className="block max-w-xs truncate font-mono" title={u.fileName}>
                      {u.fileName}
                    </span>
                    <span className="block text-xs text-slate-600">
                      #{u.id} · {size(u.sizeBytes)} · {channel(u.channel)}
                    </span>
                  </th>
                  <td className={`${cell} font-mono`}>{u.source ?? labels.none}</td>
                  <td className={cell}>
                    <span className="block whitespace-nowrap">{dates.format(u.receivedAt)}</span>
                    {u.receivedBy?.email && <span className="block text-xs text-slate-600">{u.receivedBy.email}</span>}
                  </td>
                  <td className={cell}>
                    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[u.status]}`}>{labels.statuses[u.status]}</span>
                    {u.error && <span className="mt-1 block max-w-sm text-xs text-slate-600">{u.error}</span>}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{numbers.format(u.rowsRead)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{numbers.format(u.rowsLoaded)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{numbers.format(u.rowsRejected)}</td>
                  <td className={cell}>
                    {u.rowsRejected > 0 ? (
                      <a
                        href={`/api/v1/uploads/${u.id}/rejects`}
                        download
                        aria-label={fill(labels.downloadRejectsOf, { file: u.fileName })}
                        className="font-medium text-indigo-700 underline"
                      >
                        CSV
                      </a>
                    ) : (
                      <span className="text-slate-400">{labels.none}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatBytes(bytes: number, tag: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(tag, { style: "unit", unit: units[i], unitDisplay: "short", maximumFractionDigits: i === 0 ? 0 : 1 }).format(value);
}
