// A run asked for by an admin ("run now"), optionally rebuilding gold for a range of days
// ({ from, to }, inclusive, YYYY-MM-DD) or for everything ({ full: true }).
import { NonRetriableError, type Inngest } from "inngest";
import { EVENTS, type PipelineRequestedData } from "../events";
import { PIPELINE_FLOW, pipelineSteps, type PipelineDeps } from "../pipeline-steps";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function requestedScope(data: unknown): PipelineRequestedData {
  const d = (data ?? {}) as Record<string, unknown>;
  const scope: PipelineRequestedData = {};
  if (d.full === true) scope.full = true;
  if (d.from !== undefined || d.to !== undefined) {
    if (typeof d.from !== "string" || typeof d.to !== "string" || !DAY.test(d.from) || !DAY.test(d.to) || d.from > d.to)
      throw new NonRetriableError("app/pipeline.requested: from and to go together, as days YYYY-MM-DD with from ≤ to");
    scope.from = d.from;
    scope.to = d.to;
  }
  return scope;
}

export const createPipelineOnRequest = (inngest: Inngest, deps: PipelineDeps) =>
  inngest.createFunction(
    { id: "pipeline-on-request", name: "Pipeline run requested", triggers: [{ event: EVENTS.pipelineRequested }], ...PIPELINE_FLOW },
    ({ event, step, logger, runId }) => pipelineSteps({ step, logger, inngestRunId: runId, trigger: "manual", scope: requestedScope(event.data), deps }),
  );
