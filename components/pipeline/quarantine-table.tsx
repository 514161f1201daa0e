// Quarantined rows: which file and line, the field and rule that refused them and why, and a
// link to each file's full rejects as CSV.
import type { Locale } from "@/lib/i18n/messages";
import type { Quarantine } from "@/lib/pipeline/runs/types";
import { fill, formatCount, type PipelineLabels } from "./run-format";

type Props = { quarantine: Quarantine; labels: PipelineLabels; locale: Locale };

export function QuarantineTable({ quarantine, labels, locale }: Props) {
  const cell = "px-4 py-2";
  const { rows, total } = quarantine;
  const counts = { shown: formatCount(String(rows.length), locale), total: formatCount(String(total), locale) };
  const showRaw = rows.some((r) => r.raw !== null);
  return (
    <section className="mb-6 rounded-lg border bg-white" aria-labelledby="pipeline-quarantine" data-testid="quarantine">
      <h2 id="pipeline-quarantine" className="px-4 pt-4 font-semibold">
        {labels.quarantineTitle}
      </h2>
      {rows.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">{labels.noQuarantine}</p>
      ) : (
        <>
          <p className="px-4 pt-1 text-sm text-slate-600">{fill(quarantine.runId ? labels.quarantineLeadRun : labels.quarantineLeadLatest, counts)}</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" aria-labelledby="pipeline-quarantine">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className={cell}>{labels.file}</th>
                  <th scope="col" className={`${cell} text-right`}>{labels.line}</th>
                  <th scope="col" className={cell}>{labels.field}</th>
                  <th scope="col" className={cell}>{labels.rule}</th>
                  <th scope="col" className={cell}>{labels.reason}</th>
                  {showRaw && <th scope="col" className={cell}>{labels.raw}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t align-top" data-testid={`reject-${r.id}`}>
                    <th scope="row" className={`${cell} font-normal`}>
                      <span className="block max-w-xs truncate font-mono" title={r.fileName}>
                        {r.fileName}
                      </span>
                      <span className="block text-xs text-slate-600">
                        #{r.fileId}
                        {r.source && <> · {r.source}</>} ·{" "}
                        <a href={`/api/v1/uploads/${r.fileId}/rejects`} download aria-label={fill(labels.downloadRejectsOf, { file: r.fileName })} className="font-medium text-indigo-700 underline">
                          CSV
                        </a>
                      </span>
                    </th>
                    <td className={`${cell} text-right tabular-nums`}>{r.lineNo}</td>
                    <td className={`${cell} font-mono`}>{r.field ?? labels.none}</td>
                    <td className={cell}>{r.rule ? <span className="font-mono">{r.rule}</span> : <span className="text-slate-600">{labels.cellCheck}</span>}</td>
                    <td className={`${cell} max-w-sm break-words`}>{r.reason}</td>
                    {showRaw && (
                      <td className={cell}>
                        {r.raw !== null && (
                          <code className="block max-w-xs truncate text-xs text-slate-700" title={r.raw}>
                            {r.raw}
                          </code>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
