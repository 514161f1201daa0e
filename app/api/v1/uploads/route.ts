// GET /api/v1/uploads — received files; POST /api/v1/uploads — send one (multipart: `file`,
// optional `source`). Admins, or API tokens with the uploads:write scope.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { withPermission } from "@/lib/auth/api-guard";
import { handleUpload } from "@/lib/uploads/handle-upload";
import { listUploads } from "@/lib/uploads/list-uploads";

export const dynamic = "force-dynamic";

export const GET = withPermission("uploads:write", async (_req, { user }) => NextResponse.json({ uploads: await listUploads(db, user) }));

export const POST = withPermission("uploads:write", (req, { user }) => handleUpload(req, user, req.headers.get("authorization") ? "push" : "upload"));
