// A pipeline run as a list of Inngest steps, one per phase of lib/pipeline/pipeline-phases.ts
// (the same functions `npm run pipeline` runs in a row), so Inngest retries a failed phase on
// its own without repeating the phases before it. Shared by the three pipeline functions.
//
// No two runs overlap: the functions share one concurrency key (one pipeline step at a time in
// the environment), and since Inngest's concurrency counts executing steps, not runs, the
// "open-run" step also claims the run in the database — a run that finds another one open
// waits for its `app/pipeline.finished` event, then claims again.
import { NonRetriableError, RetryAfterError, type GetStepTools, type Inngest, type Logger } from "inngest";
import type pg from "pg";
import { ANALYTICS_PHASES } from "../lib/pipeline/analytics-phases";
import {
  analyticsPhase,
  claimRun,
  closePipelineRun,
  goldPhase,
  ingestPhase,
  qualityPhase,
  QUALITY_GATE_FAILED,
  retentionPhase,
  RunInProgressError,
  silverPhase,
  withRunLock,
  type Claim,
  type RunScope,
} from "../lib/pipeline/pipeline-phases";
import type { PipelineOptions } from "../lib/pipeline/run-pipeline";
import { EVENTS, type PipelineFailedData, type PipelineFinishedData } from "./events";

export type PipelineDeps = {
  /** The database; called inside steps only. */
  pool: () => pg.Pool;
  /** Pipeline settings for a run (appPipelineOptions in the app). */
  options: (trigger: PipelineOptions["trigger"], scope: RunScope) => PipelineOptions;
};

/** Shared by every function that runs the pipeline. */
export const PIPELINE_FLOW = {
  /** One pipeline step at a time across the three functions ("env" scope needs a key). */
  concurrency: { limit: 1, key: `"pipeline"`, scope: "env" as const },
  /** Each step is retried on its own, this many times after its first attempt. */
  retries: 3 as const,
};

/** How often a run that finds another one in progress waits for it, and how long each time. */
export const TURN_WAITS = 12;
export const TURN_WAIT = "15m";
/** A phase that finds an in-process or command-line run holding the run lock retries after this. */
export const LOCK_RETRY_AFTER = "2m";

type Step = GetStepTools<Inngest>;
export type PipelineStepsInput = { step: Step; logger: Logger; inngestRunId: string; trigger: PipelineOptions["trigger"]; scope: RunScope; deps: PipelineDeps };
export type PipelineStepsResult = { runId: string; status: "SUCCESS" | "FAILED"; qualityGate: string | null; error: string | null };

export async function pipelineSteps({ step, logger, inngestRunId, trigger, scope, deps }: PipelineStepsInput): Promise<PipelineStepsResult> {
  const say = (message: string) => logger.info(`[pipeline] ${message}`);
  // A phase finding the run lock taken (a command-line run) is retried later, not failed.
  const locked = <T>(work: (pool: pg.Pool) => Promise<T>) => async () => {
    const pool = deps.pool();
    try {
      return await withRunLock(pool, () => work(pool));
    } catch (error) {
      if (error instanceof RunInProgressError) throw new RetryAfterError(error.message, LOCK_RETRY_AFTER);
      throw error;
    }
  };
  let runId: string | null = null;
  let gate: string | null = null;
  try {
    const o = deps.options(trigger, scope);
    const claim = (id: string) => step.run(id, (): Promise<Claim> => claimRun(deps.pool(), trigger, scope, inngestRunId));
    let claimed = await claim("open-run");
    for (let turn = 1; !claimed.claimed && turn <= TURN_WAITS; turn++) {
      say(`waiting for its turn: ${claimed.reason}`);
      await step.waitForEvent(`wait-for-turn-${turn}`, { event: EVENTS.pipelineFinished, timeout: TURN_WAIT });
      claimed = await claim(`open-run-${turn}`);
    }
    if (!claimed.claimed) throw new Error(`not started: ${claimed.reason} for too long`);
    const id = (runId = claimed.runId);
    const run = BigInt(id);
    if (claimed.abandoned) say(`marked ${claimed.abandoned} interrupted run(s) as failed`);

    await step.run("ingest", locked((pool) => ingestPhase(pool, run, o, say)));
    await step.run("silver", locked((pool) => silverPhase(pool, run, o, say)));
    const quality = await step.run("quality", locked((pool) => qualityPhase(pool, run, say)));
    gate = quality.gate;
    if (!quality.passed) {
      await step.run("close-run", () => closePipelineRun(deps.pool(), run, "FAILED", quality.gate, QUALITY_GATE_FAILED));
      const error = "data-quality gate failed";
      await notifyFailure(step, { runId: id, trigger, qualityGate: gate, error, inngestRunId });
      return { runId: id, status: "FAILED", qualityGate: gate, error };
    }
    await step.run("gold", locked((pool) => goldPhase(pool, run, o, say)));
    for (const phase of ANALYTICS_PHASES) await step.run(phase.name, locked((pool) => analyticsPhase(pool, run, phase, o, say)));
    await step.run("retention", locked((pool) => retentionPhase(pool, run, o, say)));
    await step.run("close-run", () => closePipelineRun(deps.pool(), run, "SUCCESS", gate, null));
    await step.sendEvent("notify-finished", { name: EVENTS.pipelineFinished, data: { runId: id, status: "SUCCESS" } satisfies PipelineFinishedData });
    return { runId: id, status: "SUCCESS", qualityGate: gate, error: null };
  } catch (error) {
    // A step that failed all its attempts (or bad settings): the run is recorded as failed,
    // the failure is announced, and the Inngest run ends failed without retrying the whole.
    const message = error instanceof Error ? error.message : String(error);
    const failedRun = runId;
    if (failedRun) await step.run("close-run-failed", () => closePipelineRun(deps.pool(), BigInt(failedRun), "FAILED", gate, message));
    await notifyFailure(step, { runId: failedRun, trigger, qualityGate: gate, error: message, inngestRunId });
    throw new NonRetriableError(`pipeline run ${failedRun ? `#${failedRun} ` : ""}failed: ${message}`, { cause: error });
  }
}

async function notifyFailure(step: Step, data: PipelineFailedData) {
  await step.sendEvent("notify-failure", [
    { name: EVENTS.pipelineFailed, data },
    { name: EVENTS.pipelineFinished, data: { runId: data.runId, status: "FAILED" } satisfies PipelineFinishedData },
  ]);
}
