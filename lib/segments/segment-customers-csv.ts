// A segment's customer list as CSV, for a retention action: the pseudonymous customer key and
// its RFM figures; clear email and name (from customer_pii) only for holders of pii:read.
// COPY cannot take bind parameters, so the segment and month are checked against closed forms
// before they reach the SQL text.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { csvSafeSql as safe } from "../db/csv-safe-sql";
import { streamCopyOut } from "../db/stream-copy-out";
import { MONTH } from "./segment-query";
import { SEGMENTS, type Segment } from "./segment-rules";

export const isSegment = (value: unknown): value is Segment => (SEGMENTS as readonly unknown[]).includes(value);
export const isMonth = (value: unknown): value is string => typeof value === "string" && MONTH.test(value);

export function segmentCustomersCsvSql(segment: Segment, month: string | null, withPii: boolean): string {
  if (!isSegment(segment) || (month !== null && !isMonth(month))) throw new Error("invalid segment or month");
  const monthSql = month ? `DATE '${month}'` : "(SELECT max(month) FROM gold_customer_segment_monthly)";
  const pii = withPii ? `, ${safe("p.email")} AS email, ${safe("nullif(concat_ws(' ', p.first_name, p.last_name), '')")} AS name` : "";
  const join = withPii ? "LEFT JOIN customer_pii p ON p.customer_id = s.customer_id" : "";
  return `COPY (SELECT ${safe("s.customer_id")} AS customer_key, s.segment, s.r, s.f, s.m, s.recency_days,
       (s.as_of - s.recency_days) AS last_order_date, s.frequency AS orders, s.monetary AS revenue${pii}
  FROM gold_customer_segment_monthly s ${join}
 WHERE s.month = ${monthSql} AND s.segment = '${segment}'
 ORDER BY s.monetary DESC, s.customer_id) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** `withPii`: the caller asks for clear PII (an API token must also hold the pii:read scope). */
export function streamSegmentCustomersCsv(pool: pg.Pool, user: Pick<CurrentUser, "role">, segment: Segment, month: string | null, withPii: boolean) {
  assertCan(user, "segments:export");
  if (withPii) assertCan(user, "pii:read");
  return streamCopyOut(pool, segmentCustomersCsvSql(segment, month, withPii));
}
