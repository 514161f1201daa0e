import type { RunStatus } from "@/lib/pipeline/runs/types";
import { STATUS_STYLE, type PipelineLabels } from "./run-format";

export function StatusBadge({ status, labels }: { status: RunStatus; labels: PipelineLabels }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status]}`} data-status={status}>
      {status === "RUNNING" && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-sky-600" />}
      {labels.statuses[status]}
    </span>
  );
}

export function GateBadge({ gate, labels }: { gate: string | null; labels: PipelineLabels }) {
  if (!gate) return <span className="text-slate-500">{labels.none}</span>;
  const style = gate === "passed" ? "text-green-800" : gate === "failed" ? "text-red-800" : "text-slate-600";
  return <span className={`text-xs font-medium ${style}`}>{(labels.gates as Record<string, string>)[gate] ?? gate}</span>;
}
