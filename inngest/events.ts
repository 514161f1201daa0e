// The events the app sends and listens to, with their data.
export const EVENTS = {
  /** An admin uploaded a file, or a file was pushed through the API, and it landed in bronze. */
  fileUploaded: "app/file.uploaded",
  /** "Run now" from the admin screens: optionally a gold rebuild of a range of days, or of everything. */
  pipelineRequested: "app/pipeline.requested",
  /** A run failed (an error after its retries, or the quality gate): the admin alert comes from this. */
  pipelineFailed: "app/pipeline.failed",
  /** A run ended either way; a run waiting for its turn listens for it. */
  pipelineFinished: "app/pipeline.finished",
} as const;

export type FileUploadedData = { fileId?: string; source?: string | null; fileName?: string; channel?: "upload" | "push" };
export type PipelineRequestedData = { from?: string; to?: string; full?: boolean };
export type PipelineFailedData = { runId: string | null; trigger: string; qualityGate: string | null; error: string; inngestRunId: string };
export type PipelineFinishedData = { runId: string | null; status: "SUCCESS" | "FAILED" };
