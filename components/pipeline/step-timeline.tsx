// A run's steps on one time axis: each bar starts when its step started and is as long as it
// lasted (relative to the whole run). The bars are a picture; the table after them says the same.
import type { Locale } from "@/lib/i18n/messages";
import type { RunSummary } from "@/lib/pipeline/runs/types";
import { fill, formatDuration, lookup, STEP_BAR, type PipelineLabels } from "./run-format";

type Props = { run: Pick<RunSummary, "id" | "startedAt" | "durationMs" | "steps">; labels: PipelineLabels; locale: Locale };

export function StepTimeline({ run, labels, locale }: Props) {
  const start = Date.parse(run.startedAt);
  const total = Math.max(run.durationMs, ...run.steps.map((s) => Date.parse(s.startedAt) - start + s.durationMs), 1);
  const summary = run.steps.map((s) => `${lookup(labels.steps, s.name)} ${formatDuration(s.durationMs, locale)}`).join(", ");
  return (
    <figure role="img" aria-label={`${fill(labels.timelineLabel, { id: run.id })}. ${summary}`} className="mb-4">
      <ol className="space-y-1.5" aria-hidden>
        {run.steps.map((s) => {
          const left = Math.min(99.5, Math.max(0, ((Date.parse(s.startedAt) - start) / total) * 100));
          const width = Math.min(100 - left, Math.max(0.5, (s.durationMs / total) * 100));
          return (
            <li key={s.id} className="grid grid-cols-[8rem_1fr_5.5rem] items-center gap-3 text-sm">
              <span className="truncate">{lookup(labels.steps, s.name)}</span>
              <span className="relative h-4 rounded bg-slate-100">
                <span className={`absolute inset-y-0 rounded ${STEP_BAR[s.status]} ${s.status === "RUNNING" ? "animate-pulse" : ""}`} style={{ left: `${left}%`, width: `${width}%` }} />
              </span>
              <span className="text-right tabular-nums text-slate-700">{formatDuration(s.durationMs, locale)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
