// POST /api/v1/uploads: receive the multipart body, land the file in bronze, answer with the
// outcome. With `Accept: application/x-ndjson` the answer streams progress lines first
// ({"type":"progress",…}) and ends with {"type":"result",…}; otherwise one JSON object.
import { NextResponse } from "next/server";
import { pool } from "../db";
import { env } from "../env";
import { apiError } from "../api/errors";
import type { CurrentUser } from "../auth/current-user";
import { SOURCES, type SourceName } from "../pipeline/contracts";
import { ingestFile, type IngestResult } from "../pipeline/ingest/ingest-file";
import { triggerPipelineRun } from "../pipeline/trigger-run";
import { receiveMultipart, UploadError } from "./receive-multipart";

const STATUS: Record<IngestResult["status"], number> = { loaded: 201, duplicate: 200, rejected: 422, failed: 500 };

export async function handleUpload(req: Request, user: CurrentUser, channel: "upload" | "push"): Promise<Response> {
  let upload;
  try {
    upload = await receiveMultipart(req, env().UPLOAD_MAX_MB * 1024 * 1024);
  } catch (error) {
    if (error instanceof UploadError) return apiError(error.status, error.code, error.message);
    throw error;
  }
  const requested = upload.fields.source?.trim() || null;
  if (requested && !(SOURCES as string[]).includes(requested)) {
    await upload.cleanup();
    return apiError(400, "invalid_parameters", `source: must be one of ${SOURCES.join(", ")}`, [{ parameter: "source", message: "unknown source" }]);
  }
  // A loaded file starts a pipeline run (through Inngest when configured) so its rows reach gold.
  const afterLoad = async (result: IngestResult) => {
    if (result.status !== "loaded") return result;
    await triggerPipelineRun("upload", { fileId: result.fileId, source: requested, fileName: upload.fileName, channel }).catch((e: Error) =>
      console.error(`[pipeline] not started after upload: ${e.message}`),
    );
    return result;
  };
  const run = (onProgress?: Parameters<typeof ingestFile>[1]["onProgress"]) =>
    ingestFile(pool(), {
      path: upload.path,
      fileName: upload.fileName,
      source: requested as SourceName | null,
      channel,
      receivedById: user.id,
      timeZone: env().REPORTING_TZ,
      onProgress,
    })
      .then(afterLoad)
      .finally(upload.cleanup);

  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const result = await run();
    return NextResponse.json(result, { status: STATUS[result.status] });
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      const send = (obj: object) => controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
      try {
        send({ type: "result", ...(await run((p) => send({ type: "progress", ...p }))) });
      } catch (error) {
        send({ type: "error", message: error instanceof Error ? error.message : String(error) });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
