// Received files, newest first, for the admin upload page and GET /api/v1/uploads.
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

const fields = {
  id: true,
  source: true,
  fileName: true,
  sizeBytes: true,
  channel: true,
  receivedAt: true,
  finishedAt: true,
  status: true,
  duplicateOfId: true,
  rowsRead: true,
  rowsLoaded: true,
  rowsRejected: true,
  bytesProcessed: true,
  encoding: true,
  delimiter: true,
  error: true,
  receivedBy: { select: { email: true } },
} as const;

export async function listUploads(db: PrismaClient, actor: CurrentUser, limit = 50) {
  assertCan(actor, "uploads:write");
  return (await db.ingestFile.findMany({ select: fields, orderBy: { id: "desc" }, take: limit })).map(toJson);
}
export type UploadRow = Awaited<ReturnType<typeof listUploads>>[number];

export async function getUpload(db: PrismaClient, actor: CurrentUser, id: bigint) {
  assertCan(actor, "uploads:write");
  const row = await db.ingestFile.findUnique({ where: { id }, select: fields });
  if (!row) return null;
  const errors = await db.ingestReject.findMany({ where: { fileId: id }, orderBy: [{ lineNo: "asc" }, { id: "asc" }], take: 100, select: { lineNo: true, field: true, reason: true } });
  return { ...toJson(row), errors: errors.map((e) => ({ line: e.lineNo, field: e.field, reason: e.reason })) };
}

// BigInts become strings so the rows serialise to JSON and cross to client components.
function toJson<T extends { id: bigint; sizeBytes: bigint; bytesProcessed: bigint; duplicateOfId: bigint | null }>(row: T) {
  return { ...row, id: String(row.id), sizeBytes: String(row.sizeBytes), bytesProcessed: String(row.bytesProcessed), duplicateOfId: row.duplicateOfId === null ? null : String(row.duplicateOfId) };
}
