// Erasure removes a customer's personal data everywhere it is held, survives a re-export of
// the same customer, and is logged; other customers are untouched.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { ForbiddenError } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { generate } from "../generator/generate";
import { runPipeline } from "../pipeline/run-pipeline";
import { eraseCustomer } from "./erase-customer";

const options = (inboxDir: string) => ({ trigger: "cli" as const, inboxDir, timeZone: "Europe/Paris", piiKey: "test-key-0123456789", stableSeconds: 0, webRetentionDays: 100_000 });

describe("erasing a customer", () => {
  let db: TestDatabase;
  let admin: CurrentUser;
  let inbox: string;
  let target: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const row = await db.prisma.user.create({ data: { email: "dpo@example.test", name: "DPO", role: "admin", passwordHash: "x" } });
    admin = { id: row.id, email: row.email, name: row.name, role: "admin", locale: "fr" };
    inbox = await mkdtemp(path.join(os.tmpdir(), "erase-inbox-"));
    await generate({ outDir: inbox, from: "2026-10-01", to: "2026-10-14", scale: "demo", seed: 7, dirty: false, gzip: false });
    expect((await runPipeline(db.pool, options(inbox))).status).toBe("SUCCESS");
    // a customer with web events (so an IP address) and orders
    const { rows } = await db.pool.query(
      `SELECT e.customer_id FROM silver_web_events e JOIN gold_customer_value g USING (customer_id) WHERE e.customer_id IS NOT NULL LIMIT 1`,
    );
    target = rows[0].customer_id;
  }, 120_000);
  afterAll(() => db.drop());

  it("is refused to anyone without pii:erase", async () => {
    await expect(eraseCustomer(db.pool, db.prisma, { ...admin, role: "analyst" }, target)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("removes email, names and IP from bronze, silver and the PII store, keeps gold figures, and logs it", async () => {
    const goldBefore = (await db.pool.query("SELECT clv FROM gold_customer_value WHERE customer_id = $1", [target])).rows[0].clv;
    const otherBefore = (await db.pool.query("SELECT count(*)::int AS n FROM customer_pii")).rows[0].n;
    const report = await eraseCustomer(db.pool, db.prisma, admin, target);
    expect(report.found).toBe(true);
    expect(report.bronzeRows).toBeGreaterThan(0);

    expect((await db.pool.query("SELECT 1 FROM customer_pii WHERE customer_id = $1", [target])).rowCount).toBe(0);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM customer_pii")).rows[0].n).toBe(otherBefore - 1);
    const silver = (await db.pool.query("SELECT email_hash, email_domain, city, erased_at FROM silver_customers WHERE customer_id = $1", [target])).rows[0];
    expect(silver).toMatchObject({ email_hash: null, email_domain: null, city: null });
    expect(silver.erased_at).toBeInstanceOf(Date);
    const bronze = await db.pool.query("SELECT DISTINCT email, first_name, last_name FROM bronze_customers WHERE customer_id = $1", [target]);
    expect(bronze.rows).toEqual([{ email: "[erased]", first_name: "[erased]", last_name: "[erased]" }]);
    // Bronze web events hold their values in columns, or the whole line (see NdjsonFramer).
    const ips = await db.pool.query(
      `SELECT DISTINCT coalesce(ip, line::jsonb ->> 'ip') AS ip, coalesce(user_agent, line::jsonb ->> 'user_agent') AS user_agent
         FROM bronze_web_events WHERE coalesce(customer_id, line::jsonb ->> 'customer_id') = $1`,
      [target],
    );
    expect(ips.rows).toEqual([{ ip: null, user_agent: null }]);
    const silverWeb = await db.pool.query("SELECT DISTINCT ip_hash, ip_masked FROM silver_web_events WHERE customer_id = $1", [target]);
    expect(silverWeb.rows).toEqual([{ ip_hash: "erased", ip_masked: "erased" }]);
    expect((await db.pool.query("SELECT clv FROM gold_customer_value WHERE customer_id = $1", [target])).rows[0].clv).toBe(goldBefore);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "customer.erased", target } });
    expect(audit.actorId).toBe(admin.id);
  });

  it("scrubs a later re-export of the same customer on arrival", async () => {
    const csv = await import("node:fs/promises");
    const dir = path.join(inbox, "customers");
    await csv.mkdir(dir, { recursive: true });
    const header = "customer_id,email,first_name,last_name,country,city,created_at,marketing_opt_in,updated_at";
    await csv.writeFile(path.join(dir, "customers_2026-10-15.csv"), `${header}\n${target},back.again@example.fr,Revenu,Encore,FR,Lyon,2026-10-01T10:00:00+02:00,true,2026-10-15T10:00:00+02:00\n`);
    expect((await runPipeline(db.pool, options(inbox))).status).toBe("SUCCESS");
    expect((await db.pool.query("SELECT 1 FROM customer_pii WHERE customer_id = $1", [target])).rowCount).toBe(0);
    const silver = (await db.pool.query("SELECT email_hash, city FROM silver_customers WHERE customer_id = $1", [target])).rows[0];
    expect(silver).toEqual({ email_hash: null, city: null });
    const bronze = await db.pool.query("SELECT DISTINCT email FROM bronze_customers WHERE customer_id = $1", [target]);
    expect(bronze.rows).toEqual([{ email: "[erased]" }]);
  }, 60_000);
});
