// Silver from the hand-made fixture: personal data pseudonymised (keyed hashes computed here
// independently with node:crypto), clear values kept apart in customer_pii, rows breaking a row
// rule quarantined with their rule, and the latest version winning whatever the load order.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { allFixtureFiles, csvFile, customer, line, order } from "../testing/fixture";
import { newInbox, PII_KEY, runWith } from "../testing/pipeline-run";

const keyed = (key: string, label: string, value: string) => createHash("sha256").update(`${key}:${label}:${value}`, "utf8").digest("hex");

let db: TestDatabase;
let inbox: string;
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
  expect((await runWith(db.pool, inbox, allFixtureFiles())).status).toBe("SUCCESS");
});
afterAll(() => db?.drop());

const columnsOf = async (table: string) =>
  (await db.pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY 1", [table])).rows.map((r) => r.column_name);
const customerRow = async (id: string) =>
  (await db.pool.query("SELECT c.email_hash, c.email_domain, c.city, p.email, p.first_name, p.last_name FROM silver_customers c JOIN customer_pii p USING (customer_id) WHERE customer_id = $1", [id])).rows[0];

describe("personal data in silver", () => {
  it("silver_customers has no clear email or name; customer_pii has them", async () => {
    const cols = await columnsOf("silver_customers");
    expect(cols).toContain("email_hash");
    for (const clear of ["email", "first_name", "last_name"]) expect(cols).not.toContain(clear);
    expect(await customerRow("C0000002")).toEqual({
      // keyed hash of the lower-cased email; the clear value keeps the case it was exported with
      email_hash: keyed(PII_KEY, "email", "jean.dupont@example.com"),
      email_domain: "example.com",
      city: "Paris",
      email: "Jean.Dupont@Example.com",
      first_name: "Jean",
      last_name: "Dupont",
    });
    const { rows } = await db.pool.query("SELECT first_name FROM customer_pii WHERE customer_id = 'C0000001'");
    expect(rows).toEqual([{ first_name: "Hélène" }]);
  });

  it("silver_web_events keeps a keyed IP hash and the address with its last octet zeroed, never the IP", async () => {
    const cols = await columnsOf("silver_web_events");
    expect(cols).toEqual(expect.arrayContaining(["ip_hash", "ip_masked"]));
    expect(cols).not.toContain("ip");
    const { rows } = await db.pool.query("SELECT ip_hash, ip_masked FROM silver_web_events WHERE event_id = '00000000-0000-4000-8000-000000000001'");
    expect(rows).toEqual([{ ip_hash: keyed(PII_KEY, "ip", "90.12.34.56"), ip_masked: "90.12.34.0" }]);
  });

  it("the email hash is stable when the customer is re-exported in a later run", async () => {
    const outcome = await runWith(db.pool, inbox, [
      csvFile("customers", "customers_2026-10-04.csv", [customer(2, "Jean.Dupont@Example.com", "Jean", "Dupont", "Nantes", { updated_at: "2026-10-04T09:00:00+02:00" })]),
    ]);
    expect(outcome.status).toBe("SUCCESS");
    expect(await customerRow("C0000002")).toMatchObject({ email_hash: keyed(PII_KEY, "email", "jean.dupont@example.com"), city: "Nantes" });
  });
});

describe("row rules", () => {
  it("quarantines a row breaking a row rule, with its rule, and keeps it out of silver", async () => {
    // Line 2: ORD-90 updated before it was ordered. ORD-91 line 2: discount 50.00 > 1 × 20.00.
    const orders = csvFile("orders", "orders_2026-10-06.csv", [
      order(90, 1, "2026-10-06T10:00:00", "paid", "web", "4.90", "2026-10-05T10:00:00"),
      order(91, 1, "2026-10-06T11:00:00", "paid", "web", "4.90", "2026-10-06T11:01:00"),
    ]);
    const lines = csvFile("order_lines", "order_lines_2026-10-06.csv", [line(91, 1, 1, 1, "30.00"), line(91, 2, 3, 1, "20.00", "50.00")]);
    await runWith(db.pool, inbox, [orders, lines]);

    const { rows } = await db.pool.query(
      `SELECT f.file_name, r.line_no, r.rule FROM ingest_reject r JOIN ingest_file f ON f.id = r.file_id WHERE r.rule IS NOT NULL ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { file_name: "order_lines_2026-10-06.csv", line_no: 3, rule: "order_lines.discount_within_line" },
      { file_name: "orders_2026-10-06.csv", line_no: 2, rule: "orders.updated_after_ordered" },
    ]);
    const kept = await db.pool.query("SELECT order_id FROM silver_orders WHERE order_id IN ('ORD-00000090', 'ORD-00000091')");
    expect(kept.rows).toEqual([{ order_id: "ORD-00000091" }]);
    const keptLines = await db.pool.query("SELECT line_no FROM silver_order_lines WHERE order_id = 'ORD-00000091'");
    expect(keptLines.rows).toEqual([{ line_no: 1 }]);
  });
});

describe("row rules of web events", () => {
  it("quarantines an event breaking one, with its rule, and loads the others", async () => {
    const ev = (n: number, type: string, extra: Record<string, string> = {}) =>
      JSON.stringify({
        event_id: `00000000-0000-4000-8000-${String(950 + n).padStart(12, "0")}`, ts: "2026-10-06T10:00:00+02:00",
        session_id: "00000000-0000-4000-9000-000000000950", anonymous_id: "00000000-0000-4000-a000-000000000950", customer_id: null,
        type, sku: null, order_id: null, url: "https://shop.example.fr/", referrer: null, utm_source: null, utm_medium: null, utm_campaign: null,
        user_agent: "Mozilla/5.0 (Test)", ip: "90.12.34.99", ...extra,
      });
    // Line 2: a purchase without its order; line 3: a product view without its product.
    const content = [ev(1, "page_view"), ev(2, "purchase"), ev(3, "product_view"), ev(4, "product_view", { sku: "SKU-00001" })].join("\n");
    expect((await runWith(db.pool, inbox, [{ source: "web_events", name: "web_events_2026-10-06.ndjson", content }])).status).toBe("SUCCESS");

    const { rows } = await db.pool.query(
      "SELECT r.line_no, r.rule FROM ingest_reject r JOIN ingest_file f ON f.id = r.file_id WHERE f.file_name = 'web_events_2026-10-06.ndjson' ORDER BY 1",
    );
    expect(rows).toEqual([
      { line_no: 2, rule: "web_events.purchase_has_order" },
      { line_no: 3, rule: "web_events.product_events_have_sku" },
    ]);
    const kept = await db.pool.query("SELECT right(event_id::text, 3) AS n FROM silver_web_events WHERE event_date = '2026-10-06' ORDER BY 1");
    expect(kept.rows).toEqual([{ n: "951" }, { n: "954" }]);
  });
});

describe("latest version wins", () => {
  it("even when the newer file is loaded first and the older one in a later run", async () => {
    const newer = [
      csvFile("orders", "orders_2026-10-08.csv", [order(92, 3, "2026-10-07T10:00:00", "delivered", "web", "4.90", "2026-10-08T16:00:00")]),
      csvFile("customers", "customers_2026-10-08.csv", [customer(3, "amelie.roux@example.org", "Amélie", "Roux", "Marseille", { updated_at: "2026-10-08T09:00:00+02:00" })]),
      csvFile("order_lines", "order_lines_2026-10-07.csv", [line(92, 1, 2, 1, "40.00")]),
    ];
    const older = [
      csvFile("orders", "orders_2026-10-07.csv", [order(92, 3, "2026-10-07T10:00:00", "paid", "web", "4.90", "2026-10-07T10:01:00")]),
      csvFile("customers", "customers_2026-10-07.csv", [customer(3, "amelie.old@example.org", "Amelie", "Roux", "Nice", { updated_at: "2026-10-07T09:00:00+02:00" })]),
    ];
    await runWith(db.pool, inbox, newer);
    await runWith(db.pool, inbox, older);

    const { rows } = await db.pool.query("SELECT status, updated_at FROM silver_orders WHERE order_id = 'ORD-00000092'");
    expect(rows).toEqual([{ status: "delivered", updated_at: new Date("2026-10-08T14:00:00Z") }]);
    expect(await customerRow("C0000003")).toEqual({
      email_hash: keyed(PII_KEY, "email", "amelie.roux@example.org"),
      email_domain: "example.org",
      city: "Marseille",
      email: "amelie.roux@example.org",
      first_name: "Amélie",
      last_name: "Roux",
    });
  });
});

describe("web events stored whole or as their values", () => {
  it("reach silver with the same typed values, escapes and all", async () => {
    const base = {
      ts: "2026-10-05T23:30:00+02:00", session_id: "00000000-0000-4000-9000-000000000900", anonymous_id: "00000000-0000-4000-a000-000000000900",
      customer_id: null, type: "page_view", sku: null, order_id: null, url: "https://shop.example.fr/\u00e9t\u00e9", referrer: null,
      utm_source: "news\tletter", utm_medium: null, utm_campaign: null, user_agent: 'UA "q" \\ back\nslash', ip: "90.12.34.99",
    };
    // Line 1 is a flat object of strings (stored as its values); line 2 has \u escapes and a
    // number where a string belongs, so it is stored whole and unpacked by jsonb in silver.
    const flat = JSON.stringify({ event_id: "00000000-0000-4000-8000-000000000901", ...base });
    const whole = JSON.stringify({ event_id: "00000000-0000-4000-8000-000000000902", ...base, referrer: 7 }).replace('"page_view"', '"page\\u005fview"');
    // Line 3, stored whole too, falls on a day no partition was created ahead for (they are
    // created from the days of the values stored in columns): the merge creates it.
    const lateWhole = JSON.stringify({ event_id: "00000000-0000-4000-8000-000000000903", ...base, ts: "2026-08-01T10:00:00+02:00", referrer: 7 });
    const outcome = await runWith(db.pool, inbox, [{ source: "web_events", name: "web_events_2026-10-05.ndjson", content: `${flat}\n${whole}\n${lateWhole}\n` }]);
    expect(outcome.status).toBe("SUCCESS");
    const bronze = await db.pool.query("SELECT src_line, line IS NOT NULL AS whole FROM bronze_web_events WHERE event_id LIKE '%0901' OR line LIKE '%0902%' ORDER BY src_line");
    expect(bronze.rows).toEqual([{ src_line: 1, whole: false }, { src_line: 2, whole: true }]);
    const { rows } = await db.pool.query(
      "SELECT event_id, event_date::text, type, url, referrer, utm_source, user_agent FROM silver_web_events WHERE session_id = $1 ORDER BY event_id",
      [base.session_id],
    );
    const expected = { event_date: "2026-10-05", type: "page_view", url: "https://shop.example.fr/\u00e9t\u00e9", utm_source: "news\tletter", user_agent: 'UA "q" \\ back\nslash' };
    expect(rows).toEqual([
      { event_id: "00000000-0000-4000-8000-000000000901", referrer: null, ...expected },
      { event_id: "00000000-0000-4000-8000-000000000902", referrer: "7", ...expected },
      { event_id: "00000000-0000-4000-8000-000000000903", referrer: "7", ...expected, event_date: "2026-08-01" },
    ]);
  });
});

describe("a hash key with characters special to String.replace", () => {
  it("is used verbatim", async () => {
    const other = await createTestDatabase();
    try {
      const key = "k$&-$$-0123456789abcdef";
      const outcome = await runWith(other.pool, await newInbox(), [csvFile("customers", "customers_2026-10-01.csv", [customer(1, "helene.martin@example.fr", "Hélène", "Martin", "Lyon")])], { piiKey: key });
      expect(outcome.error).toBeNull();
      const { rows } = await other.pool.query("SELECT email_hash FROM silver_customers");
      expect(rows).toEqual([{ email_hash: keyed(key, "email", "helene.martin@example.fr") }]);
    } finally {
      await other.drop();
    }
  });
});
