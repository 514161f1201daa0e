// Customers, revenue and average scores per segment for one month's snapshot (default: the
// latest, i.e. as of the last order day). Revenue = the segment's customers' lifetime revenue.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { SEGMENTS, type Segment } from "./segment-rules";

export type SegmentSummary = {
  month: string | null;
  asOf: string | null;
  totalCustomers: number;
  segments: { segment: Segment; customers: number; share: string; revenue: string }[];
};

export async function getSegmentSummary(pool: pg.Pool, user: Pick<CurrentUser, "role">, month?: string): Promise<SegmentSummary> {
  assertCan(user, "segments:view");
  const { rows } = await pool.query<{ month: string; as_of: string; segment: Segment; customers: string; share: string; revenue: string }>(
    `WITH snap AS (SELECT * FROM gold_customer_segment_monthly
                    WHERE month = coalesce($1::date, (SELECT max(month) FROM gold_customer_segment_monthly)))
     SELECT month::text, max(as_of)::text AS as_of, segment, count(*) AS customers,
            round(count(*)::numeric / sum(count(*)) OVER (), 4)::text AS share, sum(monetary)::text AS revenue
       FROM snap GROUP BY month, segment`,
    [month ?? null],
  );
  const bySegment = new Map(rows.map((r) => [r.segment, r]));
  return {
    month: rows[0]?.month ?? null,
    asOf: rows[0]?.as_of ?? null,
    totalCustomers: rows.reduce((n, r) => n + Number(r.customers), 0),
    segments: SEGMENTS.map((segment) => {
      const r = bySegment.get(segment);
      return { segment, customers: Number(r?.customers ?? 0), share: r?.share ?? "0.0000", revenue: r?.revenue ?? "0.00" };
    }),
  };
}
