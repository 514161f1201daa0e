// The daily pipeline: every day at PIPELINE_CRON in PIPELINE_TZ (default 06:30 Europe/Paris,
// after the nightly exports have landed in the drop folder).
import type { Inngest } from "inngest";
import { inngestConfig } from "../config";
import { PIPELINE_FLOW, pipelineSteps, type PipelineDeps } from "../pipeline-steps";

export const createDailyPipeline = (inngest: Inngest, deps: PipelineDeps, cron = inngestConfig().cronTrigger) =>
  inngest.createFunction(
    { id: "pipeline-daily", name: "Daily pipeline", triggers: [{ cron }], ...PIPELINE_FLOW },
    ({ step, logger, runId }) => pipelineSteps({ step, logger, inngestRunId: runId, trigger: "cron", scope: {}, deps }),
  );
