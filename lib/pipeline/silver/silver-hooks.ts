// Source-specific work around the generic merge, all inside the same transaction.
import type pg from "pg";
import type { SourceName } from "../contracts";
import { SCRUB_BRONZE_CUSTOMER } from "../../privacy/erase-customer";

type Hook = (client: pg.PoolClient) => Promise<void>;

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
