// Failure and recovery: a step whose database connection dies mid-transaction leaves no partial
// gold and the next run repairs everything; a command-line run killed with SIGKILL is marked
// FAILED (abandoned) by the next run, never left RUNNING, and leaves no half-merged silver.
// Both end in gold identical (checksums) to one uninterrupted run over the same inbox.
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { generate } from "../generator/generate";
import { runPipeline } from "./run-pipeline";
import { RUN_LOCK } from "./pipeline-phases";
import { SILVER_SPECS } from "./silver/silver-specs";
import { goldChecksums } from "./testing/pipeline-run";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PII = "failure-test-pii-key-0123456789";
const options = (inboxDir: string) => ({ trigger: "cli" as const, inboxDir, timeZone: "Europe/Paris", piiKey: PII, stableSeconds: 0, webRetentionDays: 100_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const temps: string[] = [];
async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
/** A generated export set, written once; every run gets its own copy (runs move files away). */
async function pristine(from: string, to: string, seed: number) {
  const dir = await tempDir("failure-pristine-");
  await generate({ outDir: dir, from, to, scale: "demo", seed, dirty: false, gzip: false });
  return dir;
}
async function copyOf(dir: string) {
  const inbox = await tempDir("failure-inbox-");
  await cp(dir, inbox, { recursive: true });
  return inbox;
}
/** Gold checksums of one uninterrupted run over a copy of `dir` in a fresh database. */
async function referenceGold(dir: string) {
  const ref = await createTestDatabase();
  try {
    const outcome = await runPipeline(ref.pool, options(await copyOf(dir)));
    expect(outcome.status, outcome.error ?? "").toBe("SUCCESS");
    return await goldChecksums(ref.pool);
  } finally {
    await ref.drop();
  }
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe("a step whose connection is terminated mid-transaction", () => {
  let db: TestDatabase;
  let source: string;
  let reference: Record<string, string | null>;
  let inbox: string;
  let first: Awaited<ReturnType<typeof runPipeline>>;
  const poolErrors: unknown[] = [];

  beforeAll(async () => {
    source = await pristine("2026-10-01", "2026-10-14", 21);
    reference = await referenceGold(source);
    db = await createTestDatabase();
    // Record (not swallow silently) errors the pool reports for clients that die while idle.
    db.pool.on("error", (e) => poolErrors.push(e));
    // The web family's rebuild kills its own backend right after its INSERT: the sequence
    // (not transactional) proves the trigger fired, i.e. rows were written then lost.
    await db.pool.query(`
      CREATE SEQUENCE failure_kills;
      CREATE FUNCTION failure_kill_self() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('failure_kills'); PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;
      CREATE TRIGGER failure_kill AFTER INSERT ON gold_web_daily FOR EACH STATEMENT EXECUTE FUNCTION failure_kill_self();`);
    inbox = await copyOf(source);
    first = await runPipeline(db.pool, options(inbox));
  }, 300_000);
  afterAll(() => db?.drop());

  it("the run ends FAILED with the connection's error, recorded on the run and on the gold step", async () => {
    expect(first.status).toBe("FAILED");
    expect(first.error).toMatch(/terminat/i);
    const kills = await db.pool.query<{ n: string }>("SELECT last_value::text AS n FROM failure_kills");
    expect(Number(kills.rows[0].n)).toBe(1);
    const run = await db.pool.query("SELECT status, error, finished_at IS NOT NULL AS finished FROM pipeline_run WHERE id = $1", [first.runId]);
    expect(run.rows[0]).toMatchObject({ status: "FAILED", finished: true });
    expect(run.rows[0].error).toMatch(/terminat/i);
    const steps = await db.pool.query("SELECT name, status, error FROM pipeline_step WHERE run_id = $1 ORDER BY id", [first.runId]);
    expect(steps.rows.map((s) => [s.name, s.status])).toEqual([["ingest", "SUCCESS"], ["silver-early", "SUCCESS"], ["silver", "SUCCESS"], ["quality", "SUCCESS"], ["gold", "FAILED"]]);
    expect(steps.rows[4].error).toMatch(/terminat/i);
  });

  it("the killed family left no gold rows and kept its dirty marks; every other family is whole or absent", async () => {
    const web = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM gold_web_daily");
    expect(web.rows[0].n).toBe(0);
    const { rows } = await db.pool.query<{ days: string[]; silver: string[] }>(
      `SELECT array(SELECT key FROM gold_dirty WHERE kind = 'web_day' ORDER BY key) AS days,
              array(SELECT DISTINCT event_date::text FROM silver_web_events ORDER BY 1) AS silver`,
    );
    expect(rows[0].silver.length).toBeGreaterThanOrEqual(14);
    // (A session may run past midnight: the days either side are marked too.)
    expect(rows[0].days).toEqual(expect.arrayContaining(rows[0].silver));
    // The other families rebuild in a lane beside web's, which stops at the failure: each one
    // either committed whole (its marks consumed) or wrote nothing and kept its marks.
    const families: Record<string, string[]> = {
      order_day: ["gold_sales_daily", "gold_product_daily", "gold_promo_orders_daily"],
      refund_day: ["gold_refunds_daily"],
      stock_day: ["gold_stock_daily"],
      customer: ["gold_customer_value"],
    };
    const now = await goldChecksums(db.pool);
    for (const [kind, tables] of Object.entries(families)) {
      const marks = (await db.pool.query("SELECT count(*)::int AS n FROM gold_dirty WHERE kind = $1", [kind])).rows[0].n;
      for (const t of tables) {
        if (marks) expect((await db.pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n, t).toBe(0);
        else expect(now[t], t).toBe(reference[t]);
      }
    }
  });

  it("the pool survives: the next run (trigger gone) is SUCCESS and gold equals an uninterrupted run", async () => {
    await db.pool.query("DROP TRIGGER failure_kill ON gold_web_daily");
    const second = await runPipeline(db.pool, options(inbox));
    expect(second, second.error ?? "").toMatchObject({ status: "SUCCESS", error: null });
    expect(await goldChecksums(db.pool)).toEqual(reference);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM gold_dirty")).rows[0].n).toBe(0);
    expect(poolErrors.map(String)).toEqual([]);
  });

  it("a rebuild whose connection dies keeps the previous gold rows (not half-deleted) and the next run restores it", async () => {
    await db.pool.query("CREATE TRIGGER failure_kill AFTER INSERT ON gold_web_daily FOR EACH STATEMENT EXECUTE FUNCTION failure_kill_self()");
    const killed = await runPipeline(db.pool, { ...options(inbox), full: true });
    expect(killed.status).toBe("FAILED");
    expect(killed.error).toMatch(/terminat/i);
    // The DELETE of every web day ran inside the killed transaction: rolled back with it.
    expect((await goldChecksums(db.pool)).gold_web_daily).toBe(reference.gold_web_daily);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM gold_dirty WHERE kind = 'web_day'")).rows[0].n).toBeGreaterThan(0);
    await db.pool.query("DROP TRIGGER failure_kill ON gold_web_daily");
    const again = await runPipeline(db.pool, options(inbox));
    expect(again.status, again.error ?? "").toBe("SUCCESS");
    expect(await goldChecksums(db.pool)).toEqual(reference);
  });

  it("the command line, whose gold connection is terminated, records the run FAILED and exits 1 (not crashing with the run left RUNNING)", async () => {
    await db.pool.query("CREATE TRIGGER failure_kill AFTER INSERT ON gold_web_daily FOR EACH STATEMENT EXECUTE FUNCTION failure_kill_self()");
    try {
      const { exited, output } = spawnCli(db, inbox, ["--full"]);
      const exit = await exited;
      const { rows } = await db.pool.query("SELECT status, error FROM pipeline_run ORDER BY id DESC LIMIT 1");
      expect({ exit, run: rows[0] }, output()).toMatchObject({ exit: { code: 1, signal: null }, run: { status: "FAILED" } });
      expect(output()).toMatch(/FAILED in [\d.]+ s: .*terminat/);
    } finally {
      await db.pool.query("DROP TRIGGER failure_kill ON gold_web_daily");
    }
  }, 120_000);
});

/** The command line over `inbox` on `db`, as its own process (node + tsx loader, so SIGKILL hits the process doing the work). */
function spawnCli(db: TestDatabase, inbox: string, extra: string[] = []): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/pipeline.ts", "--inbox", inbox, "--stable-seconds", "0", ...extra], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, PII_HASH_KEY: PII, REPORTING_TZ: "Europe/Paris", WEB_EVENTS_RETENTION_DAYS: "100000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

/** Polls until `ready` holds, failing if the child exits first. */
async function waitFor(label: string, ready: () => Promise<boolean>, child: ChildProcess, output: () => string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the pipeline process exited (${child.exitCode}) before ${label}:\n${output()}`);
    if (await ready()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${label}:\n${output()}`);
}

/** A dead client's backend may outlive it while it finishes a statement, holding the run lock. */
async function waitForRunLockRelease(db: TestDatabase): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { rows } = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [RUN_LOCK]);
    if (rows[0].n === 0) return Date.now() - started;
    if (Date.now() - started > 60_000) throw new Error("the killed process's backend still holds the run lock after 60 s");
    await sleep(50);
  }
}

/** Every silver merge is whole or absent: in a fresh database, a source whose files have no
 *  silver_at has no silver rows at all, one whose files have it has rows, never a mix. */
async function expectNoPartialSilver(db: TestDatabase) {
  for (const spec of SILVER_SPECS) {
    const { rows } = await db.pool.query<{ merged: number; pending: number; rows: number }>(
      `SELECT count(*) FILTER (WHERE silver_at IS NOT NULL)::int AS merged, count(*) FILTER (WHERE silver_at IS NULL)::int AS pending,
              (SELECT count(*)::int FROM ${spec.table}) AS rows
         FROM ingest_file WHERE source = $1 AND status = 'loaded'`,
      [spec.source],
    );
    const r = rows[0];
    expect(r.merged === 0 || r.pending === 0, `${spec.source}: ${r.merged} merged and ${r.pending} pending files`).toBe(true);
    if (r.merged === 0) expect(r.rows, `${spec.source} has silver rows but no merged file`).toBe(0);
    else expect(r.rows, `${spec.source} merged but empty`).toBeGreaterThan(0);
    if (!spec.insertOnly) {
      const orphan = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${spec.table} t JOIN ingest_file f ON f.id = t.src_file_id WHERE f.silver_at IS NULL`,
      );
      expect(orphan.rows[0].n, `${spec.source} rows from files not marked merged`).toBe(0);
    }
  }
}

/** Bronze holds rows only of files whose load committed. */
async function expectNoPartialBronze(db: TestDatabase) {
  for (const spec of SILVER_SPECS) {
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bronze_${spec.source} b JOIN ingest_file f ON f.id = b.src_file_id WHERE f.status <> 'loaded'`,
    );
    expect(rows[0].n, `bronze_${spec.source} rows of files not loaded`).toBe(0);
  }
}

describe("a command-line run killed with SIGKILL", () => {
  let source: string;
  let reference: Record<string, string | null>;

  beforeAll(async () => {
    source = await pristine("2026-07-01", "2026-09-28", 5);
    reference = await referenceGold(source);
  }, 600_000);

  type Killed = { db: TestDatabase; inbox: string; runId: string; runningSteps: string[]; lockWaitMs: number };

  /** Starts the CLI, kills it once `ready` holds, checks the run is left RUNNING. */
  async function killWhen(label: string, ready: (db: TestDatabase) => Promise<boolean>, setupSql?: string): Promise<Killed> {
    const db = await createTestDatabase();
    if (setupSql) await db.pool.query(setupSql);
    const inbox = await copyOf(source);
    const { child, exited, output } = spawnCli(db, inbox);
    try {
      await waitFor(label, () => ready(db), child, output);
    } finally {
      child.kill("SIGKILL");
    }
    expect((await exited).signal).toBe("SIGKILL");
    const lockWaitMs = await waitForRunLockRelease(db);
    const runs = await db.pool.query<{ id: string; status: string }>("SELECT id::text, status FROM pipeline_run ORDER BY id");
    expect(runs.rows.map((r) => r.status)).toEqual(["RUNNING"]);
    const steps = await db.pool.query<{ id: string }>("SELECT id::text FROM pipeline_step WHERE run_id = $1 AND status = 'RUNNING'", [runs.rows[0].id]);
    // One step, or ingest and the silver merges running beside it.
    expect(steps.rows.length).toBeGreaterThan(0);
    return { db, inbox, runId: runs.rows[0].id, runningSteps: steps.rows.map((s) => s.id), lockWaitMs };
  }

  async function expectRecovered(k: Killed) {
    const next = await runPipeline(k.db.pool, options(k.inbox));
    expect(next.status, next.error ?? "").toBe("SUCCESS");
    const old = await k.db.pool.query("SELECT status, error, finished_at IS NOT NULL AS finished FROM pipeline_run WHERE id = $1", [k.runId]);
    expect(old.rows[0]).toMatchObject({ status: "FAILED", finished: true });
    expect(old.rows[0].error).toMatch(/abandoned/);
    const steps = await k.db.pool.query("SELECT status, error FROM pipeline_step WHERE id = ANY($1::bigint[])", [k.runningSteps]);
    expect(steps.rows).toEqual(k.runningSteps.map(() => ({ status: "FAILED", error: "abandoned" })));
    expect((await k.db.pool.query("SELECT count(*)::int AS n FROM pipeline_run WHERE status = 'RUNNING'")).rows[0].n).toBe(0);
  }

  describe("mid-silver", () => {
    let k: Killed;
    beforeAll(async () => {
      // Killed once at least one source is merged and others are still to be (during ingest or after).
      k = await killWhen("the silver merges to be half-way", async (db) => {
        const { rows } = await db.pool.query<{ running: boolean; merged: boolean; pending: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pipeline_step WHERE name IN ('silver-early', 'silver') AND status = 'RUNNING') AS running,
                  EXISTS (SELECT 1 FROM ingest_file WHERE silver_at IS NOT NULL) AS merged,
                  EXISTS (SELECT 1 FROM ingest_file WHERE status = 'loaded' AND silver_at IS NULL) AS pending`,
        );
        return rows[0].running && rows[0].merged && rows[0].pending;
      });
    }, 300_000);
    afterAll(() => k?.db.drop());

    it("leaves the run RUNNING and silver merged source by source, whole or not at all", async () => {
      await expectNoPartialSilver(k.db);
      await expectNoPartialBronze(k.db);
      const pending = await k.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM ingest_file WHERE status = 'loaded' AND silver_at IS NULL");
      expect(pending.rows[0].n).toBeGreaterThan(0);
    });

    it("the next run marks it FAILED (abandoned), its RUNNING step FAILED, ends SUCCESS with gold equal to an uninterrupted run", async () => {
      await expectRecovered(k);
      await expectNoPartialSilver(k.db);
      expect(await goldChecksums(k.db.pool)).toEqual(reference);
    }, 300_000);
  });

  describe("mid-ingest, while a file is being loaded", () => {
    let k: Killed;
    beforeAll(async () => {
      // An order_lines file (exported once, so losing it shows in gold), killed after its COPY wrote its
      // rows and before its transaction commits: the trigger only widens that window.
      k = await killWhen(
        "an order_lines file half-way through loading",
        async (db) => {
          const { rows } = await db.pool.query<{ processing: number; sleeping: number }>(
            `SELECT (SELECT count(*)::int FROM ingest_file WHERE status = 'processing' AND source = 'order_lines') AS processing,
                    (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep') AS sleeping`,
          );
          return rows[0].processing > 0 && rows[0].sleeping > 0;
        },
        `CREATE FUNCTION failure_slow_load() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
         CREATE TRIGGER failure_slow AFTER INSERT ON bronze_order_lines FOR EACH STATEMENT EXECUTE FUNCTION failure_slow_load();`,
      );
      await k.db.pool.query("DROP TRIGGER failure_slow ON bronze_order_lines");
    }, 300_000);
    afterAll(() => k?.db.drop());

    it("leaves the run RUNNING and no bronze rows of the file being loaded", async () => {
      await expectNoPartialBronze(k.db);
      await expectNoPartialSilver(k.db);
    });

    it("the next run marks it FAILED (abandoned), its RUNNING step FAILED, and ends SUCCESS", async () => {
      await expectRecovered(k);
    }, 300_000);

    it("the file whose load was killed is loaded by the next run: no file left 'processing' nor a duplicate of an unloaded file", async () => {
      const stuck = await k.db.pool.query("SELECT id::text, file_name, status FROM ingest_file WHERE status = 'processing'");
      const dup = await k.db.pool.query(
        `SELECT d.file_name, d.status, o.status AS original_status FROM ingest_file d JOIN ingest_file o ON o.id = d.duplicate_of_id WHERE o.status <> 'loaded'`,
      );
      expect({ stuck: stuck.rows, duplicatesOfUnloaded: dup.rows }).toEqual({ stuck: [], duplicatesOfUnloaded: [] });
    });

    it("after the next run, gold equals an uninterrupted run", async () => {
      expect(await goldChecksums(k.db.pool)).toEqual(reference);
    });
  });
});
