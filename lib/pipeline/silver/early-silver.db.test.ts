// Silver merges during ingest: the ingest phase merges every source whose files are all loaded
// while other sources still load (step "silver-early"), and leaves the last one to the silver
// step. A merge that fails fails the phase once every file is loaded, and no merge follows it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { ingestPhase, silverPhase } from "../pipeline-phases";
import { openRun } from "../run-record";
import { allFixtureFiles } from "../testing/fixture";
import { dropFiles, newInbox, PII_KEY, TIME_ZONE } from "../testing/pipeline-run";
import { takeMergeable } from "./early-silver";
import { SILVER_SPECS } from "./silver-specs";

let db: TestDatabase;
let inboxDir: string;
let runId: bigint;
const options = () => ({ inboxDir, stableSeconds: 0, timeZone: TIME_ZONE, piiKey: PII_KEY, webRetentionDays: 100_000 });

beforeEach(async () => {
  db = await createTestDatabase();
  inboxDir = await newInbox();
  await dropFiles(inboxDir, allFixtureFiles());
  runId = await openRun(db.pool, "cli", {});
});
afterEach(() => db?.drop());

const bySource = async () =>
  (
    await db.pool.query<{ source: string; files: number; merged: number }>(
      `SELECT source, count(*)::int AS files, count(silver_at)::int AS merged FROM ingest_file WHERE status = 'loaded' GROUP BY source ORDER BY source`,
    )
  ).rows;
const steps = async () =>
  (await db.pool.query<{ name: string; status: string; rows_out: string | null; error: string | null }>("SELECT name, status, rows_out, error FROM pipeline_step WHERE run_id = $1 ORDER BY id", [runId])).rows;

describe("the ingest phase's early silver merges", () => {
  it("merge every source but the last one loaded, whole, and the silver step merges that one", async () => {
    await ingestPhase(db.pool, runId, options());
    const sources = await bySource();
    expect(sources.length).toBe(new Set(allFixtureFiles().map((f) => f.source)).size);
    const left = sources.filter((s) => s.merged === 0);
    expect(left).toHaveLength(1);
    expect(sources.filter((s) => s !== left[0]).every((s) => s.merged === s.files)).toBe(true);
    // Rows merged, as counted in the merged sources' silver tables (a first load inserts each once).
    let inSilver = 0;
    for (const s of sources.filter((x) => x.merged)) {
      const spec = SILVER_SPECS.find((x) => x.source === s.source)!;
      inSilver += (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.table}`)).rows[0].n;
    }
    expect(inSilver).toBeGreaterThan(0);
    expect((await steps()).map((s) => [s.name, s.status, s.rows_out])).toEqual([
      ["ingest", "SUCCESS", expect.any(String)],
      ["silver-early", "SUCCESS", String(inSilver)],
    ]);

    await silverPhase(db.pool, runId, options());
    expect((await bySource()).every((s) => s.merged === s.files)).toBe(true);
  });

  it("a failed merge fails the phase after every file is loaded; no merge starts after it", async () => {
    // Every merge writes gold marks: the first one to do so fails, counting itself (sequences are not rolled back).
    await db.pool.query(`
      CREATE SEQUENCE early_failures;
      CREATE FUNCTION early_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('early_failures'); RAISE EXCEPTION 'merge refused by the test'; END $$;
      CREATE TRIGGER early_fail AFTER INSERT ON gold_dirty FOR EACH STATEMENT EXECUTE FUNCTION early_fail();`);
    await expect(ingestPhase(db.pool, runId, options())).rejects.toThrow("merge refused by the test");
    const sources = await bySource();
    expect(sources.reduce((n, s) => n + s.files, 0)).toBe(allFixtureFiles().length);
    expect(sources.every((s) => s.merged === 0)).toBe(true);
    // Nine sources queued, two merged at a time: the first failure stops the rest.
    expect(Number((await db.pool.query<{ n: string }>("SELECT last_value::text AS n FROM early_failures")).rows[0].n)).toBeLessThanOrEqual(2);
    expect((await steps()).map((s) => [s.name, s.status, s.error])).toEqual([
      ["ingest", "SUCCESS", null],
      ["silver-early", "FAILED", expect.stringContaining("merge refused by the test")],
    ]);
  });

  it("merge nothing when a single source has files (the silver step does it)", async () => {
    inboxDir = await newInbox(); // instead of the whole fixture
    await dropFiles(inboxDir, allFixtureFiles().filter((f) => f.source === "customers"));
    await ingestPhase(db.pool, runId, options());
    expect((await steps()).map((s) => s.name)).toEqual(["ingest"]);
    expect((await bySource()).map((s) => [s.source, s.merged])).toEqual([["customers", 0]]);
  });
});

describe("takeMergeable", () => {
  it("takes the first queued source whose gold marks no running merge writes", () => {
    const queue: Parameters<typeof takeMergeable>[0] = ["customers", "payments", "orders"];
    // orders marks customers: neither customers nor orders merges beside it.
    expect(takeMergeable(queue, new Set(["orders"]))).toBe("payments");
    expect(takeMergeable(queue, new Set(["orders"]))).toBeUndefined();
    expect(queue).toEqual(["customers", "orders"]);
    expect(takeMergeable(queue, new Set(["web_events"]))).toBe("customers");
    expect(takeMergeable(queue, new Set())).toBe("orders");
  });
});
