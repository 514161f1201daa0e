// Every Inngest function of the app. Alert notification fan-out (app/alert.raised) comes with
// the alerts feature; failed runs already send app/pipeline.failed for it.
import type { Inngest } from "inngest";
import type { PipelineDeps } from "../pipeline-steps";
import { createDailyPipeline } from "./daily-pipeline";
import { createPipelineOnRequest } from "./pipeline-on-request";
import { createPipelineOnUpload } from "./pipeline-on-upload";

export function createFunctions(inngest: Inngest, deps: PipelineDeps, options: { cron?: string } = {}) {
  return [createDailyPipeline(inngest, deps, options.cron), createPipelineOnUpload(inngest, deps), createPipelineOnRequest(inngest, deps)];
}
