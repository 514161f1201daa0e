// The latest runs, newest first: trigger, scope, status, quality gate, start and duration.
// Each run's number links to its details (?run=ID); the selected one is marked current.
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/messages";
import type { RunSummary } from "@/lib/pipeline/runs/types";
import { fill, formatDuration, lookup, scopeLabel, type PipelineLabels } from "./run-format";
import { GateBadge, StatusBadge } from "./status-badge";

type Props = { runs: RunSummary[]; selectedId: string | null; labels: PipelineLabels; locale: Locale };

export function RunsTable({ runs, selectedId, labels, locale }: Props) {
  const cell = "px-4 py-2";
  return (
    <section className="mb-6 rounded-lg border bg-white" aria-labelledby="pipeline-runs">
      <h2 id="pipeline-runs" className="px-4 pt-4 font-semibold">
        {labels.runsTitle}
      </h2>
      {runs.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">{labels.noRuns}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" aria-labelledby="pipeline-runs">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className={cell}>{labels.run}</th>
                <th scope="col" className={cell}>{labels.trigger}</th>
                <th scope="col" className={cell}>{labels.scope}</th>
                <th scope="col" className={cell}>{labels.status}</th>
                <th scope="col" className={cell}>{labels.qualityGate}</th>
                <th scope="col" className={cell}>{labels.startedAt}</th>
                <th scope="col" className={`${cell} text-right`}>{labels.duration}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const selected = r.id === selectedId;
                return (
                  <tr key={r.id} className={`border-t align-top ${selected ? "bg-indigo-50" : ""}`} data-testid={`run-${r.id}`} aria-current={selected ? "true" : undefined}>
                    <th scope="row" className={`${cell} font-normal`}>
                      <Link
                        href={`/admin/pipeline?run=${r.id}#run-detail`}
                        aria-label={fill(labels.open, { id: r.id })}
                        className="font-mono font-medium text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                        scroll={false}
                      >
                        #{r.id}
                      </Link>
                      {selected && <span className="sr-only"> ({labels.selected})</span>}
                    </th>
                    <td className={cell}>{lookup(labels.triggers, r.trigger)}</td>
                    <td className={cell}>{scopeLabel(r.scope, labels, locale)}</td>
                    <td className={cell}>
                      <StatusBadge status={r.status} labels={labels} />
                      {r.error && (
                        <span className="mt-1 block max-w-sm truncate text-xs text-slate-600" title={r.error}>
                          {r.error}
                        </span>
                      )}
                    </td>
                    <td className={cell}>
                      <GateBadge gate={r.qualityGate} labels={labels} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <time dateTime={r.startedAt}>{formatDateTime(new Date(r.startedAt), locale)}</time>
                    </td>
                    <td className={`${cell} text-right tabular-nums whitespace-nowrap`}>{formatDuration(r.durationMs, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
