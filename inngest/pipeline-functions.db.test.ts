// The pipeline functions run by @inngest/test's engine: the real step bodies against a real
// PostgreSQL and a generated drop folder. (The engine runs each step once, with no retries and
// no Inngest server; step.sendEvent and step.waitForEvent are mocked by step id.)
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../lib/generator/generate";
import { ANALYTICS_PHASES } from "../lib/pipeline/analytics-phases";
import { createTestDatabase, type TestDatabase } from "../scripts/test/test-database";
import { createInngestClient } from "./client";
import { createDailyPipeline } from "./functions/daily-pipeline";
import { createPipelineOnRequest } from "./functions/pipeline-on-request";
import { createPipelineOnUpload } from "./functions/pipeline-on-upload";
import { testDeps } from "./testing/test-deps";
import { claimRun, RUN_LOCK, RunInProgressError, withRunLock } from "../lib/pipeline/pipeline-phases";

let db: TestDatabase;
let inbox: string;
const client = createInngestClient({ isDev: true });
const sent: { id: string; payload: unknown }[] = [];
const mockSend = (id: string) => ({ id, handler: () => (sent.push({ id, payload: id }), { ids: [`evt-${id}`] }) });
// A fresh array per engine: the engine records executed steps into the array it was given.
const notify = () => [mockSend("notify-finished"), mockSend("notify-failure")];

beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await mkdtemp(path.join(os.tmpdir(), "inngest-inbox-"));
  await generate({ outDir: inbox, from: "2026-10-01", to: "2026-10-20", scale: "demo", seed: 1, dirty: false, gzip: false });
}, 120_000);
afterAll(async () => {
  await db?.drop();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

const runs = async () =>
  (await db.pool.query<{ id: string; trigger: string; status: string; quality_gate: string | null; error: string | null; scope: Record<string, unknown> }>("SELECT id, trigger, status, quality_gate, error, scope FROM pipeline_run ORDER BY id")).rows;
const stepsOf = async (runId: string) => (await db.pool.query<{ name: string; status: string }>("SELECT name, status FROM pipeline_step WHERE run_id = $1 ORDER BY id", [runId])).rows;

describe("pipeline functions with @inngest/test", () => {
  test("the daily function runs every phase as its own step: drop folder → gold, run recorded", async () => {
    const t = new InngestTestEngine({ function: createDailyPipeline(client, testDeps(() => db.pool, inbox), "TZ=Europe/Paris 30 6 * * *"), steps: notify() });
    const { result, error, ctx } = await t.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "SUCCESS", qualityGate: "passed", error: null });
    const ids = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(ids).toEqual(["open-run", "ingest", "silver", "quality", "gold", ...ANALYTICS_PHASES.map((p) => p.name), "retention", "close-run"]);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("notify-finished", { name: "app/pipeline.finished", data: { runId: (result as { runId: string }).runId, status: "SUCCESS" } });

    const [run] = await runs();
    expect(run).toMatchObject({ trigger: "cron", status: "SUCCESS", quality_gate: "passed", error: null });
    // (the test engine gives every execution of the handler a new run id; Inngest keeps one per run)
    expect(run.scope.inngestRunId).toEqual(expect.any(String));
    // Sources loaded while others still load are merged during the ingest step (its own row).
    expect(await stepsOf(run.id)).toEqual(["ingest", "silver-early", "silver", "quality", "gold", ...ANALYTICS_PHASES.map((p) => p.name), "retention"].map((name) => ({ name, status: "SUCCESS" })));
    const { rows } = await db.pool.query<{ days: number; revenue: string }>("SELECT count(*)::int AS days, sum(revenue)::text AS revenue FROM gold_sales_daily");
    expect(rows[0].days).toBeGreaterThan(10);
    expect(Number(rows[0].revenue)).toBeGreaterThan(0);
    // the drop folder was emptied into archive/
    const left = (await readdir(path.join(inbox, "orders"))).filter((f) => !f.startsWith("."));
    expect(left).toEqual([]);
  });

  test("a run asked for with a range of days records that scope and rebuilds those days", async () => {
    const t = new InngestTestEngine({ function: createPipelineOnRequest(client, testDeps(() => db.pool, inbox)), steps: notify() });
    const { result, error } = await t.execute({ events: [{ name: "app/pipeline.requested", data: { from: "2026-10-05", to: "2026-10-06" } }] });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "SUCCESS" });
    const run = (await runs()).at(-1)!;
    expect(run).toMatchObject({ trigger: "manual", status: "SUCCESS" });
    expect(run.scope).toMatchObject({ from: "2026-10-05", to: "2026-10-06", full: false });
    expect((await stepsOf(run.id)).find((s) => s.name === "gold")).toEqual({ name: "gold", status: "SUCCESS" });
  });

  test("a bad range is refused without opening a run, and announced", async () => {
    const before = (await runs()).length;
    const t = new InngestTestEngine({ function: createPipelineOnRequest(client, testDeps(() => db.pool, inbox)), steps: notify() });
    const { error, ctx } = await t.execute({ events: [{ name: "app/pipeline.requested", data: { from: "2026-10-06" } }] });
    expect(String((error as Error)?.message ?? error)).toMatch(/from and to go together/);
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect((await runs()).length).toBe(before);
  });

  test("a step that fails stops the run there (the test engine has no retries)", async () => {
    const deps = testDeps(() => db.pool, inbox);
    // the gold step fails for real: its database work is refused
    await db.pool.query(`CREATE FUNCTION refuse_gold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full while writing gold'; END $$`);
    await db.pool.query(`CREATE TRIGGER refuse_gold BEFORE INSERT ON pipeline_step FOR EACH ROW WHEN (NEW.name = 'gold') EXECUTE FUNCTION refuse_gold()`);
    const t = new InngestTestEngine({ function: createPipelineOnUpload(client, deps), steps: notify() });
    const { error, ctx } = await t.execute({ events: [{ name: "app/file.uploaded", data: { fileId: "1", source: "orders", channel: "upload" } }] });
    await db.pool.query("DROP TRIGGER refuse_gold ON pipeline_step; DROP FUNCTION refuse_gold()");
    expect(String((error as Error)?.message ?? JSON.stringify(error))).toMatch(/disk full while writing gold/);
    // The engine stops at the failed step (it models no retries and never hands the error back);
    // the close-run-failed / app/pipeline.failed path after the last retry is exercised through
    // the serve handler in serve.db.test.ts.
    const run = (await runs()).at(-1)!;
    expect(run).toMatchObject({ trigger: "upload", status: "RUNNING" });
    expect(ctx.step.run).toHaveBeenCalledWith("gold", expect.any(Function));
    expect(ctx.step.run).not.toHaveBeenCalledWith("retention", expect.any(Function));
    await db.pool.query("UPDATE pipeline_run SET status = 'FAILED', finished_at = now() WHERE id = $1", [run.id]);
    // the next run is not blocked by the failed one
    const next = new InngestTestEngine({ function: createPipelineOnUpload(client, deps), steps: notify() });
    expect((await next.execute({ events: [{ name: "app/file.uploaded", data: {} }] })).result).toMatchObject({ status: "SUCCESS" });
  });

  test("a run is not opened while another Inngest run holds its lease or a command-line run holds the lock", async () => {
    const pool = db.pool;
    const first = await claimRun(pool, "upload", {}, "01FIRST");
    expect(first).toMatchObject({ claimed: true });
    const runId = (first as { runId: string }).runId;
    expect(await claimRun(pool, "cron", {}, "01SECOND")).toEqual({ claimed: false, reason: `run #${runId} is in progress` });
    // a retried "open-run" step of the same Inngest run gets its run back
    expect(await claimRun(pool, "upload", {}, "01FIRST")).toEqual({ claimed: true, runId, abandoned: 0 });
    await pool.query("UPDATE pipeline_run SET status = 'SUCCESS', finished_at = now() WHERE id = $1", [runId]);
    const cli = await pool.connect();
    try {
      await cli.query("SELECT pg_advisory_lock($1)", [RUN_LOCK]);
      expect(await claimRun(pool, "cron", {}, "01SECOND")).toEqual({ claimed: false, reason: "an in-process or command-line run holds the run lock" });
      await expect(withRunLock(pool, async () => 1)).rejects.toBeInstanceOf(RunInProgressError);
    } finally {
      await cli.query("SELECT pg_advisory_unlock($1)", [RUN_LOCK]);
      cli.release();
    }
    const second = await claimRun(pool, "cron", {}, "01SECOND");
    expect(second).toMatchObject({ claimed: true });
    await pool.query("UPDATE pipeline_run SET status = 'SUCCESS', finished_at = now() WHERE id = $1", [(second as { runId: string }).runId]);
  });

  test("a run left RUNNING by a dead process (no lease) is abandoned by the next run", async () => {
    const { rows } = await db.pool.query<{ id: string }>(`INSERT INTO pipeline_run (trigger, scope, status) VALUES ('cli', '{}', 'RUNNING') RETURNING id`);
    const t = new InngestTestEngine({ function: createDailyPipeline(client, testDeps(() => db.pool, inbox), "TZ=Europe/Paris 30 6 * * *"), steps: notify() });
    const { result } = await t.execute();
    expect(result).toMatchObject({ status: "SUCCESS" });
    expect((await runs()).find((r) => r.id === rows[0].id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^abandoned/) });
  });
});
