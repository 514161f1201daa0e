// One run: what started it and how it ended, its steps (timeline and table: rows in/out,
// errors) and its data-quality results.
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/messages";
import type { RunDetail as Run } from "@/lib/pipeline/runs/types";
import { fill, formatCount, formatDuration, lookup, scopeLabel, type PipelineLabels } from "./run-format";
import { GateBadge, StatusBadge } from "./status-badge";
import { StepTimeline } from "./step-timeline";

type Props = { run: Run; labels: PipelineLabels; locale: Locale };

const cell = "px-4 py-2";

export function RunDetail({ run, labels, locale }: Props) {
  return (
    <section id="run-detail" className="mb-6 scroll-mt-4 rounded-lg border bg-white p-4" aria-labelledby="run-detail-title" data-testid="run-detail">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="run-detail-title" className="font-semibold">
          {fill(labels.detailTitle, { id: run.id })}
        </h2>
        <Link href="/admin/pipeline" className="text-sm font-medium text-indigo-700 underline" scroll={false}>
          {labels.closeDetail}
        </Link>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Item term={labels.status}>
          <StatusBadge status={run.status} labels={labels} />
        </Item>
        <Item term={labels.qualityGate}>
          <GateBadge gate={run.qualityGate} labels={labels} />
        </Item>
        <Item term={labels.trigger}>{lookup(labels.triggers, run.trigger)}</Item>
        <Item term={labels.scope}>{scopeLabel(run.scope, labels, locale)}</Item>
        <Item term={labels.startedAt}>
          <time dateTime={run.startedAt}>{formatDateTime(new Date(run.startedAt), locale)}</time>
        </Item>
        <Item term={labels.duration}>
          <span className="tabular-nums">{formatDuration(run.durationMs, locale)}</span>
        </Item>
      </dl>
      {run.error && (
        <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          <span className="font-medium">{labels.error}{locale === "fr" ? " : " : ": "}</span>
          {run.error}
        </p>
      )}

      <h3 id="run-steps" className="mt-6 mb-2 font-semibold">
        {labels.stepsTitle}
      </h3>
      {run.steps.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.noSteps}</p>
      ) : (
        <>
          <StepTimeline run={run} labels={labels} locale={locale} />
          <div className="overflow-x-auto rounded-md border">
            <table className="w-full text-left text-sm" aria-labelledby="run-steps">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className={cell}>{labels.step}</th>
                  <th scope="col" className={cell}>{labels.status}</th>
                  <th scope="col" className={cell}>{labels.startedAt}</th>
                  <th scope="col" className={`${cell} text-right`}>{labels.duration}</th>
                  <th scope="col" className={`${cell} text-right`}>{labels.rowsIn}</th>
                  <th scope="col" className={`${cell} text-right`}>{labels.rowsOut}</th>
                  <th scope="col" className={cell}>{labels.error}</th>
                </tr>
              </thead>
              <tbody>
                {run.steps.map((s) => (
                  <tr key={s.id} className="border-t align-top" data-testid={`step-${s.name}`}>
                    <th scope="row" className={`${cell} font-medium`}>{lookup(labels.steps, s.name)}</th>
                    <td className={cell}>
                      <StatusBadge status={s.status} labels={labels} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <time dateTime={s.startedAt}>{formatDateTime(new Date(s.startedAt), locale)}</time>
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>{formatDuration(s.durationMs, locale)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{formatCount(s.rowsIn, locale)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{formatCount(s.rowsOut, locale)}</td>
                    <td className={`${cell} max-w-md text-xs break-words text-red-900`}>{s.error ?? <span className="text-slate-400">{labels.none}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3 id="run-quality" className="mt-6 mb-2 font-semibold">
        {labels.qualityTitle}
      </h3>
      {run.quality.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.noQuality}</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-md border">
            <table className="w-full text-left text-sm" aria-labelledby="run-quality">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className={cell}>{labels.rule}</th>
                  <th scope="col" className={cell}>{labels.severity}</th>
                  <th scope="col" className={cell}>{labels.result}</th>
                  <th scope="col" className={`${cell} text-right`}>{labels.failingRows}</th>
                  <th scope="col" className={cell}>{labels.details}</th>
                </tr>
              </thead>
              <tbody>
                {run.quality.map((q) => (
                  <tr key={q.ruleId} className="border-t align-top" data-testid={`quality-${q.ruleId}`}>
                    <th scope="row" className={`${cell} font-normal`}>
                      <span className="block font-mono">{q.ruleId}</span>
                      {q.description && (
                        <span className="block text-xs text-slate-600" lang="en">
                          {q.description}
                        </span>
                      )}
                    </th>
                    <td className={cell}>
                      <span className={q.severity === "error" ? "font-medium text-red-800" : "text-amber-800"}>{lookup(labels.severities, q.severity)}</span>
                    </td>
                    <td className={cell}>
                      <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${q.passed ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
                        {q.passed ? labels.passed : labels.failed}
                      </span>
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>{formatCount(q.failingRows, locale)}</td>
                    <td className={`${cell} max-w-md text-xs break-words text-slate-700`}>{q.details ?? <span className="text-slate-400">{labels.none}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-slate-500">{labels.descriptionsNote}</p>
        </>
      )}
    </section>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
