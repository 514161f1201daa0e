// GET /api/v1/pipeline/runs — the latest runs (?limit=, default 50) with their steps and
// durations; POST — start a run now: { from?, to? } (YYYY-MM-DD, inclusive) or { full: true }.
// Answers 202 at once (through Inngest where configured, else in this process); follow the
// run with GET. Needs pipeline:run (admins), from a signed-in session: no token scope grants it.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { triggerPipelineRun, type TriggerOutcome } from "@/lib/pipeline/trigger-run";
import { listRuns } from "@/lib/pipeline/runs/list-runs";
import { runListQuery, runRequestInput } from "@/lib/pipeline/runs/run-request";
import { parseQuery } from "@/lib/api/parse-query";

export const dynamic = "force-dynamic";

export const GET = withPermission("pipeline:run", async (req, { user }) => {
  const q = parseQuery(req.nextUrl.searchParams, runListQuery);
  if (!q.ok) return q.response;
  return NextResponse.json({ runs: await listRuns(pool(), user, q.data.limit) });
});

export const POST = withPermission("pipeline:run", async (req) => {
  const input = await parseJsonBody(req, runRequestInput);
  if (!input.ok) return input.response;
  let outcome: TriggerOutcome;
  try {
    outcome = await triggerPipelineRun("manual", input.data);
  } catch (error) {
    // Not configured (e.g. PII_HASH_KEY unset) or the Inngest server unreachable.
    return apiError(503, "pipeline_unavailable", error instanceof Error ? error.message : String(error));
  }
  // queued: the run waits for one already going in this process (Inngest runs queue on its side).
  const queued = outcome.via === "in-process" && outcome.queued;
  return NextResponse.json({ accepted: true, queued, via: outcome.via }, { status: 202 });
});
