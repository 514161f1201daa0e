// Raw web events are kept for a retention period (WEB_EVENTS_RETENTION_DAYS). Past it, once its
// day is aggregated in gold, a daily partition is retired: dropped whole (cheap), or with
// WEB_EVENTS_SAMPLE_PERCENT cut down to that share of sessions. Each retired day is recorded in
// silver_web_retired_days, so gold never recomputes its aggregates from what is left.
import type pg from "pg";
import { inTransaction } from "../../db/in-transaction";
import { addDays } from "../../dates/add-days";

export type WebRetention = { retentionDays: number; samplePercent: number; timeZone: string };

/** A session is in the sample when the first 32 bits of md5(session_id), mod 10 000, fall below
 *  percent × 100: decided by the id alone (not by what the session did), the same on every day it
 *  spans, stable across PostgreSQL versions, and a smaller share keeps a subset of a larger one. */
export const inSample = (percent: number) => `('x' || left(md5(session_id), 8))::bit(32)::bigint % 10000 < ${percent * 100}`;

/** SQL: `day` is past a retention of `days` days, counted in the reporting time zone `timeZone`
 *  (all three are SQL expressions, usually parameters). */
export const pastRetention = (day: string, days: string, timeZone: string) => `${day} < (now() AT TIME ZONE ${timeZone})::date - ${days}::int`;

export async function retireExpiredWebDays(pool: pg.Pool, o: WebRetention): Promise<number> {
  if (!Number.isInteger(o.samplePercent) || o.samplePercent < 0 || o.samplePercent > 100) throw new Error(`web sample percent must be an integer from 0 to 100, not ${o.samplePercent}`);
  const { rows: expired } = await pool.query<{ name: string; day: string; never_filled: boolean }>(
    `SELECT name, day::text, NOT EXISTS (SELECT 1 FROM silver_web_events e WHERE e.event_date = p.day)
                            AND NOT EXISTS (SELECT 1 FROM silver_web_retired_days r WHERE r.day = p.day) AS never_filled FROM (
       SELECT c.relname AS name,
              CASE WHEN c.relname ~ '^silver_web_events_p[0-9]{8}$' THEN to_date(right(c.relname, 8), 'YYYYMMDD') END AS day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'silver_web_events'::regclass) p
      WHERE ${pastRetention("p.day", "$1", "$2")}
        -- Sessions crossing midnight tie a day to its neighbours: all three must be aggregated.
        AND NOT EXISTS (SELECT 1 FROM gold_dirty d WHERE d.kind = 'web_day' AND d.key IN ((p.day - 1)::text, p.day::text, (p.day + 1)::text))
        -- Already sampled at this share or below: left as is. Dropping always runs (late events).
        AND ($3 = 0 OR NOT EXISTS (SELECT 1 FROM silver_web_retired_days r WHERE r.day = p.day AND r.sample_percent <= $3))
      ORDER BY p.day`,
    [o.retentionDays, o.timeZone, o.samplePercent],
  );
  const table = (name: string) => `"${name.replace(/"/g, "")}"`;
  // A partition created ahead for events that never came (see planDays) is dropped
  // without being recorded: nothing was aggregated from it, and events arriving later for its day
  // must be. (An empty partition already retired was sampled down to nothing: retired as usual.)
  const unused = expired.filter((r) => r.never_filled);
  if (unused.length) await pool.query(`DROP TABLE ${unused.map((r) => table(r.name)).join(", ")}`);
  const rows = expired.filter((r) => !r.never_filled);
  // A month of days per transaction: dropping partitions one transaction each cost ~130 ms a day
  // at scale m (the parent's list of partitions is rebuilt after every catalog change).
  const retiring = new Set(rows.map((r) => r.day));
  const retiredInRun = new Set<string>();
  for (let i = 0; i < rows.length; i += DAYS_AT_ONCE) {
    const chunk = rows.slice(i, i + DAYS_AT_ONCE).map((r) => ({ table: table(r.name), day: r.day }));
    const lastOfChunk = chunk[chunk.length - 1].day;
    await inTransaction(pool, async (client) => {
      const { retired, busy } = await lockDays(client, chunk);
      const retiredDays = new Set(retired.map((d) => d.day));
      // The day after a retired day loses the events of that day's dropped sessions, unless it is
      // retired in this run too: its own retirement drops the same sessions (the sample depends
      // on the session alone). At a first load that leaves one day to clean instead of hundreds.
      // A day left for the next run (busy) is cleaned now if the day before it went.
      const nextDays = [
        ...retired.map((d) => addDays(d.day, 1)).filter((d) => !retiredDays.has(d) && !(d > lastOfChunk && retiring.has(d))),
        ...busy.filter((d) => retiredInRun.has(addDays(d.day, -1))).map((d) => d.day),
      ];
      await retireDays(client, retired, [...new Set(nextDays)], o.samplePercent);
      for (const d of retiredDays) retiredInRun.add(d);
    });
  }
  return retiredInRun.size;
}

// Right after a first load, autovacuum is still analysing the new daily partitions; a partition
// it holds would make the drop wait for it (a second or more each, tens of seconds at scale m).
// Such a day is left for the next run; the parent is locked first, as DROP itself would.
async function lockDays(client: pg.PoolClient, days: RetiringDay[]): Promise<{ retired: RetiringDay[]; busy: RetiringDay[] }> {
  await client.query("LOCK TABLE ONLY silver_web_events IN ACCESS EXCLUSIVE MODE");
  const retired: RetiringDay[] = [];
  const busy: RetiringDay[] = [];
  for (const d of days) {
    await client.query("SAVEPOINT lock_day");
    try {
      await client.query(`LOCK TABLE ${d.table} IN ACCESS EXCLUSIVE MODE NOWAIT`);
      retired.push(d);
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      await client.query("ROLLBACK TO SAVEPOINT lock_day");
      busy.push(d);
    }
  }
  return { retired, busy };
}

type RetiringDay = { table: string; day: string };
const LOCK_NOT_AVAILABLE = "55P03";
const DAYS_AT_ONCE = 31;

async function retireDays(client: pg.PoolClient, days: RetiringDay[], nextDays: string[], percent: number) {
  const list = days.map((d) => d.day);
  // A session is kept or dropped whole: the next-day events of these days' dropped sessions go
  // too, or a later rebuild of the next day would count what is left of them as new sessions.
  if (nextDays.length) {
    await client.query(
      `DELETE FROM silver_web_events e
        USING (SELECT DISTINCT event_date + 1 AS day, session_id FROM silver_web_events
                WHERE event_date = ANY(ARRAY(SELECT d - 1 FROM unnest($1::date[]) d)) AND NOT (${inSample(percent)})) gone
        WHERE e.event_date = ANY($1::date[]) AND e.event_date = gone.day AND e.session_id = gone.session_id`,
      [nextDays],
    );
  }
  if (!days.length) return;
  if (percent === 0) await client.query(`DROP TABLE ${days.map((d) => d.table).join(", ")}`);
  else if (percent < 100) {
    for (const { table } of days) {
      // Rewritten rather than deleted from: nothing is inserted into an old partition again, so
      // the space of deleted rows would never be reused.
      await client.query(`DROP TABLE IF EXISTS web_sample; CREATE TEMP TABLE web_sample ON COMMIT DROP AS SELECT * FROM ${table} WHERE ${inSample(percent)}`);
      await client.query(`TRUNCATE ${table}`);
      await client.query(`INSERT INTO ${table} SELECT * FROM web_sample`);
    }
  }
  await client.query(
    `INSERT INTO silver_web_retired_days (day, sample_percent) SELECT d, $2 FROM unnest($1::date[]) d
     ON CONFLICT (day) DO UPDATE SET sample_percent = excluded.sample_percent, retired_at = now()`,
    [list, percent],
  );
}
