// The read-only SQL login: reads gold and the pseudonymised dataset views; cannot read bronze,
// silver tables or clear PII, and cannot write or create anything.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { allFixtureFiles } from "../pipeline/testing/fixture";
import { newInbox, runWith } from "../pipeline/testing/pipeline-run";
import { pgConfigFromUrl } from "./connection";
import { createSqlAccess } from "./sql-access";

describe("read-only SQL access", () => {
  let db: TestDatabase;
  let reader: pg.Client;
  const role = `reader_${randomBytes(4).toString("hex")}`;
  const password = "reader-password-0123";

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await runWith(db.pool, await newInbox(), allFixtureFiles())).status).toBe("SUCCESS");
    await createSqlAccess(db.pool, { role, password });
    // Running it twice refreshes, it does not fail.
    await createSqlAccess(db.pool, { role, password });
    reader = new pg.Client({ ...pgConfigFromUrl(db.url), user: role, password });
    await reader.connect();
  }, 120_000);
  afterAll(async () => {
    await reader?.end();
    await db.pool.query(`DROP OWNED BY "${role}"`);
    await db.pool.query(`DROP ROLE "${role}"`);
    await db.drop();
  });

  const denied = (sql: string) => expect(reader.query(sql), sql).rejects.toThrow(/permission denied|read-only transaction/);

  it("reads gold tables and the dataset views", async () => {
    expect((await reader.query("SELECT sum(orders)::int AS n FROM gold_sales_daily")).rows[0].n).toBe(5);
    expect((await reader.query("SELECT count(*)::int AS n FROM analytics.orders")).rows[0].n).toBe(6);
    const columns = (await reader.query("SELECT * FROM analytics.customers LIMIT 1")).fields.map((f) => f.name);
    expect(columns).toContain("email_hash");
    expect(columns).not.toContain("email");
  });

  it("cannot read bronze, silver tables or clear personal data", async () => {
    await denied("SELECT * FROM bronze_customers");
    await denied("SELECT * FROM customer_pii");
    await denied("SELECT * FROM silver_customers");
    await denied("SELECT * FROM app_user");
    await denied("SELECT * FROM api_token");
  });

  it("cannot write anything", async () => {
    await denied("INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES ('2030-01-01', 'x', 1, 1, 0, 0, 1, 0)");
    await denied("DELETE FROM gold_sales_daily");
    await denied("CREATE TABLE public.mine (x int)");
    await denied("CREATE TABLE analytics.mine (x int)");
    await denied("DROP VIEW analytics.orders");
    await reader.query("SET default_transaction_read_only = off");
    await denied("UPDATE gold_sales_daily SET orders = 0");
  });
});
