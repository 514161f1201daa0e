// The serve handler of app/api/inngest called the way the Inngest server calls it:
// introspection (GET), in-band sync (PUT), step execution (POST) with memoised step results,
// a failed step and its retry, a step failing for good, and request signatures.
import { ANALYTICS_PHASES } from "../lib/pipeline/analytics-phases";
import { randomBytes } from "node:crypto";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type pg from "pg";
import { createTestDatabase, type TestDatabase } from "../scripts/test/test-database";
import { createInngestClient } from "./client";
import { createFunctions } from "./functions";
import { BASE, call, type Handler } from "./testing/serve-calls";
import { testDeps } from "./testing/test-deps";

let db: TestDatabase;
/** Events the functions sent, caught where the Inngest event API would be. */
const sent: { name: string; data: Record<string, unknown> }[] = [];
const fakeEventApi: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.includes("/e/")) throw new Error(`unexpected call to ${url}`);
  const events = JSON.parse(String(init?.body)) as typeof sent;
  sent.push(...events);
  return new Response(JSON.stringify({ ids: events.map((_, i) => `evt-${sent.length}-${i}`), status: 200 }), { status: 200, headers: { "content-type": "application/json" } });
};
/** The next `failures` connections taken by a step fail (a database outage). */
let failures = 0;
const pool = (): pg.Pool =>
  new Proxy(db.pool, {
    get(target, prop, receiver) {
      if (prop === "connect" && failures > 0) {
        failures--;
        return async () => {
          throw new Error("connection terminated unexpectedly");
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });

const SIGNING_KEY = `signkey-test-${randomBytes(32).toString("hex")}`;
const devClient = createInngestClient({ isDev: true, fetch: fakeEventApi, eventKey: "test-event-key" });
const cloudClient = createInngestClient({ isDev: false, signingKey: SIGNING_KEY, fetch: fakeEventApi, eventKey: "test-event-key" });
const CRON = "TZ=Europe/Paris 30 6 * * *";
let dev: ReturnType<typeof serve>;
let cloud: ReturnType<typeof serve>;

beforeAll(async () => {
  db = await createTestDatabase();
  dev = serve({ client: devClient, functions: createFunctions(devClient, testDeps(pool, null), { cron: CRON }) });
  cloud = serve({ client: cloudClient, functions: createFunctions(cloudClient, testDeps(pool, null), { cron: CRON }) });
});
afterAll(async () => db?.drop());

type Op = { id: string; op: string; name?: string; displayName?: string; data?: unknown; error?: { message: string } };
type StepState = Record<string, { type: "data"; data: unknown } | { type: "error"; error: unknown }>;

/**
 * What the Inngest executor does for one run: POST, memoise each reported step, POST again,
 * until the function returns. A failed step is retried (same state, attempt + 1) up to
 * `maxAttempts`; after the last one its error is memoised and the function resumes with it.
 */
async function executeRun(handler: Handler, fnId: string, event: Record<string, unknown>, options: { maxAttempts?: number; signingKey?: string } = {}) {
  const maxAttempts = options.maxAttempts ?? 4;
  const runId = `01RUN${randomBytes(6).toString("hex").toUpperCase()}`;
  const steps: StepState = {};
  const stack: string[] = [];
  const trace: string[] = [];
  let attempt = 0;
  for (let request = 0; request < 60; request++) {
    const body = { event, events: [event], steps, ctx: { run_id: runId, attempt, max_attempts: maxAttempts, stack: { stack, current: stack.length } }, version: 2 };
    const res = await call(handler, "POST", `${BASE}?fnId=${fnId}&stepId=step`, { body, signingKey: options.signingKey });
    if (res.status !== 206) return { status: res.status, body: res.json, trace, runId };
    for (const op of res.json as Op[]) {
      const name = op.displayName ?? op.name ?? op.id;
      if (op.op === "StepError") {
        trace.push(`${name}:error(attempt ${attempt})`);
        if (attempt + 1 < maxAttempts) attempt++;
        else {
          steps[op.id] = { type: "error", error: op.error };
          stack.push(op.id);
          attempt = 0;
        }
        continue;
      }
      if (op.op === "StepFailed") {
        // the SDK reports the last attempt's failure itself (it knows max_attempts)
        trace.push(`${name}:failed`);
        steps[op.id] = { type: "error", error: op.error };
        stack.push(op.id);
        attempt = 0;
        continue;
      }
      trace.push(`${name}:${op.op}`);
      steps[op.id] = { type: "data", data: op.op === "WaitForEvent" ? null : (op.data ?? null) };
      stack.push(op.id);
      attempt = 0;
    }
  }
  throw new Error("the run did not finish");
}

const lastRun = async () =>
  (await db.pool.query<{ id: string; trigger: string; status: string; error: string | null }>("SELECT id, trigger, status, error FROM pipeline_run ORDER BY id DESC LIMIT 1")).rows[0];
const stepsOf = async (runId: string) => (await db.pool.query<{ name: string; status: string }>("SELECT name, status FROM pipeline_step WHERE run_id = $1 ORDER BY id", [runId])).rows.map((s) => `${s.name}:${s.status}`);

describe("the serve handler, called as the Inngest server calls it", () => {
  test("GET introspection answers with the function count and mode", async () => {
    const res = await call(dev.GET as Handler, "GET", BASE);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ function_count: 3, mode: "dev", has_event_key: true });
  });

  test("PUT in-band sync describes every function: ids, triggers, retries, concurrency", async () => {
    const res = await call(cloud.PUT as Handler, "PUT", BASE, { body: { url: BASE }, headers: { "x-inngest-sync-kind": "in_band" }, signingKey: SIGNING_KEY });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sync-kind")).toBe("in_band");
    expect(res.json.app_id).toBe("ecommerce-analytics");
    const fns = Object.fromEntries((res.json.functions as { id: string }[]).map((f) => [f.id, f])) as Record<string, any>;
    expect(Object.keys(fns).sort()).toEqual(["ecommerce-analytics-pipeline-daily", "ecommerce-analytics-pipeline-on-request", "ecommerce-analytics-pipeline-on-upload"]);
    expect(fns["ecommerce-analytics-pipeline-daily"].triggers).toEqual([{ cron: CRON }]);
    expect(fns["ecommerce-analytics-pipeline-on-upload"].triggers).toEqual([{ event: "app/file.uploaded" }]);
    expect(fns["ecommerce-analytics-pipeline-on-request"].triggers).toEqual([{ event: "app/pipeline.requested" }]);
    expect(fns["ecommerce-analytics-pipeline-on-upload"].debounce).toEqual({ period: "30s", timeout: "5m" });
    for (const fn of Object.values(fns)) {
      expect(fn.concurrency).toEqual({ limit: 1, key: `"pipeline"`, scope: "env" });
      expect(fn.steps.step.retries).toEqual({ attempts: 3 });
      expect(fn.steps.step.runtime.url).toBe(`${BASE}?fnId=${fn.id}&stepId=step`);
    }
  });

  test("POST step execution runs the pipeline step by step; a failed step is retried on its own", async () => {
    sent.length = 0;
    // the "silver" step's first attempt loses its database connection; its retry succeeds
    let armed = true;
    const handler: Handler = async (req, ctx) => {
      const body = await req.clone().json().catch(() => null);
      const done = Object.keys(body?.steps ?? {}).length;
      if (armed && done === 2) {
        failures = 1; // steps so far: open-run, ingest → this request runs silver
        armed = false;
      }
      return (dev.POST as Handler)(req, ctx);
    };
    const event = { name: "app/pipeline.requested", data: { full: true }, id: "evt-1", ts: Date.now() };
    const out = await executeRun(handler, "ecommerce-analytics-pipeline-on-request", event);
    expect(out.status).toBe(200);
    expect(out.trace).toEqual([
      "open-run:StepRun",
      "ingest:StepRun",
      "silver:error(attempt 0)",
      "silver:StepRun",
      "quality:StepRun",
      "gold:StepRun",
      ...ANALYTICS_PHASES.map((p) => `${p.name}:StepRun`),
      "retention:StepRun",
      "close-run:StepRun",
      "notify-finished:StepRun",
    ]);
    const run = await lastRun();
    expect(out.body).toEqual({ runId: run.id, status: "SUCCESS", qualityGate: "passed", error: null });
    expect(run).toMatchObject({ trigger: "manual", status: "SUCCESS" });
    // the failed attempt never reached the database (its connection failed); the retry did.
    // (no drop folder configured here: the ingest step has nothing to do and records nothing)
    expect(await stepsOf(run.id)).toEqual(["silver", "quality", "gold", ...ANALYTICS_PHASES.map((p) => p.name), "retention"].map((name) => `${name}:SUCCESS`));
    expect(sent.map((e) => ({ name: e.name, data: e.data }))).toEqual([{ name: "app/pipeline.finished", data: { runId: run.id, status: "SUCCESS" } }]);
  });

  test("a step failing every attempt closes the run as failed and sends app/pipeline.failed", async () => {
    sent.length = 0;
    const handler: Handler = async (req, ctx) => {
      const body = await req.clone().json().catch(() => null);
      if (Object.keys(body?.steps ?? {}).length === 3) failures = 1; // open-run, ingest, silver done → quality fails
      return (dev.POST as Handler)(req, ctx);
    };
    const out = await executeRun(handler, "ecommerce-analytics-pipeline-on-upload", { name: "app/file.uploaded", data: { fileId: "7" }, id: "evt-2", ts: Date.now() }, { maxAttempts: 2 });
    expect(out.trace.slice(3)).toEqual(["quality:error(attempt 0)", "quality:failed", "close-run-failed:StepRun", "notify-failure:StepRun"]);
    expect(out.status).toBe(400); // NonRetriableError: the Inngest run ends failed, not retried as a whole
    expect(JSON.stringify(out.body)).toMatch(/connection terminated unexpectedly/);
    const run = await lastRun();
    expect(run).toMatchObject({ trigger: "upload", status: "FAILED", error: "connection terminated unexpectedly" });
    expect(sent.map((e) => ({ name: e.name, data: e.data }))).toEqual([
      { name: "app/pipeline.failed", data: { runId: run.id, trigger: "upload", qualityGate: null, error: "connection terminated unexpectedly", inngestRunId: out.runId } },
      { name: "app/pipeline.finished", data: { runId: run.id, status: "FAILED" } },
    ]);
  });

  test("with a signing key, signed requests are accepted and unsigned or wrongly signed ones refused", async () => {
    const event = { name: "app/pipeline.requested", data: {}, id: "evt-3", ts: Date.now() };
    const body = { event, events: [event], steps: {}, ctx: { run_id: "01SIGNED", attempt: 0, stack: { stack: [], current: 0 } }, version: 2 };
    const url = `${BASE}?fnId=ecommerce-analytics-pipeline-on-request&stepId=step`;
    const unsigned = await call(cloud.POST as Handler, "POST", url, { body });
    expect(unsigned.status).toBe(401);
    const wrong = await call(cloud.POST as Handler, "POST", url, { body, signingKey: `signkey-test-${randomBytes(32).toString("hex")}` });
    expect(wrong.status).toBe(401);
    expect((await call(cloud.PUT as Handler, "PUT", BASE, { body: { url: BASE }, headers: { "x-inngest-sync-kind": "in_band" } })).status).toBe(401);
    expect((await call(cloud.GET as Handler, "GET", BASE)).status).toBe(401);
    expect(await db.pool.query("SELECT 1 FROM pipeline_run WHERE scope->>'inngestRunId' = '01SIGNED'")).toMatchObject({ rowCount: 0 });

    const signed = await call(cloud.POST as Handler, "POST", url, { body, signingKey: SIGNING_KEY });
    expect(signed.status).toBe(206);
    expect(signed.json[0]).toMatchObject({ op: "StepRun", displayName: "open-run", data: { claimed: true } });
    expect(signed.headers.get("x-inngest-signature")).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
    expect((await call(cloud.GET as Handler, "GET", BASE, { signingKey: SIGNING_KEY })).json).toMatchObject({ authentication_succeeded: true, function_count: 3 });
    await db.pool.query("UPDATE pipeline_run SET status = 'FAILED', finished_at = now() WHERE scope->>'inngestRunId' = '01SIGNED'");
  });
});
