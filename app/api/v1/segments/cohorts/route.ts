// GET /api/v1/segments/cohorts?last=N — monthly acquisition cohorts (the last N, default 24):
// [{ cohortMonth, size, cells: [{ k, active, retention, cumulativePerCustomer }] }].
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { getCohorts } from "@/lib/segments/get-cohorts";

export const GET = withPermission("segments:view", async (req, { user }) => {
  const last = req.nextUrl.searchParams.get("last") ?? "24";
  if (!/^\d{1,3}$/.test(last) || Number(last) < 1) return apiError(400, "invalid_parameters", "last: a number of cohorts from 1 to 999.");
  return NextResponse.json({ cohorts: await getCohorts(pool(), user, { lastCohorts: Number(last) }) });
});
