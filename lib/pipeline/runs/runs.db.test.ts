// The pipeline page's read functions over real runs: an empty database's run, the fixture's
// run, and a run whose rows are partly refused (quarantined, found through the run's window).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import type { CurrentUser } from "../../auth/current-user";
import { ForbiddenError } from "../../auth/assert-can";
import { messages } from "../../i18n/messages";
import { ANALYTICS_PHASES } from "../analytics-phases";
import { allFixtureFiles, csvFile, line, order } from "../testing/fixture";
import { ADMIN, newInbox, runWith } from "../testing/pipeline-run";
import { getRun } from "./get-run";
import { listQuarantine } from "./list-quarantine";
import { listRuns } from "./list-runs";
import { runRequestInput } from "./run-request";

const FINANCE = { ...ADMIN, id: "00000000-0000-4000-8000-000000000002", role: "finance" } as CurrentUser;

let db: TestDatabase;
let inbox: string;
const ids: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
  ids.push((await runWith(db.pool, inbox, [])).runId);
  ids.push((await runWith(db.pool, inbox, allFixtureFiles())).runId);
  // One good order, one whose quantity is not a number (refused at ingest).
  const bad = { ...line(9, 1, 1, 1, "30.00"), quantity: "two" };
  ids.push(
    (
      await runWith(db.pool, inbox, [
        csvFile("orders", "orders_2026-10-06.csv", [order(9, 1, "2026-10-06T11:00:00", "paid", "web", "4.90", "2026-10-06T11:01:00")]),
        csvFile("order_lines", "order_lines_2026-10-06.csv", [line(9, 2, 2, 1, "40.00"), bad]),
      ])
    ).runId,
  );
});
afterAll(() => db?.drop());

describe("pipeline run read functions", () => {
  it("an empty database's run ends in success with every step", async () => {
    const run = await getRun(db.pool, ADMIN, BigInt(ids[0]));
    expect(run).toMatchObject({ id: ids[0], status: "SUCCESS", qualityGate: "passed", scope: { from: null, to: null, full: false } });
    const names = ["ingest", "silver", "quality", "gold", ...ANALYTICS_PHASES.map((p) => p.name), "retention"];
    expect(run!.steps.map((s) => [s.name, s.status])).toEqual(names.map((n) => [n, "SUCCESS"]));
    expect(run!.quality.length).toBeGreaterThan(0);
    expect(run!.quality.every((q) => q.passed || q.severity === "warning")).toBe(true);
    expect(run!.quality.find((q) => q.ruleId === "sources.fresh")?.description).toMatch(/36 hours/);
  });

  it("lists runs newest first with durations and steps", async () => {
    const runs = await listRuns(db.pool, ADMIN);
    expect(runs.map((r) => r.id)).toEqual([...ids].reverse());
    for (const r of runs) {
      expect(r.finishedAt).not.toBeNull();
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
      // Runs that loaded files of several sources merged all but the last during ingest.
      expect(r.steps.length).toBe(5 + ANALYTICS_PHASES.length + (r.id === ids[0] ? 0 : 1));
      expect(Date.parse(r.finishedAt!) - Date.parse(r.startedAt)).toBeCloseTo(r.durationMs, -1);
    }
    const fixture = runs.find((r) => r.id === ids[1])!;
    expect(Number(fixture.steps.find((s) => s.name === "ingest")!.rowsOut)).toBeGreaterThan(0);
    expect(await listRuns(db.pool, ADMIN, 1)).toHaveLength(1);
  });

  it("names every step a run records in French and in English (the page shows no raw step id)", async () => {
    const recorded = new Set((await listRuns(db.pool, ADMIN)).flatMap((r) => r.steps.map((s) => s.name)));
    expect(recorded).toContain("silver-early");
    for (const locale of ["fr", "en"] as const) {
      const labels: Record<string, string> = messages[locale].pipeline.steps;
      expect([...recorded].filter((name) => !labels[name]), locale).toEqual([]);
    }
  });

  it("finds the rows quarantined during a run, and the latest overall", async () => {
    const third = await listQuarantine(db.pool, ADMIN, { runId: BigInt(ids[2]) });
    expect(third.total).toBe(1);
    expect(third.rows[0]).toMatchObject({ fileName: "order_lines_2026-10-06.csv", source: "order_lines", field: "quantity", rule: null });
    expect(third.rows[0].reason).toBeTruthy();
    const first = await listQuarantine(db.pool, ADMIN, { runId: BigInt(ids[0]) });
    expect(first.total).toBe(0);
    const latest = await listQuarantine(db.pool, ADMIN, { limit: 1 });
    expect(latest.runId).toBeNull();
    expect(latest.rows).toHaveLength(1);
    expect(latest.total).toBeGreaterThanOrEqual(1);
    expect(latest.rows[0].id).toBe(third.rows[0].id);
  });

  it("answers null for an unknown run and refuses roles without pipeline:run", async () => {
    expect(await getRun(db.pool, ADMIN, BigInt(999_999))).toBeNull();
    await expect(listRuns(db.pool, FINANCE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRun(db.pool, FINANCE, BigInt(ids[0]))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listQuarantine(db.pool, FINANCE)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("run request body", () => {
  it("accepts nothing, a day, a range or a full rebuild", () => {
    expect(runRequestInput.parse({})).toEqual({});
    expect(runRequestInput.parse({ from: "2026-10-01" })).toEqual({ from: "2026-10-01", to: "2026-10-01" });
    expect(runRequestInput.parse({ to: "2026-10-02" })).toEqual({ from: "2026-10-02", to: "2026-10-02" });
    expect(runRequestInput.parse({ from: "2026-10-01", to: "2026-10-03" })).toEqual({ from: "2026-10-01", to: "2026-10-03" });
    expect(runRequestInput.parse({ full: true })).toEqual({ full: true });
    expect(runRequestInput.parse({ full: false })).toEqual({});
  });

  it("names the bad parameter", () => {
    const paths = (body: unknown) => runRequestInput.safeParse(body).error?.issues.map((i) => i.path.join("."));
    expect(paths({ from: "2026-02-30" })).toEqual(["from"]);
    expect(paths({ from: "2026-10-03", to: "2026-10-01" })).toEqual(["to"]);
    expect(paths({ full: true, from: "2026-10-01" })).toEqual(["full"]);
    expect(paths({ full: "yes" })).toEqual(["full"]);
    expect(runRequestInput.safeParse({ days: 3 }).success).toBe(false);
  });
});
