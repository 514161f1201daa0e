// POST /api/v1/uploads/preview — how a file (or its first 256 KB) will be read: shape, column
// mapping and the first rows as they will be cast. Stores nothing. Admins (uploads:write).
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { isSource, previewFile } from "@/lib/pipeline/ingest/preview-file";
import { StructuralError } from "@/lib/pipeline/ingest/structural-error";
import { receiveMultipart, UploadError } from "@/lib/uploads/receive-multipart";

const PREVIEW_MAX_BYTES = 4 * 1024 * 1024;

export const POST = withPermission("uploads:write", async (req) => {
  let upload;
  try {
    upload = await receiveMultipart(req, PREVIEW_MAX_BYTES);
  } catch (error) {
    if (error instanceof UploadError) return apiError(error.status, error.code, error.code === "too_large" ? "Send at most the first 4 MB of the file for a preview." : error.message);
    throw error;
  }
  try {
    const f = upload.fields;
    const mapping = f.mapping ? (JSON.parse(f.mapping) as Record<string, string | null>) : undefined;
    const preview = await previewFile(pool(), {
      path: upload.path,
      fileName: upload.fileName,
      source: isSource(f.source) ? f.source : null,
      mapping,
      decimalSeparator: f.decimalSeparator === "," || f.decimalSeparator === "." ? f.decimalSeparator : undefined,
      dateFormat: f.dateFormat === "dmy" || f.dateFormat === "iso" ? f.dateFormat : undefined,
      timeZone: env().REPORTING_TZ,
    });
    return NextResponse.json(preview);
  } catch (error) {
    if (error instanceof StructuralError) return apiError(422, error.code, error.message);
    if (error instanceof SyntaxError) return apiError(400, "invalid_parameters", "mapping: must be a JSON object");
    throw error;
  } finally {
    await upload.cleanup();
  }
});
