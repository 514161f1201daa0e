// The latest pipeline runs, newest first, each with its steps and durations (elapsed so far
// while running) — the pipeline page's table and what its "run now" form polls.
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";
import { RUN_COLUMNS, STEP_COLUMNS, toRun, type RunRecord, type StepRecord } from "./run-rows";
import type { RunSummary } from "./types";

export async function listRuns(pool: pg.Pool, actor: CurrentUser, limit = 50): Promise<RunSummary[]> {
  assertCan(actor, "pipeline:run");
  const take = Math.min(Math.max(1, Math.trunc(limit)), 200);
  const { rows: runs } = await pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM pipeline_run r ORDER BY r.id DESC LIMIT $1`, [take]);
  if (runs.length === 0) return [];
  const { rows: steps } = await pool.query<StepRecord>(`SELECT ${STEP_COLUMNS} FROM pipeline_step s WHERE s.run_id = ANY($1::bigint[]) ORDER BY s.run_id, s.started_at, s.id`, [
    runs.map((r) => r.id),
  ]);
  const byRun = new Map<string, StepRecord[]>();
  for (const s of steps) byRun.set(s.run_id, [...(byRun.get(s.run_id) ?? []), s]);
  return runs.map((r) => toRun(r, byRun.get(r.id) ?? []));
}
