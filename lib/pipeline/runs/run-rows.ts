// SQL shared by the run read functions: runs and steps with their durations, mapped to JSON shapes.
import type { RunScope, RunStatus, RunSummary, StepSummary } from "./types";

export const RUN_COLUMNS = `r.id::text AS id, r.trigger, r.scope, r.status::text AS status, r.started_at, r.finished_at,
  (extract(epoch FROM coalesce(r.finished_at, now()) - r.started_at) * 1000)::float8 AS duration_ms, r.quality_gate, r.error`;

export const STEP_COLUMNS = `s.id::text AS id, s.run_id::text AS run_id, s.name, s.status::text AS status, s.started_at, s.finished_at,
  (extract(epoch FROM coalesce(s.finished_at, now()) - s.started_at) * 1000)::float8 AS duration_ms,
  s.rows_in::text AS rows_in, s.rows_out::text AS rows_out, s.error`;

export type RunRecord = {
  id: string;
  trigger: string;
  scope: unknown;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number;
  quality_gate: string | null;
  error: string | null;
};

export type StepRecord = {
  id: string;
  run_id: string;
  name: string;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number;
  rows_in: string | null;
  rows_out: string | null;
  error: string | null;
};

export function toStep(s: StepRecord): StepSummary {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    startedAt: s.started_at.toISOString(),
    finishedAt: s.finished_at?.toISOString() ?? null,
    durationMs: Math.max(0, Math.round(s.duration_ms)),
    rowsIn: s.rows_in,
    rowsOut: s.rows_out,
    error: s.error,
  };
}

export function toRun(r: RunRecord, steps: StepRecord[]): RunSummary {
  return {
    id: r.id,
    trigger: r.trigger,
    scope: toScope(r.scope),
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    durationMs: Math.max(0, Math.round(r.duration_ms)),
    qualityGate: r.quality_gate,
    error: r.error,
    steps: steps.map(toStep),
  };
}

function toScope(raw: unknown): RunScope {
  const s = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const day = (v: unknown) => (typeof v === "string" ? v : null);
  return { from: day(s.from), to: day(s.to), full: s.full === true };
}
