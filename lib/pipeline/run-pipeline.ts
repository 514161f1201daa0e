// One pipeline run: drop folder → bronze → silver → quality gate → gold → retention, recorded
// in pipeline_run. Only one run at a time (a session-level advisory lock held for the run);
// a run that finds RUNNING rows while holding the lock knows their process died.
import type pg from "pg";
import { markDaysDirty, markEverythingDirty } from "./gold/dirty-scope";
import { buildGold } from "./gold/build-gold";
import { processInbox } from "./ingest/inbox";
import { runQuality } from "./quality/run-quality";
import { abandonOrphanedRuns, closeRun, openRun, step } from "./run-record";
import { buildSilver } from "./silver/build-silver";
import { dropExpiredWebPartitions } from "./silver/web-retention";

const RUN_LOCK = 7_352_001;

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
  onProgress?: (message: string) => void;
};

export type PipelineOutcome = { runId: string; status: "SUCCESS" | "FAILED"; qualityGate: string | null; error: string | null };

export class RunInProgressError extends Error {
  constructor() {
    super("Another pipeline run is in progress; this one was not started.");
    this.name = "RunInProgressError";
  }
}

export async function runPipeline(pool: pg.Pool, o: PipelineOptions): Promise<PipelineOutcome> {
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [RUN_LOCK]);
    if (!rows[0].ok) throw new RunInProgressError();
    const abandoned = await abandonOrphanedRuns(pool);
    if (abandoned) o.onProgress?.(`marked ${abandoned} interrupted run(s) as failed`);
    return await execute(pool, o);
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [RUN_LOCK]).catch(() => {});
    lock.release();
  }
}

async function execute(pool: pg.Pool, o: PipelineOptions): Promise<PipelineOutcome> {
  const say = o.onProgress ?? (() => {});
  const runId = await openRun(pool, o.trigger, { from: o.from ?? null, to: o.to ?? null, full: !!o.full });
  let gate: string | null = null;
  try {
    if (o.inboxDir) {
      const inbox = o.inboxDir;
      const files = await step(pool, runId, "ingest", () => processInbox(pool, { inboxDir: inbox, timeZone: o.timeZone, stableSeconds: o.stableSeconds }, (f) => say(`  ${f.status.padEnd(9)} ${f.file} (${f.rowsLoaded}/${f.rowsRead} rows)`)), (r) => ({ rowsIn: r.reduce((n, f) => n + f.rowsRead, 0), rowsOut: r.reduce((n, f) => n + f.rowsLoaded, 0) }));
      say(`ingest: ${files.length} file(s)`);
    }
    const silver = await step(pool, runId, "silver", () => buildSilver(pool, { timeZone: o.timeZone, piiKey: o.piiKey }), (r) => {
      const counts = Object.values(r.bySource);
      return { rowsIn: counts.reduce((n, c) => n + c.staged, 0), rowsOut: counts.reduce((n, c) => n + c.merged, 0) };
    });
    say(`silver: ${silver.files} file(s) merged`);
    if (o.full) await markEverythingDirty(pool);
    else if (o.from && o.to) await markDaysDirty(pool, o.from, o.to);
    const quality = await step(pool, runId, "quality", () => runQuality(pool, runId), (r) => ({ rowsIn: r.outcomes.length, rowsOut: r.outcomes.filter((x) => !x.passed).length }));
    gate = quality.passed ? "passed" : "failed";
    for (const f of quality.outcomes.filter((x) => !x.passed)) say(`  ${f.severity} ${f.ruleId}: ${f.failingRows} row(s), e.g. ${f.examples.join(", ")}`);
    say(`quality gate: ${gate}`);
    if (!quality.passed) {
      await closeRun(pool, runId, "FAILED", gate, "data-quality gate failed: gold was not published; the previous figures stay visible");
      return { runId: String(runId), status: "FAILED", qualityGate: gate, error: "data-quality gate failed" };
    }
    const gold = await step(pool, runId, "gold", () => buildGold(pool, { timeZone: o.timeZone }), (r) => ({ rowsIn: r.orderDays + r.refundDays + r.stockDays + r.webDays + r.customers }));
    say(`gold: ${gold.orderDays} order day(s), ${gold.customers} customer(s), ${gold.webDays} web day(s) rebuilt`);
    const dropped = await step(pool, runId, "retention", () => dropExpiredWebPartitions(pool, o.webRetentionDays, o.timeZone), (r) => ({ rowsOut: r }));
    if (dropped) say(`retention: ${dropped} web-event day(s) of raw events dropped (aggregates kept)`);
    await closeRun(pool, runId, "SUCCESS", gate, null);
    return { runId: String(runId), status: "SUCCESS", qualityGate: gate, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await closeRun(pool, runId, "FAILED", gate, message).catch(() => {});
    return { runId: String(runId), status: "FAILED", qualityGate: gate, error: message };
  }
}
