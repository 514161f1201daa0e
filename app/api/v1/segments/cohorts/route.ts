// GET /api/v1/segments/cohorts?last=N — monthly acquisition cohorts (the last N, default 24):
// [{ cohortMonth, size, cells: [{ k, active, retention, cumulativePerCustomer }] }].
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { parseQuery } from "@/lib/api/parse-query";
import { withPermission } from "@/lib/auth/api-guard";
import { getCohorts } from "@/lib/segments/get-cohorts";
import { cohortsQuery } from "@/lib/segments/segment-query";

export const GET = withPermission("segments:view", async (req, { user }) => {
  const q = parseQuery(req.nextUrl.searchParams, cohortsQuery);
  if (!q.ok) return q.response;
  return NextResponse.json({ cohorts: await getCohorts(pool(), user, { lastCohorts: q.data.last }) });
});
