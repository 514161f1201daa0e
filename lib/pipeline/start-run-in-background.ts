// Starts a pipeline run inside this server process without waiting for it, for deployments
// with no Inngest server (the local demo); where Inngest is configured, runs go through it.
// A request arriving while a run is going is not lost: one more run follows the current one.
import type pg from "pg";
import { runPipeline, RunInProgressError, type PipelineOptions } from "./run-pipeline";

let running = false;
let queued: PipelineOptions | null = null;

export function startRunInBackground(pool: pg.Pool, options: PipelineOptions): { queued: boolean } {
  if (running) {
    queued = options;
    return { queued: true };
  }
  running = true;
  void (async () => {
    let next: PipelineOptions | null = options;
    while (next) {
      const current: PipelineOptions = next;
      queued = null;
      try {
        await runPipeline(pool, current);
      } catch (error) {
        if (!(error instanceof RunInProgressError)) console.error(`[pipeline] run failed: ${error instanceof Error ? error.message : error}`);
      }
      next = queued;
    }
    running = false;
  })();
  return { queued: false };
}
