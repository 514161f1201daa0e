// Web-event retention: raw daily partitions older than the retention period are dropped once
// aggregated, and the aggregates (gold_web_daily) must survive later rebuilds of those days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { allFixtureFiles } from "../testing/fixture";
import { goldChecksums, newInbox, runWith } from "../testing/pipeline-run";

let db: TestDatabase;
let inbox: string;
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
});
afterAll(() => db?.drop());

// October 2026 is more than 30 days before today's test runs (the suite was written in November 2026;
// the fixture's days only get older), so a 30-day retention drops all three web-event partitions.
const RETENTION = { webRetentionDays: 30 };
const webByDay = async () =>
  (await db.pool.query("SELECT day::text, sum(sessions)::int AS s, sum(purchase_sessions)::int AS p FROM gold_web_daily GROUP BY day ORDER BY day")).rows.map((r) => [r.day, r.s, r.p]);
const partitions = async () =>
  (await db.pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'silver_web_events'::regclass ORDER BY 1")).rows.map((r) => r.relname);

describe("web-event retention", () => {
  it("drops the expired raw partitions after aggregating them", async () => {
    expect((await runWith(db.pool, inbox, allFixtureFiles(), RETENTION)).status).toBe("SUCCESS");
    expect(await partitions()).toEqual([]);
    // [day, sessions, purchase sessions] — see lib/pipeline/gold/kpis.db.test.ts
    expect(await webByDay()).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
  });

  it("keeps the aggregates of dropped days through a full rebuild and a from/to rebuild", async () => {
    const before = await goldChecksums(db.pool);
    expect((await runWith(db.pool, inbox, [], { ...RETENTION, full: true })).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(before);
    expect((await runWith(db.pool, inbox, [], { ...RETENTION, from: "2026-10-01", to: "2026-10-03" })).status).toBe("SUCCESS");
    expect(await webByDay()).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
    expect(await goldChecksums(db.pool)).toEqual(before);
  });
});
