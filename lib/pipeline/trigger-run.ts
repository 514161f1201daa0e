// Starts a pipeline run for an upload or an admin's "run now": through Inngest where it is
// configured (INNGEST_EVENT_KEY, or INNGEST_DEV=1 for the local dev server), otherwise inside
// this server process (startRunInBackground: one run at a time, one more queued).
import "server-only";
import { inngest } from "../../inngest/client";
import { inngestConfigured } from "../../inngest/config";
import { EVENTS, type FileUploadedData, type PipelineRequestedData } from "../../inngest/events";
import { pool } from "../db";
import { appPipelineOptions } from "./pipeline-config";
import { startRunInBackground } from "./start-run-in-background";

export type TriggerOutcome = { via: "inngest"; eventIds: string[] } | { via: "in-process"; queued: boolean };

export async function triggerPipelineRun(reason: "upload", scope?: FileUploadedData): Promise<TriggerOutcome>;
export async function triggerPipelineRun(reason: "manual", scope?: PipelineRequestedData): Promise<TriggerOutcome>;
export async function triggerPipelineRun(reason: "upload" | "manual", scope: FileUploadedData | PipelineRequestedData = {}): Promise<TriggerOutcome> {
  if (inngestConfigured()) {
    const { ids } = await inngest.send(
      reason === "upload" ? { name: EVENTS.fileUploaded, data: scope as FileUploadedData } : { name: EVENTS.pipelineRequested, data: pickScope(scope as PipelineRequestedData) },
    );
    return { via: "inngest", eventIds: ids };
  }
  const options = appPipelineOptions(reason, reason === "manual" ? pickScope(scope as PipelineRequestedData) : {});
  return { via: "in-process", ...startRunInBackground(pool(), options) };
}

function pickScope(s: PipelineRequestedData): PipelineRequestedData {
  return { ...(s.full ? { full: true } : {}), ...(s.from && s.to ? { from: s.from, to: s.to } : {}) };
}
