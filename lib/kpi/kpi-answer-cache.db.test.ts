// The KPI answer cache: kept between runs, dropped when a run starts or ends, never used while a
// run is in progress, at most a minute old, bounded in size.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { cachedKpiAnswer } from "./kpi-answer-cache";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

let computed = 0;
const answer = (query: string) => cachedKpiAnswer(db.pool, query, async () => ++computed);

describe("cachedKpiAnswer", () => {
  it("answers a repeated query from memory until a run starts, and not during the run", async () => {
    computed = 0;
    expect(await answer("revenue?a")).toBe(1);
    expect(await answer("revenue?a")).toBe(1);
    expect(await answer("revenue?b")).toBe(2);
    const { rows } = await db.pool.query<{ id: string }>("INSERT INTO pipeline_run (trigger, scope, status) VALUES ('cli', '{}', 'RUNNING') RETURNING id::text");
    expect(await answer("revenue?a")).toBe(3);
    expect(await answer("revenue?a")).toBe(4); // gold may be half rebuilt: nothing kept
    await db.pool.query("UPDATE pipeline_run SET status = 'SUCCESS', finished_at = now() WHERE id = $1", [rows[0].id]);
    expect(await answer("revenue?a")).toBe(5);
    expect(await answer("revenue?a")).toBe(5);
  });

  it("forgets an answer after a minute", async () => {
    computed = 0;
    const now = Date.now();
    expect(await answer("orders?ttl")).toBe(1);
    const clock = vi.spyOn(Date, "now").mockReturnValue(now + 61_000);
    expect(await answer("orders?ttl")).toBe(2);
    clock.mockRestore();
  });

  it("keeps at most 1,000 answers, the least recently used leaving first", async () => {
    computed = 0;
    await answer("first");
    for (let i = 0; i < 1_000; i++) await answer(`filler-${i}`);
    const before = computed;
    expect(await answer("first")).toBe(before + 1); // evicted, computed again
  });
});
