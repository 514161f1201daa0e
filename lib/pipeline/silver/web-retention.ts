// Raw web events are kept for a retention period (WEB_EVENTS_RETENTION_DAYS); older daily
// partitions are dropped whole — cheap — once their day has been aggregated into gold.
import type pg from "pg";

export async function dropExpiredWebPartitions(pool: pg.Pool, retentionDays: number, timeZone: string): Promise<number> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT name FROM (
       SELECT c.relname AS name,
              CASE WHEN c.relname ~ '^silver_web_events_p[0-9]{8}$' THEN to_date(right(c.relname, 8), 'YYYYMMDD') END AS day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'silver_web_events'::regclass) p
      WHERE p.day < (now() AT TIME ZONE $2)::date - $1::int
        AND NOT EXISTS (SELECT 1 FROM gold_dirty d WHERE d.kind = 'web_day' AND d.key IN (p.day::text, (p.day + 1)::text))`,
    [retentionDays, timeZone],
  );
  for (const { name } of rows) await pool.query(`DROP TABLE "${name.replace(/"/g, "")}"`);
  return rows.length;
}
