// Right to be forgotten: removes a customer's personal data from bronze, silver and the clear
// PII store, in one transaction, and logs who did it. Gold holds no personal data (figures are
// keyed by the pseudonymous customer id only), so it keeps its totals. The customer stays
// marked erased in silver, so later re-exports of the same customer are scrubbed on arrival.
import type pg from "pg";
import { inTransaction } from "../db/in-transaction";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export type ErasureReport = { customerId: string; found: boolean; bronzeRows: number; webEvents: number };

export async function eraseCustomer(pool: pg.Pool, db: PrismaClient, actor: CurrentUser, customerId: string): Promise<ErasureReport> {
  assertCan(actor, "pii:erase");
  const report = await inTransaction(pool, async (client) => {
    const silver = await client.query(
      `UPDATE silver_customers SET email_hash = NULL, email_domain = NULL, city = NULL, erased_at = coalesce(erased_at, now()) WHERE customer_id = $1`,
      [customerId],
    );
    await client.query("DELETE FROM customer_pii WHERE customer_id = $1", [customerId]);
    const bronze = await client.query(`UPDATE bronze_customers SET ${SCRUB_BRONZE_CUSTOMER} WHERE customer_id = $1`, [customerId]);
    // Web events are stored as their values, or as the whole line (see NdjsonFramer).
    const web = await client.query(
      `UPDATE bronze_web_events
          SET ip = NULL, user_agent = NULL,
              line = CASE WHEN line IS NOT NULL THEN (line::jsonb || '{"ip": null, "user_agent": null}')::text END
        WHERE customer_id = $1 OR (line IS NOT NULL AND pg_input_is_valid(line, 'jsonb') AND line::jsonb ->> 'customer_id' = $1)`,
      [customerId],
    );
    await client.query(`UPDATE silver_web_events SET ip_hash = 'erased', ip_masked = 'erased', user_agent = 'erased' WHERE customer_id = $1`, [customerId]);
    return { customerId, found: (silver.rowCount ?? 0) > 0, bronzeRows: bronze.rowCount ?? 0, webEvents: web.rowCount ?? 0 };
  });
  await db.auditLog.create({ data: { actorId: actor.id, action: "customer.erased", target: customerId, details: report } });
  return report;
}

export const SCRUB_BRONZE_CUSTOMER = "email = '[erased]', first_name = '[erased]', last_name = '[erased]', city = NULL";
