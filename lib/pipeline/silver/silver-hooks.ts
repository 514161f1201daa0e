// Source-specific work around the generic merge, all inside the same transaction.
import type pg from "pg";
import type { SourceName } from "../contracts";
import { inTransaction } from "../../db/in-transaction";
import { SCRUB_BRONZE_CUSTOMER } from "../../privacy/erase-customer";

type Hook = (client: pg.PoolClient) => Promise<void>;

/** Partitioned sources: creates the partitions a batch's rows need, when the insert finds one
 *  missing (web events: daily partitions, most created ahead by createWebPartitions). */
export const CREATE_PARTITIONS: Partial<Record<SourceName, Hook>> = {
  web_events: async (client) => {
    const { rows } = await client.query<{ d: string }>("SELECT DISTINCT event_date::text AS d FROM latest ORDER BY 1");
    await createDayPartitions(client, rows.map((r) => r.d));
  },
};

/**
 * Creates, in one short transaction before the merge, the daily partitions that pending web
 * files will need, from the days their timestamps are written with (±1 for time zones): creating
 * a partition locks the parent table until commit, so a batch creating its own would make the
 * other web batch wait for it to finish. A day missed here is created by CREATE_PARTITIONS.
 */
export async function createWebPartitions(pool: pg.Pool, fileIds: readonly string[]): Promise<void> {
  const { rows } = await pool.query<{ d: string }>(
    `SELECT DISTINCT d::date::text AS d
       FROM ingest_file f CROSS JOIN LATERAL generate_series(f.first_day - 1, f.last_day + 1, interval '1 day') d
      WHERE f.id = ANY($1::bigint[]) AND f.last_day - f.first_day <= $2
      ORDER BY 1`,
    [fileIds, MAX_DAYS_AHEAD],
  );
  if (rows.length) await inTransaction(pool, (client) => createDayPartitions(client, rows.map((r) => r.d)));
}

// A file whose events spread over more days than this (a backfill, a far-off late event) leaves
// its partitions to CREATE_PARTITIONS rather than creating a run of empty ones.
const MAX_DAYS_AHEAD = 31;

async function createDayPartitions(client: pg.PoolClient, days: readonly string[]) {
  for (const d of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a day: ${d}`);
    const name = `silver_web_events_p${d.replace(/-/g, "")}`;
    await client.query(`CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF silver_web_events FOR VALUES FROM ('${d}') TO ('${d}'::date + 1)`);
  }
}

/** After the upsert: clear personal data kept apart, and every version of product prices. */
export const AFTER_MERGE: Partial<Record<SourceName, Hook>> = {
  // Exactly the row that won in silver carries the clear values; erased customers stay erased.
  customers: async (client) => {
    // A customer erased earlier and exported again: scrub the new copies on arrival.
    await client.query(`UPDATE silver_customers SET email_hash = NULL, email_domain = NULL, city = NULL
      WHERE erased_at IS NOT NULL AND customer_id IN (SELECT customer_id FROM latest)`);
    await client.query(`UPDATE bronze_customers SET ${SCRUB_BRONZE_CUSTOMER}
      WHERE src_file_id IN (SELECT DISTINCT src_file_id FROM stage)
        AND customer_id IN (SELECT customer_id FROM silver_customers WHERE erased_at IS NOT NULL)`);
    await client.query(`INSERT INTO customer_pii (customer_id, email, first_name, last_name)
      SELECT s.customer_id, s.email, s.first_name, s.last_name
        FROM stage s JOIN silver_customers c
          ON c.customer_id = s.customer_id AND c.src_file_id = s.src_file_id AND c.src_line = s.src_line
       WHERE c.erased_at IS NULL
      ON CONFLICT (customer_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name`);
  },
  products: async (client) => {
    await client.query(`INSERT INTO silver_product_versions (sku, updated_at, unit_cost, list_price, active)
      SELECT DISTINCT ON (sku, updated_at) sku, updated_at, unit_cost, list_price, active FROM stage
       ORDER BY sku, updated_at, src_file_id DESC, src_line DESC
      ON CONFLICT (sku, updated_at) DO UPDATE SET unit_cost = excluded.unit_cost, list_price = excluded.list_price, active = excluded.active`);
  },
};
