// GET /api/v1/uploads/{id} — one received file: status, counts, first rejected lines.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { parseId } from "@/lib/api/parse-id";
import { getUpload } from "@/lib/uploads/list-uploads";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("uploads:write", async (_req, { user, params }) => {
  const id = parseId((await params).id);
  const upload = id === null ? null : await getUpload(db, user, id);
  return upload ? NextResponse.json(upload) : apiError(404, "not_found", "No such file.");
});
