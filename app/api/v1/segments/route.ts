// GET /api/v1/segments?month=YYYY-MM-01 — RFM segments of one month-end snapshot (default: the
// latest): { rules, summary: { month, asOf, totalCustomers, segments }, movement: { flows } }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { parseQuery } from "@/lib/api/parse-query";
import { withPermission } from "@/lib/auth/api-guard";
import { getSegmentMovement } from "@/lib/segments/get-segment-movement";
import { getSegmentSummary } from "@/lib/segments/get-segment-summary";
import { segmentMonthQuery } from "@/lib/segments/segment-query";
import { SEGMENT_RULES } from "@/lib/segments/segment-rules";

export const GET = withPermission("segments:view", async (req, { user }) => {
  const q = parseQuery(req.nextUrl.searchParams, segmentMonthQuery);
  if (!q.ok) return q.response;
  const { month } = q.data;
  const [summary, movement] = await Promise.all([getSegmentSummary(pool(), user, month), getSegmentMovement(pool(), user, month)]);
  return NextResponse.json({ rules: SEGMENT_RULES, summary, movement });
});
