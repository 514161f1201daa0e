// GET /api/v1/segments/{segment}/customers?month=YYYY-MM-01 — the segment's customers as CSV
// (streamed): pseudonymous keys and RFM figures, plus clear email and name for pii:read holders.
import { Readable } from "node:stream";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { withPermission } from "@/lib/auth/api-guard";
import { isSegment, streamSegmentCustomersCsv } from "@/lib/segments/segment-customers-csv";
import { segmentMonthQuery } from "@/lib/segments/segment-query";
import { SEGMENTS } from "@/lib/segments/segment-rules";

type Ctx = { params: Promise<{ segment: string }> };

export const GET = withPermission<Ctx>("segments:export", async (req, { user, params, allows }) => {
  const segment = (await params).segment;
  if (!isSegment(segment)) return apiError(404, "not_found", `Unknown segment. Known: ${SEGMENTS.join(", ")}.`);
  const q = parseQuery(req.nextUrl.searchParams, segmentMonthQuery);
  if (!q.ok) return q.response;
  const month = q.data.month ?? null;
  const csv = await streamSegmentCustomersCsv(pool(), user, segment, month, allows("pii:read"));
  return new Response(Readable.toWeb(csv as Readable) as ReadableStream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="segment-${segment}-${month ?? "latest"}.csv"` },
  });
});
