// triggerPipelineRun without Inngest: the run starts inside this process (one at a time, one
// more queued) with the app's settings, and lands in pipeline_run with its trigger and scope.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { newInbox } from "./testing/pipeline-run";
import { triggerPipelineRun } from "./trigger-run";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  vi.stubEnv("INNGEST_EVENT_KEY", "");
  vi.stubEnv("INNGEST_DEV", "0");
  vi.stubEnv("DATABASE_URL", db.url);
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret-0123456789");
  vi.stubEnv("PII_HASH_KEY", "test-pii-key-0123456789");
  vi.stubEnv("INBOX_DIR", await newInbox());
  vi.stubEnv("INBOX_STABLE_SECONDS", "0");
});
afterAll(async () => {
  const g = globalThis as unknown as { __db?: { close: () => Promise<void> } };
  await g.__db?.close();
  delete g.__db;
  vi.unstubAllEnvs();
  await db?.drop();
});

async function finishedRuns(count: number) {
  for (let i = 0; i < 300; i++) {
    const { rows } = await db.pool.query("SELECT trigger, scope, status::text AS status FROM pipeline_run ORDER BY id");
    if (rows.length >= count && rows.every((r) => r.status !== "RUNNING")) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("runs did not finish");
}

describe("triggerPipelineRun in process", () => {
  it("starts a run, queues a second one requested meanwhile, and records both", async () => {
    expect(await triggerPipelineRun("manual", { from: "2026-10-01", to: "2026-10-03", full: false })).toEqual({ via: "in-process", queued: false });
    expect(await triggerPipelineRun("upload", { fileId: "1" })).toEqual({ via: "in-process", queued: true });
    const runs = await finishedRuns(2);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ trigger: "manual", scope: { from: "2026-10-01", to: "2026-10-03", full: false } });
    // An upload run has no scope of its own.
    expect(runs[1]).toMatchObject({ trigger: "upload", scope: { from: null, to: null, full: false } });
    // Nothing in the inbox: both runs succeed with nothing to do.
    expect(runs.map((r) => r.status)).toEqual(["SUCCESS", "SUCCESS"]);
  });
});
