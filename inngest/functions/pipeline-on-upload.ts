// A run after a file lands in bronze through an admin upload or an API push. Files pushed in a
// burst (one per source) wait for one another: a run starts 30 s after the last one (5 min at most).
import type { Inngest } from "inngest";
import { EVENTS } from "../events";
import { PIPELINE_FLOW, pipelineSteps, type PipelineDeps } from "../pipeline-steps";

export const createPipelineOnUpload = (inngest: Inngest, deps: PipelineDeps) =>
  inngest.createFunction(
    { id: "pipeline-on-upload", name: "Pipeline after an upload", triggers: [{ event: EVENTS.fileUploaded }], debounce: { period: "30s", timeout: "5m" }, ...PIPELINE_FLOW },
    ({ step, logger, runId }) => pipelineSteps({ step, logger, inngestRunId: runId, trigger: "upload", scope: {}, deps }),
  );
