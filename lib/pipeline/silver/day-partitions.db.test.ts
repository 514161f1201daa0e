// New days of web events are built as plain tables and attached whole: what comes out must be
// the same partitions, keys and gold as inserting row by row — first copy of a repeated event
// kept, days shared by the two batches created ahead, and a day being built by one batch
// waited for (not collided with) by another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { inTransaction } from "../../db/in-transaction";
import type { FixtureFile } from "../testing/fixture";
import { newInbox, runWith } from "../testing/pipeline-run";
import { buildNewDays, createDayPartitions, planDays, type DayTable } from "./day-partitions";

const WEB: DayTable = { table: "silver_web_events", dayColumn: "event_date", key: ["event_date", "event_id"] };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

let n = 0;
const event = (ts: string, session: number, over: Record<string, string> = {}) =>
  JSON.stringify({
    event_id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    ts,
    session_id: `00000000-0000-4000-9000-${String(session).padStart(12, "0")}`,
    anonymous_id: `00000000-0000-4000-a000-${String(session).padStart(12, "0")}`,
    customer_id: null, type: "page_view", sku: null, order_id: null, url: "https://shop.example.fr/", referrer: null,
    utm_source: null, utm_medium: null, utm_campaign: null, user_agent: "Mozilla/5.0 (Test)", ip: "90.12.34.56",
    ...over,
  });
const file = (day: string, lines: string[]): FixtureFile => ({ source: "web_events", name: `web_events_${day}.ndjson`, content: `${lines.join("\n")}\n` });

const partitions = async () =>
  (
    await db.pool.query<{ name: string; pk: boolean; checks: number }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS pk,
              (SELECT count(*)::int FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c') AS checks
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'silver_web_events'::regclass ORDER BY 1`,
    )
  ).rows;

describe("a first load of web events over several days, in two batches", () => {
  it("gives one attached partition per day with its key, the first copy of a repeated event, and gold for every day", async () => {
    const repeated = event("2026-10-05T12:00:00+02:00", 2, { url: "https://shop.example.fr/first" });
    const again = repeated.replace("/first", "/second");
    // Days far enough apart for each to be built by one batch; the 5th's file has an event of
    // 23:30 UTC, the 6th in Paris.
    const files = [
      file("2026-10-01", [event("2026-10-01T09:00:00+02:00", 1), event("2026-10-01T09:01:00+02:00", 1)]),
      file("2026-10-05", [repeated, event("2026-10-05T13:00:00+02:00", 3), again, event("2026-10-05T23:30:00Z", 4)]),
      file("2026-10-09", [event("2026-10-09T10:00:00+02:00", 5)]),
    ];
    const outcome = await runWith(db.pool, await newInbox(), files);
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe("SUCCESS");

    // Filled days only (a day built that no event came for is dropped), each a partition with
    // its primary key, the building CHECK gone.
    expect(await partitions()).toEqual(["20261001", "20261005", "20261006", "20261009"].map((d) => ({ name: `silver_web_events_p${d}`, pk: true, checks: 0 })));
    const { rows: leftovers } = await db.pool.query("SELECT relname FROM pg_class WHERE relname LIKE 'silver_web_events_load%'");
    expect(leftovers).toEqual([]);

    const { rows } = await db.pool.query("SELECT event_date::text AS day, count(*)::int AS events FROM silver_web_events GROUP BY 1 ORDER BY 1");
    expect(rows).toEqual([
      { day: "2026-10-01", events: 2 },
      { day: "2026-10-05", events: 2 },
      { day: "2026-10-06", events: 1 },
      { day: "2026-10-09", events: 1 },
    ]);
    const { rows: kept } = await db.pool.query("SELECT url FROM silver_web_events WHERE event_id = $1", [JSON.parse(repeated).event_id]);
    expect(kept).toEqual([{ url: "https://shop.example.fr/first" }]);

    const { rows: gold } = await db.pool.query("SELECT day::text AS day, sum(sessions)::int AS sessions, sum(events)::int AS events FROM gold_web_daily GROUP BY 1 ORDER BY 1");
    expect(gold).toEqual([
      { day: "2026-10-01", sessions: 1, events: 2 },
      { day: "2026-10-05", sessions: 2, events: 2 },
      { day: "2026-10-06", sessions: 1, events: 1 },
      { day: "2026-10-09", sessions: 1, events: 1 },
    ]);

    // The primary key holds on a day built whole: the same event again is ignored.
    const rerun = await runWith(db.pool, await newInbox(), [file("2026-10-05b", [again])]);
    expect(rerun.status).toBe("SUCCESS");
    const { rows: still } = await db.pool.query("SELECT url FROM silver_web_events WHERE event_id = $1", [JSON.parse(repeated).event_id]);
    expect(still).toEqual([{ url: "https://shop.example.fr/first" }]);
  });
});

describe("planning the days of two batches", () => {
  it("gives each batch the new days only it covers, and creates the shared ones ahead, empty", async () => {
    const ids = await db.pool.query<{ id: string }>(
      `INSERT INTO ingest_file (source, file_name, sha256, size_bytes, channel, status, first_day, last_day)
       VALUES ('web_events', 'a', 'plan-a', 1, 'inbox', 'loaded', '2027-01-01', '2027-01-02'),
              ('web_events', 'b', 'plan-b', 1, 'inbox', 'loaded', '2027-01-04', '2027-01-04'),
              ('web_events', 'c', 'plan-c', 1, 'inbox', 'loaded', '2027-01-01', '2027-03-01') RETURNING id`,
    );
    const [a, b, wide] = ids.rows.map((r) => r.id);
    const owned = await planDays(db.pool, WEB, [[a], [b, wide]]);
    // a covers 12-31 … 01-03, b 01-03 … 01-05; the wide file (two months) covers nothing.
    expect(owned).toEqual([["2026-12-31", "2027-01-01", "2027-01-02"], ["2027-01-04", "2027-01-05"]]);
    expect((await partitions()).map((p) => p.name)).toContain("silver_web_events_p20270103");
    await db.pool.query("DELETE FROM ingest_file WHERE sha256 LIKE 'plan-%'");
  });
});

describe("a day one batch is building", () => {
  it("makes the other batch, meeting it, wait for its commit and then find the partition", async () => {
    const day = "2027-02-10";
    const builder = await db.pool.connect();
    try {
      await builder.query("BEGIN");
      await builder.query("CREATE TEMP TABLE src ON COMMIT DROP AS SELECT * FROM silver_web_events WHERE false");
      await builder.query(
        `INSERT INTO src (event_date, event_id, ts, session_id, anonymous_id, type, url, user_agent, ip_hash, ip_masked)
         VALUES ($1, 'e1', $1::date + time '10:00', 's', 'a', 'page_view', 'u', 'ua', 'h', '90.12.34.0')`,
        [day],
      );
      await builder.query("CREATE TEMP TABLE keys (k0 text) ON COMMIT DROP");
      const cols = ["event_date", "event_id", "ts", "session_id", "anonymous_id", "type", "url", "user_agent", "ip_hash", "ip_masked"];
      const built = await buildNewDays(builder, WEB, [day], "src", cols, { table: "keys", exprs: ["event_date::text AS k0"] });
      expect(built.inserted).toBe(1);

      let created = false;
      const other = inTransaction(db.pool, (client) => createDayPartitions(client, WEB, [day])).then(() => (created = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(created).toBe(false);
      await builder.query(`DROP TABLE ${built.router}`);
      await builder.query("COMMIT");
      await other;
      expect(created).toBe(true);
    } finally {
      builder.release();
    }
    const { rows } = await db.pool.query("SELECT event_id FROM silver_web_events WHERE event_date = $1", [day]);
    expect(rows).toEqual([{ event_id: "e1" }]);
  });
});
