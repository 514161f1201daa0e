// A day of web events already past retention when it is first loaded would be stored raw only to
// be dropped at the end of the same run (a first load of two years: ~88% of every event, and
// most of the run's time). When no sample of sessions is kept, such a day is summarised instead,
// per (day, session), from all its events: what gold_web_daily needs (the first event's time and
// campaign tags, the funnel steps reached, the event count) and the orders its purchases name
// (the purchase → order quality rule). Gold merges these summaries across midnight with the raw
// events of the days around. The day is recorded as retired at once, as retention would have.
import type pg from "pg";
import { sqlLiteral } from "../sql/literal";
import { pastRetention } from "./web-retention";

/** A session's day from its web events (grouped by event_date, session_id): what gold reads of it,
 *  also computed by gold from the raw events it keeps, so both agree by construction. */
export const SESSION_DAY = `min(ts) AS first_ts, (array_agg(utm_source ORDER BY ts))[1] AS utm_source, (array_agg(utm_campaign ORDER BY ts))[1] AS utm_campaign,
  bool_or(type = 'product_view') AS viewed, bool_or(type = 'add_to_cart') AS carted, bool_or(type = 'checkout_start') AS checked_out, bool_or(type = 'purchase') AS purchased`;

/**
 * Summarises, from the batch's `latest` rows, those of `days` (days this batch builds) that are
 * past `retentionDays` in `timeZone` and were never retired (a retired day's late events are
 * kept raw, as before). Returns those days, the ones among them that had events, the events
 * they held (an event received twice counted once), and a view of the batch's other rows.
 */
export async function summariseExpiredWebDays(
  client: pg.PoolClient,
  days: readonly string[],
  o: { retentionDays: number; timeZone: string },
): Promise<{ expired: string[]; summarised: string[]; events: number; rest: string }> {
  const { rows } = await client.query<{ d: string }>(
    `SELECT d::text FROM unnest($1::date[]) d
      WHERE ${pastRetention("d", "$3", "$2")} AND NOT EXISTS (SELECT 1 FROM silver_web_retired_days r WHERE r.day = d) ORDER BY d`,
    [days, o.timeZone, o.retentionDays],
  );
  const expired = rows.map((r) => r.d);
  if (!expired.length) return { expired, summarised: [], events: 0, rest: "latest" };
  const { rows: summed } = await client.query<{ d: string; events: number }>(
    `WITH ins AS (
       INSERT INTO silver_web_session_days (event_date, session_id, first_ts, utm_source, utm_campaign, viewed, carted, checked_out, purchased, events, purchase_orders)
       SELECT event_date, session_id, ${SESSION_DAY},
              count(DISTINCT event_id), coalesce(array_agg(DISTINCT order_id) FILTER (WHERE type = 'purchase'), '{}')
         FROM latest WHERE event_date = ANY($1::date[]) GROUP BY event_date, session_id
       RETURNING event_date, events)
     SELECT event_date::text AS d, sum(events)::int AS events FROM ins GROUP BY event_date ORDER BY 1`,
    [expired],
  );
  // Only days that had events: one planned around the files (±1 day) may have none.
  const summarised = summed.map((r) => r.d);
  await client.query("INSERT INTO silver_web_retired_days (day, sample_percent) SELECT d, 0 FROM unnest($1::date[]) d", [summarised]);
  // A view over a view: nothing is written again; the days are literals so the filter needs no parameter.
  await client.query(`DROP VIEW IF EXISTS latest_kept; CREATE TEMP VIEW latest_kept AS
    SELECT * FROM latest WHERE event_date <> ALL (${sqlLiteral(`{${expired.join(",")}}`)}::date[])`);
  return { expired, summarised, events: summed.reduce((n, r) => n + r.events, 0), rest: "latest_kept" };
}
