// Month-over-month movement: how many customers went from each segment at the previous month
// end to each segment at this month's snapshot (default: the latest). Customers acquired during
// the month come from null.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import type { Segment } from "./segment-rules";

export type SegmentMovement = {
  month: string | null;
  previousMonth: string | null;
  flows: { from: Segment | null; to: Segment; customers: number }[];
};

export async function getSegmentMovement(pool: pg.Pool, user: Pick<CurrentUser, "role">, month?: string): Promise<SegmentMovement> {
  assertCan(user, "segments:view");
  const { rows } = await pool.query<{ month: string; previous: string; from: Segment | null; to: Segment; customers: string }>(
    `WITH cur AS (SELECT coalesce($1::date, (SELECT max(month) FROM gold_customer_segment_monthly)) AS month)
     SELECT cur.month::text, (cur.month - interval '1 month')::date::text AS previous, p.segment AS "from", c.segment AS "to", count(*) AS customers
       FROM cur JOIN gold_customer_segment_monthly c ON c.month = cur.month
       LEFT JOIN gold_customer_segment_monthly p ON p.month = cur.month - interval '1 month' AND p.customer_id = c.customer_id
      GROUP BY 1, 2, 3, 4 ORDER BY 3 NULLS FIRST, 4`,
    [month ?? null],
  );
  return {
    month: rows[0]?.month ?? null,
    previousMonth: rows[0]?.previous ?? null,
    flows: rows.map((r) => ({ from: r.from, to: r.to, customers: Number(r.customers) })),
  };
}
