// One pipeline run outside Inngest (command line, the app's in-process runs): drop folder →
// bronze → silver → quality gate → gold → retention, recorded in pipeline_run. Only one run at
// a time: a session-level advisory lock held for the whole run (Inngest runs claim theirs in
// the database, see pipeline-phases.ts); a run that takes the lock and finds RUNNING rows
// knows their process died.
import type pg from "pg";
import { abandonOrphanedRuns, leasedInngestRun, RUN_LOCK, RunInProgressError, runPhases } from "./pipeline-phases";
import { abandonStaleFiles } from "./ingest/register-file";
import { openRun } from "./run-record";

export { RunInProgressError } from "./pipeline-phases";

export type PipelineOptions = {
  trigger: "cron" | "upload" | "manual" | "cli";
  inboxDir: string | null;
  /** Rebuild gold for these days too (inclusive, YYYY-MM-DD), or everything. */
  from?: string;
  to?: string;
  full?: boolean;
  timeZone: string;
  piiKey: string;
  stableSeconds: number;
  webRetentionDays: number;
  /** Share of sessions (0–100) whose raw web events are kept past retention; 0 (default) drops all. */
  webSamplePercent?: number;
  /** Run the analytics steps after gold (segments, forecasts, alerts); the default. */
  analytics?: boolean;
  onProgress?: (message: string) => void;
};

export type PipelineOutcome = { runId: string; status: "SUCCESS" | "FAILED"; qualityGate: string | null; error: string | null };

export async function runPipeline(pool: pg.Pool, o: PipelineOptions): Promise<PipelineOutcome> {
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [RUN_LOCK]);
    if (!rows[0].ok) throw new RunInProgressError();
    try {
      const leased = await leasedInngestRun(pool);
      if (leased) throw new RunInProgressError(`Inngest run #${leased}`);
      const abandoned = await abandonOrphanedRuns(pool);
      const staleFiles = await abandonStaleFiles(pool);
      if (staleFiles) o.onProgress?.(`marked ${staleFiles} file(s) whose loading was interrupted as failed; they load again`);
      if (abandoned) o.onProgress?.(`marked ${abandoned} interrupted run(s) as failed`);
      const runId = await openRun(pool, o.trigger, { from: o.from ?? null, to: o.to ?? null, full: !!o.full });
      return await runPhases(pool, runId, o, o.onProgress);
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [RUN_LOCK]).catch(() => {});
    }
  } finally {
    lock.release();
  }
}
