// Gold depends on the data, not on how it arrived: re-running changes nothing, a full rebuild
// gives the same rows, and loading the fixture day by day (in any order, one run per day) ends
// with the same gold as loading it all at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { allFixtureFiles, csvFile, DAYS, EXTRA_DAY, fixtureDay } from "../testing/fixture";
import { goldChecksums, newInbox, runWith } from "../testing/pipeline-run";

const databases: TestDatabase[] = [];
async function freshDb() {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
afterAll(async () => {
  for (const db of databases) await db.drop();
});

let reference: Record<string, string | null>;
beforeAll(async () => {
  const db = await freshDb();
  expect(await runWith(db.pool, await newInbox(), allFixtureFiles())).toMatchObject({ status: "SUCCESS" });
  reference = await goldChecksums(db.pool);
});

async function loadDayByDay(order: readonly (typeof DAYS)[number][]) {
  const db = await freshDb();
  const inbox = await newInbox();
  const outcomes = [];
  for (const day of order) outcomes.push((await runWith(db.pool, inbox, fixtureDay(day))).status);
  return { db, outcomes };
}

async function sessionsByDay(db: TestDatabase) {
  const { rows } = await db.pool.query("SELECT day::text, sum(sessions)::int AS s, sum(purchase_sessions)::int AS p FROM gold_web_daily GROUP BY day ORDER BY day");
  return rows.map((r) => [r.day, r.s, r.p]);
}

describe("gold checksums", () => {
  it("cover every gold table with rows", () => {
    for (const [table, sum] of Object.entries(reference)) expect(sum, table).not.toBeNull();
  });

  it("do not change when the pipeline runs again with nothing new, nor on a full rebuild", async () => {
    const db = await freshDb();
    const inbox = await newInbox();
    expect((await runWith(db.pool, inbox, allFixtureFiles())).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(reference);
    expect((await runWith(db.pool, inbox, [])).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(reference);
    expect((await runWith(db.pool, inbox, [], { full: true })).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(reference);
    expect((await runWith(db.pool, inbox, [], { from: "2026-10-01", to: "2026-10-03" })).status).toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(reference);
  });

  it("are the same when the days arrive one run each, in order (the daily routine)", async () => {
    const { db, outcomes } = await loadDayByDay(["2026-10-01", "2026-10-02", "2026-10-03"]);
    expect(outcomes).toEqual(["SUCCESS", "SUCCESS", "SUCCESS"]);
    // Session 3 starts at 23:50 on 01/10 (day-1 file) and buys ORD-4 at 01:30 on 02/10 (day-2 file): one session,
    // converted, on 1 October — as when everything is loaded at once. [day, sessions, purchase sessions]:
    expect(await sessionsByDay(db)).toEqual([["2026-10-01", 3, 2], ["2026-10-02", 1, 0], ["2026-10-03", 2, 1]]);
    expect(await goldChecksums(db.pool)).toEqual(reference);
  });

  it("are the same when the days arrive out of order (3, 1, 2)", async () => {
    const { db, outcomes } = await loadDayByDay(["2026-10-03", "2026-10-01", "2026-10-02"]);
    // Day 3 alone refers to customers, products and order lines that only day 1 brings: its gate fails and
    // gold waits; the marks it left are rebuilt by the next, passing run.
    expect(outcomes).toEqual(["FAILED", "SUCCESS", "SUCCESS"]);
    expect(await goldChecksums(db.pool)).toEqual(reference);
  });
});

describe("a product change delivered after the orders it applies to", () => {
  // From 4 October 00:00 SKU-00004 costs 27.00 (was 25.00) and SKU-00003 is withdrawn from sale.
  const change = csvFile("products", "products_2026-10-04.csv", [
    { sku: "SKU-00003", name: "Coussin en lin", category: "Déco", brand: "Maison Test", unit_cost: "8.00", list_price: "20.00", active: "false", updated_at: "2026-10-04T00:00:00+02:00" },
    { sku: "SKU-00004", name: "Lampe de table", category: "Déco", brand: "Maison Test", unit_cost: "27.00", list_price: "60.00", active: "true", updated_at: "2026-10-04T00:00:00+02:00" },
  ]);
  const day4Facts = async (db: TestDatabase) => ({
    cost: (await db.pool.query("SELECT cost::text FROM gold_sales_daily WHERE day = '2026-10-04'")).rows, // ORD-7: 1 × SKU-00004
    sku3: (await db.pool.query("SELECT active, stockout FROM gold_stock_daily WHERE day = '2026-10-04' AND sku = 'SKU-00003'")).rows,
  });

  it("gives the same gold as when it arrives with them", async () => {
    const together = await freshDb();
    expect((await runWith(together.pool, await newInbox(), [...allFixtureFiles(), ...fixtureDay(EXTRA_DAY), change])).status).toBe("SUCCESS");
    // cost in force when ORD-7 was placed (15:00 on 4 October) = 27.00; SKU-00003 inactive that day: its stock-out does not count
    expect(await day4Facts(together)).toEqual({ cost: [{ cost: "27.00" }], sku3: [{ active: false, stockout: true }] });

    const late = await freshDb();
    const inbox = await newInbox();
    expect((await runWith(late.pool, inbox, [...allFixtureFiles(), ...fixtureDay(EXTRA_DAY)])).status).toBe("SUCCESS");
    expect((await runWith(late.pool, inbox, [change])).status).toBe("SUCCESS");
    expect(await day4Facts(late)).toEqual(await day4Facts(together));
    expect(await goldChecksums(late.pool)).toEqual(await goldChecksums(together.pool));
  });
});
