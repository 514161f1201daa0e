// GET /api/v1/segments?month=YYYY-MM-01 — RFM segments of one month-end snapshot (default: the
// latest): { rules, summary: { month, asOf, totalCustomers, segments }, movement: { flows } }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { getSegmentMovement } from "@/lib/segments/get-segment-movement";
import { getSegmentSummary } from "@/lib/segments/get-segment-summary";
import { isMonth } from "@/lib/segments/segment-customers-csv";
import { SEGMENT_RULES } from "@/lib/segments/segment-rules";

export const GET = withPermission("segments:view", async (req, { user }) => {
  const month = req.nextUrl.searchParams.get("month") ?? undefined;
  if (month !== undefined && !isMonth(month)) return apiError(400, "invalid_parameters", "month: the first day of a month, YYYY-MM-01.");
  const [summary, movement] = await Promise.all([getSegmentSummary(pool(), user, month), getSegmentMovement(pool(), user, month)]);
  return NextResponse.json({ rules: SEGMENT_RULES, summary, movement });
});
