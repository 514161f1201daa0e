// Web-event retention: raw daily partitions older than the retention period are dropped, or cut
// down to a sample of sessions, once aggregated; the aggregates (gold_web_daily) must survive
// later rebuilds of those days.
import { createHash } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { retireExpiredWebDays } from "../silver/web-retention";
import { allFixtureFiles, fixtureDay } from "../testing/fixture";
import { goldChecksums, newInbox, runWith } from "../testing/pipeline-run";

// October 2026 is more than 30 days before today's test runs (the suite was written in November 2026;
// the fixture's days only get older), so a 30-day retention expires all three web-event partitions.
const RETENTION = { webRetentionDays: 30 };
const DAYS = ["2026-10-01", "2026-10-02", "2026-10-03"];
const webByDay = async (pool: pg.Pool) =>
  (await pool.query("SELECT day::text, sum(sessions)::int AS s, sum(purchase_sessions)::int AS p FROM gold_web_daily GROUP BY day ORDER BY day")).rows.map((r) => [r.day, r.s, r.p]);
const partitions = async (pool: pg.Pool) =>
  (await pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'silver_web_events'::regclass ORDER BY 1")).rows.map((r) => r.relname);
const rebuildsKeepGold = async (pool: pg.Pool, inbox: string, over: object) => {
  const before = await goldChecksums(pool);
  expect((await runWith(pool, inbox, [], { ...over, full: true })).status).toBe("SUCCESS");
  expect(await goldChecksums(pool)).toEqual(before);
  expect((await runWith(pool, inbox, [], { ...over, from: DAYS[0], to: DAYS[2] })).status).toBe("SUCCESS");
  expect(await goldChecksums(pool)).toEqual(before);
};

let db: TestDatabase;
let inbox: string;
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
});
afterAll(() => db?.drop());

describe("web-event retention", () => {
  it("drops the expired raw partitions after aggregating them", async () => {
    expect((await runWith(db.pool, inbox, allFixtureFiles(), RETENTION)).status).toBe("SUCCESS");
    expect(await partitions(db.pool)).toEqual([]);
    // [day, sessions, purchase sessions] — see lib/pipeline/gold/kpis.db.test.ts
    expect(await webByDay(db.pool)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
  });

  it("keeps the aggregates of dropped days through a full rebuild and a from/to rebuild", async () => {
    await rebuildsKeepGold(db.pool, inbox, RETENTION);
    expect(await webByDay(db.pool)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
  });
});

// Second implementation of the sampling rule: first 32 bits of md5(session_id), mod 10 000.
const bucket = (sessionId: string) => parseInt(createHash("md5").update(sessionId).digest("hex").slice(0, 8), 16) % 10000;
type Event = { day: string; session: string; id: string };
const events = async (pool: pg.Pool): Promise<Event[]> =>
  (await pool.query("SELECT event_date::text AS day, session_id AS session, event_id AS id FROM silver_web_events ORDER BY event_id")).rows;
/** The events left once `retired` days are sampled at `percent`: a session seen on a retired day
 *  keeps all its events or none (session 3 runs from 1 into 2 October). */
const sampled = (all: Event[], retired: string[], percent: number) => {
  const touched = new Set(all.filter((e) => retired.includes(e.day)).map((e) => e.session));
  return all.filter((e) => !touched.has(e.session) || bucket(e.session) < percent * 100);
};
const sessionNo = (id: string) => Number(id.slice(-12));

describe("web-event retention with a sample of sessions", () => {
  let db: TestDatabase;
  let inbox: string;
  let all: Event[];
  let gold: Record<string, string | null>;
  const retiredDays = async () => (await db.pool.query("SELECT day::text, sample_percent, retired_at FROM silver_web_retired_days ORDER BY day")).rows;
  // A database of its own, the fixture loaded with nothing past retention.
  beforeAll(async () => {
    db = await createTestDatabase();
    inbox = await newInbox();
    expect((await runWith(db.pool, inbox, allFixtureFiles())).status).toBe("SUCCESS");
    all = await events(db.pool);
    gold = await goldChecksums(db.pool);
  });
  afterAll(() => db?.drop());

  it("the rule splits the fixture's sessions: 1, 2 and 6 in a 70% sample, 2 alone in a 50% one", () => {
    const sessions = [...new Set(all.map((e) => e.session))];
    expect(sessions.map(sessionNo)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sessions.filter((s) => bucket(s) < 7000).map(sessionNo)).toEqual([1, 2, 6]);
    expect(sessions.filter((s) => bucket(s) < 5000).map(sessionNo)).toEqual([2]);
  });

  it("samples an expired day whole sessions at a time, the next day included, and gold stays as aggregated", async () => {
    // Only 1 October past retention: today − retention = 2 October.
    const { rows } = await db.pool.query("SELECT (now() AT TIME ZONE 'Europe/Paris')::date - '2026-10-02'::date AS n");
    const first = { webRetentionDays: rows[0].n, webSamplePercent: 70 };
    // 100% keeps every event (the day is still retired); a lower share later cuts it down.
    expect((await runWith(db.pool, inbox, [], { ...first, webSamplePercent: 100 })).status).toBe("SUCCESS");
    expect(await events(db.pool)).toEqual(all);
    expect((await retiredDays()).map((r) => [r.day, r.sample_percent])).toEqual([["2026-10-01", 100]]);
    expect((await runWith(db.pool, inbox, [], first)).status).toBe("SUCCESS");
    expect(await events(db.pool)).toEqual(sampled(all, ["2026-10-01"], 70));
    // Session 3 (out of the sample) is gone from 2 October too, where it bought after midnight.
    expect((await events(db.pool)).filter((e) => e.day === "2026-10-02").map((e) => sessionNo(e.session))).toEqual([4]);
    expect((await retiredDays()).map((r) => [r.day, r.sample_percent])).toEqual([["2026-10-01", 70]]);
    expect(await goldChecksums(db.pool)).toEqual(gold);
    // Rebuilding 2 October must not count the rest of session 3 as a session of its own.
    await rebuildsKeepGold(db.pool, inbox, first);
  });

  it("samples the other days past retention the same way; a second run changes nothing", async () => {
    const over = { ...RETENTION, webSamplePercent: 70 };
    expect((await runWith(db.pool, inbox, [], over)).status).toBe("SUCCESS");
    const kept = sampled(all, DAYS, 70);
    expect(kept.map((e) => sessionNo(e.session))).toEqual([1, 1, 1, 1, 1, 2, 2, 6, 6]);
    expect(await events(db.pool)).toEqual(kept);
    const retired = await retiredDays();
    expect(retired.map((r) => [r.day, r.sample_percent])).toEqual(DAYS.map((d) => [d, 70]));
    expect(await goldChecksums(db.pool)).toEqual(gold);

    expect((await runWith(db.pool, inbox, [], over)).status).toBe("SUCCESS");
    expect(await retiredDays()).toEqual(retired);
    expect(await events(db.pool)).toEqual(kept);
    await rebuildsKeepGold(db.pool, inbox, over);
    expect(await webByDay(db.pool)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
  });

  it("new events beside a sampled day leave its aggregates alone", async () => {
    // 4 October's events mark 3 October for rebuilding too (a session may cross midnight).
    expect((await runWith(db.pool, inbox, fixtureDay("2026-10-04"), { ...RETENTION, webSamplePercent: 70 })).status).toBe("SUCCESS");
    expect(await webByDay(db.pool)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1], ["2026-10-04", 1, 1]]);
    // Session 7, 4 October's only one, is out of the sample: the day was aggregated, then emptied.
    expect(await events(db.pool)).toEqual(sampled(all, DAYS, 70));
    gold = await goldChecksums(db.pool);
  });

  it("refuses a share that is not a whole percent from 0 to 100", async () => {
    for (const samplePercent of [12.5, -1, 101]) await expect(retireExpiredWebDays(db.pool, { retentionDays: 30, samplePercent, timeZone: "Europe/Paris" })).rejects.toThrow(/sample percent/);
  });

  it("a smaller share keeps a subset of the sample; 0 drops the partitions", async () => {
    expect((await runWith(db.pool, inbox, [], { ...RETENTION, webSamplePercent: 50 })).status).toBe("SUCCESS");
    expect(await events(db.pool)).toEqual(sampled(all, DAYS, 50));
    expect((await retiredDays()).map((r) => r.sample_percent)).toEqual([50, 50, 50, 50]);
    expect((await runWith(db.pool, inbox, [], RETENTION)).status).toBe("SUCCESS");
    expect(await partitions(db.pool)).toEqual([]);
    expect((await retiredDays()).map((r) => r.sample_percent)).toEqual([0, 0, 0, 0]);
    expect(await goldChecksums(db.pool)).toEqual(gold);
    await rebuildsKeepGold(db.pool, inbox, RETENTION);
  });
});

describe("web-event retention beside autovacuum", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await runWith(db.pool, await newInbox(), allFixtureFiles())).status).toBe("SUCCESS");
  });
  afterAll(() => db?.drop());

  it("leaves a partition another session holds (as autovacuum does) for the next run, its day before's sessions cleaned from it", async () => {
    const all = await events(db.pool);
    const holder = await db.pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("LOCK TABLE silver_web_events_p20261002 IN SHARE UPDATE EXCLUSIVE MODE");
      const retired = await retireExpiredWebDays(db.pool, { retentionDays: 30, samplePercent: 0, timeZone: "Europe/Paris" });
      expect(retired).toBe(2);
      expect(await partitions(db.pool)).toEqual(["silver_web_events_p20261002"]);
      expect((await db.pool.query("SELECT day::text FROM silver_web_retired_days ORDER BY day")).rows.map((r) => r.day)).toEqual(["2026-10-01", "2026-10-03"]);
      // Session 3 began on 1 October (dropped): its events of 2 October went with it; session 4 stays.
      const left = (await events(db.pool)).map((e) => sessionNo(e.session));
      expect(left).toEqual(all.filter((e) => e.day === "2026-10-02" && sessionNo(e.session) === 4).map(() => 4));
      expect(left.length).toBeGreaterThan(0);
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    expect(await retireExpiredWebDays(db.pool, { retentionDays: 30, samplePercent: 0, timeZone: "Europe/Paris" })).toBe(1);
    expect(await partitions(db.pool)).toEqual([]);
    expect((await db.pool.query("SELECT day::text FROM silver_web_retired_days ORDER BY day")).rows.map((r) => r.day)).toEqual(["2026-10-01", "2026-10-02", "2026-10-03"]);
  });
});

// A day already past retention when it is first loaded is summarised per (day, session) instead
// of stored raw (silver/web-summaries). Its gold must be what keeping every raw event gives: the
// reference is the same files loaded into a database of its own with nothing past retention.
describe("web days past retention at their first load", () => {
  let db: TestDatabase;
  let reference: TestDatabase;
  let inbox: string;
  let referenceInbox: string;
  let onlyFirstDay: { webRetentionDays: number };
  const summaries = async (pool: pg.Pool) =>
    (await pool.query("SELECT event_date::text AS day, session_id, events, purchase_orders FROM silver_web_session_days ORDER BY 1, 2")).rows.map((r) => [
      r.day,
      sessionNo(r.session_id),
      r.events,
      r.purchase_orders,
    ]);
  beforeAll(async () => {
    [db, reference] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    [inbox, referenceInbox] = await Promise.all([newInbox(), newInbox()]);
    // Only 1 October past retention: today − retention = 2 October.
    const { rows } = await db.pool.query("SELECT (now() AT TIME ZONE 'Europe/Paris')::date - '2026-10-02'::date AS n");
    onlyFirstDay = { webRetentionDays: rows[0].n };
    expect((await runWith(reference.pool, referenceInbox, allFixtureFiles())).status).toBe("SUCCESS");
  });
  afterAll(() => Promise.all([db?.drop(), reference?.drop()]));

  it("summarises 1 October alone, keeps 2 and 3 October raw, and gives the reference's gold", async () => {
    expect((await runWith(db.pool, inbox, allFixtureFiles(), onlyFirstDay)).status).toBe("SUCCESS");
    expect(await partitions(db.pool)).toEqual(["silver_web_events_p20261002", "silver_web_events_p20261003"]);
    // Sessions 1, 2 and 3 began on 1 October; session 3 bought after midnight (2 October, raw).
    expect(await summaries(db.pool)).toEqual([
      ["2026-10-01", 1, 5, ["ORD-00000001"]],
      ["2026-10-01", 2, 2, []],
      ["2026-10-01", 3, 1, []],
    ]);
    expect((await db.pool.query("SELECT day::text, sample_percent FROM silver_web_retired_days")).rows).toEqual([{ day: "2026-10-01", sample_percent: 0 }]);
    expect(await goldChecksums(db.pool)).toEqual(await goldChecksums(reference.pool));
    expect(await webByDay(db.pool)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
  });

  it("rebuilds 2 October from raw events beside 1 October's summaries: session 3 is not counted twice", async () => {
    await rebuildsKeepGold(db.pool, inbox, onlyFirstDay);
    expect(await goldChecksums(db.pool)).toEqual(await goldChecksums(reference.pool));
  });

  it("ignores events arriving later for a summarised day, as for a retired one", async () => {
    const gold = await goldChecksums(db.pool);
    const [firstEvent] = fixtureDay("2026-10-01").find((f) => f.source === "web_events")!.content.split("\n");
    const late = firstEvent.replace("8000-000000000001", "8000-000000000999").replace(/9000-000000000001/g, "9000-000000000099");
    expect(late).not.toBe(firstEvent);
    expect((await runWith(db.pool, inbox, [{ source: "web_events", name: "web_events_2026-10-01_late.ndjson", content: `${late}\n` }], onlyFirstDay)).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(gold);
    await rebuildsKeepGold(db.pool, inbox, onlyFirstDay);
  });

  it("summarises every day past retention, and new days beside them give the reference's gold", async () => {
    const fresh = await createTestDatabase();
    try {
      const freshInbox = await newInbox();
      expect((await runWith(fresh.pool, freshInbox, allFixtureFiles(), RETENTION)).status).toBe("SUCCESS");
      expect(await partitions(fresh.pool)).toEqual([]);
      expect((await summaries(fresh.pool)).map(([day]) => day)).toEqual(["2026-10-01", "2026-10-01", "2026-10-01", "2026-10-02", "2026-10-02", "2026-10-03", "2026-10-03"]);
      expect(await goldChecksums(fresh.pool)).toEqual(await goldChecksums(reference.pool));
      await rebuildsKeepGold(fresh.pool, freshInbox, RETENTION);
      expect((await runWith(fresh.pool, freshInbox, fixtureDay("2026-10-04"), RETENTION)).status).toBe("SUCCESS");
      expect((await runWith(reference.pool, referenceInbox, fixtureDay("2026-10-04"))).status).toBe("SUCCESS");
      expect(await goldChecksums(fresh.pool)).toEqual(await goldChecksums(reference.pool));
    } finally {
      await fresh.drop();
    }
  });

  it("still checks a summarised day's purchases against the orders (the quality gate fails on an unknown one)", async () => {
    const fresh = await createTestDatabase();
    try {
      const files = allFixtureFiles().map((f) => (f.source === "web_events" ? { ...f, content: f.content.replace('"ORD-00000001"', '"ORD-00000099"') } : f));
      const outcome = await runWith(fresh.pool, await newInbox(), files, RETENTION);
      expect(outcome).toMatchObject({ status: "FAILED", qualityGate: "failed" });
      const failing = await fresh.pool.query("SELECT rule_id, failing_rows::int AS n, details FROM quality_result WHERE run_id = $1 AND NOT passed", [outcome.runId]);
      expect(failing.rows.map((r) => [r.rule_id, r.n])).toEqual([["web_events.purchase_order_exists", 1]]);
      expect(JSON.stringify(failing.rows[0].details)).toContain("session 00000000-0000-4000-9000-000000000001");
    } finally {
      await fresh.drop();
    }
  });
});
