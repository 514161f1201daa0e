// The pipeline's phases as plain functions over one run id, so each can run on its own: in a
// row (runPipeline, the command line) or as separate, separately retried Inngest steps, where no
// database connection can be held from one step to the next. Every phase records itself in
// pipeline_step and returns a small JSON summary (Inngest memoises step results as JSON).
import type pg from "pg";
import { ANALYTICS_PHASES, type AnalyticsPhase } from "./analytics-phases";
import { markDaysDirty, markEverythingDirty } from "./gold/dirty-scope";
import { buildGold, type GoldResult } from "./gold/build-gold";
import { processInbox, type InboxOutcome } from "./ingest/inbox";
import { abandonStaleFiles } from "./ingest/register-file";
import { runQuality } from "./quality/run-quality";
import { closeRun, step } from "./run-record";
import type { PipelineOptions, PipelineOutcome } from "./run-pipeline";
import { buildSilver } from "./silver/build-silver";
import { EarlySilver } from "./silver/early-silver";
import type { MergeParams } from "./silver/merge-source";
import { retireExpiredWebDays } from "./silver/web-retention";

/** The advisory-lock key a whole in-process run holds, and an Inngest step holds while it works. */
export const RUN_LOCK = 7_352_001;

/** An Inngest-driven run holds no lock between its steps: its RUNNING row is its lease, this long. */
export const INNGEST_LEASE_HOURS = 6;

export class RunInProgressError extends Error {
  constructor(detail = "") {
    super(`Another pipeline run is in progress; this one was not started.${detail ? ` (${detail})` : ""}`);
    this.name = "RunInProgressError";
  }
}

export type RunScope = { from?: string; to?: string; full?: boolean };
export type PhaseOptions = Omit<PipelineOptions, "trigger" | "onProgress">;
type Say = (message: string) => void;
const quiet: Say = () => {};

/** Runs `work` holding the run lock on its own connection; RunInProgressError when it is taken. */
export async function withRunLock<T>(pool: pg.Pool, work: () => Promise<T>, detail = "the run lock is held"): Promise<T> {
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [RUN_LOCK]);
    if (!rows[0].ok) throw new RunInProgressError(detail);
    try {
      return await work();
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [RUN_LOCK]).catch(() => {});
    }
  } finally {
    lock.release();
  }
}

/** The id of a RUNNING run that an Inngest run still owns (its lease has not expired), if any. */
export async function leasedInngestRun(db: pg.Pool | pg.PoolClient, exceptOwner?: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM pipeline_run
      WHERE status = 'RUNNING' AND scope ? 'inngestRunId' AND started_at > now() - make_interval(hours => $1)
        AND ($2::text IS NULL OR scope->>'inngestRunId' <> $2)
      ORDER BY id LIMIT 1`,
    [INNGEST_LEASE_HOURS, exceptOwner ?? null],
  );
  return rows[0]?.id ?? null;
}

/**
 * RUNNING runs nobody runs any more end as FAILED: call it holding the run lock. Runs leased by
 * a live Inngest run are kept (that run holds the lock only while one of its steps works).
 */
export async function abandonOrphanedRuns(db: pg.Pool | pg.PoolClient): Promise<number> {
  const res = await db.query(
    `UPDATE pipeline_run SET status = 'FAILED', finished_at = now(), error = 'abandoned: the process running it stopped before it finished'
      WHERE status = 'RUNNING' AND NOT (scope ? 'inngestRunId' AND started_at > now() - make_interval(hours => $1))`,
    [INNGEST_LEASE_HOURS],
  );
  await db.query(
    `UPDATE pipeline_step s SET status = 'FAILED', finished_at = now(), error = 'abandoned'
      FROM pipeline_run r WHERE s.run_id = r.id AND s.status = 'RUNNING' AND r.status <> 'RUNNING'`,
  );
  return res.rowCount ?? 0;
}

export type Claim = { claimed: true; runId: string; abandoned: number } | { claimed: false; reason: string };

/**
 * Opens a run for an Inngest run (`owner` = Inngest's run id): refused while an in-process run
 * holds the run lock or another Inngest run holds a lease; a retried claim of the same owner
 * gets its own open run back.
 */
export async function claimRun(pool: pg.Pool, trigger: string, scope: RunScope, owner: string): Promise<Claim> {
  await abandonStaleFiles(pool);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [RUN_LOCK]);
    if (!lock[0].ok) {
      await client.query("ROLLBACK");
      return { claimed: false, reason: "an in-process or command-line run holds the run lock" };
    }
    const { rows: mine } = await client.query<{ id: string }>(`SELECT id FROM pipeline_run WHERE status = 'RUNNING' AND scope->>'inngestRunId' = $1`, [owner]);
    if (mine[0]) {
      await client.query("COMMIT");
      return { claimed: true, runId: mine[0].id, abandoned: 0 };
    }
    const other = await leasedInngestRun(client, owner);
    if (other) {
      await client.query("ROLLBACK");
      return { claimed: false, reason: `run #${other} is in progress` };
    }
    const abandoned = await abandonOrphanedRuns(client);
    const { rows } = await client.query<{ id: string }>(`INSERT INTO pipeline_run (trigger, scope, status) VALUES ($1, $2, 'RUNNING') RETURNING id`, [
      trigger,
      { from: scope.from ?? null, to: scope.to ?? null, full: !!scope.full, inngestRunId: owner },
    ]);
    await client.query("COMMIT");
    return { claimed: true, runId: rows[0].id, abandoned };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export type IngestSummary = { files: number; rowsRead: number; rowsLoaded: number; byStatus: Record<string, number> };

type SilverOptions = Pick<PhaseOptions, "timeZone" | "piiKey" | "webRetentionDays" | "webSamplePercent">;

/** Drop folder → bronze; sources loaded while others still load go on into silver at once (early-silver.ts). */
export async function ingestPhase(pool: pg.Pool, runId: bigint, o: Pick<PhaseOptions, "inboxDir" | "stableSeconds"> & SilverOptions, say: Say = quiet): Promise<IngestSummary | null> {
  const inboxDir = o.inboxDir;
  if (!inboxDir) return null;
  const early = new EarlySilver(pool, runId, silverParams(o), say);
  let files: InboxOutcome[];
  try {
    files = await step(
      pool,
      runId,
      "ingest",
      () =>
        processInbox(pool, { inboxDir, timeZone: o.timeZone, stableSeconds: o.stableSeconds }, {
          onFile: (f) => say(`  ${f.status.padEnd(9)} ${f.file} (${f.rowsLoaded}/${f.rowsRead} rows)`),
          onSourceLoaded: (source, stillLoading) => {
            if (stillLoading) early.add(source);
          },
        }),
      (r) => ({ rowsIn: r.reduce((n, f) => n + f.rowsRead, 0), rowsOut: r.reduce((n, f) => n + f.rowsLoaded, 0) }),
    );
  } catch (error) {
    await early.finish().catch(() => {}); // nothing left running behind the failure
    throw error;
  }
  await early.finish();
  say(`ingest: ${files.length} file(s)`);
  const byStatus: Record<string, number> = {};
  for (const f of files) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
  return { files: files.length, rowsRead: files.reduce((n, f) => n + f.rowsRead, 0), rowsLoaded: files.reduce((n, f) => n + f.rowsLoaded, 0), byStatus };
}

// Web days already past retention are summarised rather than stored, unless a sample of their raw events is to be kept.
const silverParams = (o: SilverOptions): MergeParams => ({
  timeZone: o.timeZone,
  piiKey: o.piiKey,
  summariseWebDaysOlderThan: o.webSamplePercent ? undefined : o.webRetentionDays,
});

export type SilverSummary = { files: number; staged: number; merged: number };

/** Bronze → silver, then the requested days (or everything) marked for a gold rebuild. */
export async function silverPhase(
  pool: pg.Pool,
  runId: bigint,
  o: SilverOptions & Pick<PhaseOptions, "from" | "to" | "full">,
  say: Say = quiet,
): Promise<SilverSummary> {
  let staged = 0;
  let merged = 0;
  const silver = await step(pool, runId, "silver", () => buildSilver(pool, silverParams(o)), (r) => {
    const counts = Object.values(r.bySource);
    staged = counts.reduce((n, c) => n + c.staged, 0);
    merged = counts.reduce((n, c) => n + c.merged, 0);
    return { rowsIn: staged, rowsOut: merged };
  });
  say(`silver: ${silver.files} file(s) merged`);
  if (o.full) await markEverythingDirty(pool);
  else if (o.from && o.to) await markDaysDirty(pool, o.from, o.to);
  return { files: silver.files, staged, merged };
}

export type QualitySummary = { passed: boolean; gate: "passed" | "failed"; failures: { ruleId: string; severity: string; failingRows: number; examples: string[] }[] };

/** The data-quality gate over silver. */
export async function qualityPhase(pool: pg.Pool, runId: bigint, say: Say = quiet): Promise<QualitySummary> {
  const quality = await step(pool, runId, "quality", () => runQuality(pool, runId), (r) => ({ rowsIn: r.outcomes.length, rowsOut: r.outcomes.filter((x) => !x.passed).length }));
  const gate = quality.passed ? "passed" : "failed";
  const failures = quality.outcomes.filter((x) => !x.passed).map(({ ruleId, severity, failingRows, examples }) => ({ ruleId, severity, failingRows, examples }));
  for (const f of failures) say(`  ${f.severity} ${f.ruleId}: ${f.failingRows} row(s), e.g. ${f.examples.join(", ")}`);
  say(`quality gate: ${gate}`);
  return { passed: quality.passed, gate, failures };
}

export const QUALITY_GATE_FAILED = "data-quality gate failed: gold was not published; the previous figures stay visible";

/** Silver → gold for the dirty scope. */
export async function goldPhase(pool: pg.Pool, runId: bigint, o: Pick<PhaseOptions, "timeZone">, say: Say = quiet): Promise<GoldResult> {
  const gold = await step(pool, runId, "gold", () => buildGold(pool, { timeZone: o.timeZone }), (r) => ({ rowsIn: r.orderDays + r.refundDays + r.stockDays + r.webDays + r.customers }));
  say(`gold: ${gold.orderDays} order day(s), ${gold.customers} customer(s), ${gold.webDays} web day(s) rebuilt`);
  return gold;
}

/** One analytics phase (lib/pipeline/analytics-phases.ts) over fresh gold. */
export async function analyticsPhase(pool: pg.Pool, runId: bigint, phase: AnalyticsPhase, o: Pick<PhaseOptions, "timeZone">, say: Say = quiet) {
  const counts = await step(pool, runId, phase.name, () => phase.run(pool, { runId, timeZone: o.timeZone }), (r) => r);
  say(`${phase.name}: ${counts.rowsOut ?? 0} row(s)`);
  return counts;
}

/** Raw web events past their retention dropped or sampled (aggregates kept). */
export async function retentionPhase(
  pool: pg.Pool,
  runId: bigint,
  o: Pick<PhaseOptions, "webRetentionDays" | "webSamplePercent" | "timeZone">,
  say: Say = quiet,
): Promise<{ retired: number }> {
  const samplePercent = o.webSamplePercent ?? 0;
  const retired = await step(pool, runId, "retention", () => retireExpiredWebDays(pool, { retentionDays: o.webRetentionDays, samplePercent, timeZone: o.timeZone }), (r) => ({ rowsOut: r }));
  if (retired) say(`retention: ${retired} web-event day(s) of raw events ${samplePercent ? `cut to a ${samplePercent}% sample of sessions` : "dropped"} (aggregates kept)`);
  return { retired };
}

export async function closePipelineRun(pool: pg.Pool, runId: bigint, status: "SUCCESS" | "FAILED", gate: string | null, error: string | null): Promise<void> {
  await closeRun(pool, runId, status, gate, error);
}

/** Every phase in a row over an open run, closing it: runPipeline's body after openRun. */
export async function runPhases(pool: pg.Pool, runId: bigint, o: PhaseOptions, say: Say = quiet): Promise<PipelineOutcome> {
  let gate: string | null = null;
  try {
    await ingestPhase(pool, runId, o, say);
    await silverPhase(pool, runId, o, say);
    const quality = await qualityPhase(pool, runId, say);
    gate = quality.gate;
    if (!quality.passed) {
      await closeRun(pool, runId, "FAILED", gate, QUALITY_GATE_FAILED);
      return { runId: String(runId), status: "FAILED", qualityGate: gate, error: "data-quality gate failed" };
    }
    await goldPhase(pool, runId, o, say);
    if (o.analytics !== false) for (const phase of ANALYTICS_PHASES) await analyticsPhase(pool, runId, phase, o, say);
    await retentionPhase(pool, runId, o, say);
    await closeRun(pool, runId, "SUCCESS", gate, null);
    return { runId: String(runId), status: "SUCCESS", qualityGate: gate, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await closeRun(pool, runId, "FAILED", gate, message).catch(() => {});
    return { runId: String(runId), status: "FAILED", qualityGate: gate, error: message };
  }
}
