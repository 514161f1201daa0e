// GET /api/v1/pipeline/runs/{id} — one run with its steps, data-quality results and the rows
// quarantined from the files it received or merged.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { getRun } from "@/lib/pipeline/runs/get-run";
import { listQuarantine } from "@/lib/pipeline/runs/list-quarantine";
import { parseId } from "@/lib/api/parse-id";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("pipeline:run", async (_req, { user, params }) => {
  const id = parseId((await params).id);
  const run = id === null ? null : await getRun(pool(), user, id);
  if (!run || id === null) return apiError(404, "not_found", "No such pipeline run.");
  return NextResponse.json({ run, quarantine: await listQuarantine(pool(), user, { runId: id }) });
});
