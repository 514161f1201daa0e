// GET /api/v1/uploads/{id}/rejects — the file's rejected rows as CSV (line, field, value, reason, raw).
import { Readable } from "node:stream";
import { db, pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { streamRejectsCsv } from "@/lib/pipeline/ingest/rejects-csv";
import { parseId } from "@/lib/api/parse-id";
import { getUpload } from "@/lib/uploads/list-uploads";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("uploads:write", async (_req, { user, params }) => {
  const id = parseId((await params).id);
  const upload = id === null ? null : await getUpload(db, user, id);
  if (!upload || id === null) return apiError(404, "not_found", "No such file.");
  const csv = await streamRejectsCsv(pool(), id, upload.source);
  const name = `rejects-${upload.id}-${upload.fileName.replace(/[^\w.-]/g, "_")}`.replace(/(\.csv)?$/, ".csv");
  return new Response(Readable.toWeb(csv as Readable) as ReadableStream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
  });
});
