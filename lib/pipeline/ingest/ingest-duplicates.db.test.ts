// The same content received twice — one after the other, or at the same instant — is loaded
// once; every reception is still recorded in ingest_file.
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { bronzeRows, createIngestDatabase, csvText, ingest, ORDER_COLUMNS, orderRow, ordersCsv, range, tempDir, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

const filesWithHash = async (sha256: string) =>
  (await db.pool.query("SELECT id::text, file_name, status::text, duplicate_of_id::text, source FROM ingest_file WHERE sha256 = $1 ORDER BY id", [sha256])).rows;
const shaOf = async (fileId: string) => (await db.pool.query("SELECT sha256 FROM ingest_file WHERE id = $1", [fileId])).rows[0].sha256;

describe("re-sending a file", () => {
  it("the same bytes again (other name, other path) are a duplicate of the first: nothing loaded twice, both receptions recorded", async () => {
    const original = await writeTemp("orders_2026-01-07.csv", ordersCsv([801, 802, 803]));
    const first = await ingest(db, original);
    expect(first).toMatchObject({ status: "loaded", rowsLoaded: 3 });
    const copy = path.join(await tempDir(), "orders_2026-01-07 (1).csv");
    await copyFile(original, copy);

    const second = await ingest(db, copy, { channel: "push" });
    expect(second).toMatchObject({
      status: "duplicate",
      duplicate: true,
      duplicateOf: first.fileId,
      source: "orders",
      rowsRead: 0,
      rowsLoaded: 0,
      rowsRejected: 0,
      errors: [],
      message: `Same content as file #${first.fileId}: not loaded again.`,
    });
    expect(second.fileId).not.toBe(first.fileId);
    expect((await bronzeRows(db, "orders", first.fileId)).length).toBe(3);
    expect((await bronzeRows(db, "orders", second.fileId)).length).toBe(0);
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM bronze_orders WHERE order_id IN ('ORD-00000801', 'ORD-00000802', 'ORD-00000803')");
    expect(rows[0].n).toBe(3);
    expect(await filesWithHash(await shaOf(first.fileId))).toEqual([
      { id: first.fileId, file_name: "orders_2026-01-07.csv", status: "loaded", duplicate_of_id: null, source: "orders" },
      { id: second.fileId, file_name: "orders_2026-01-07 (1).csv", status: "duplicate", duplicate_of_id: first.fileId, source: "orders" },
    ]);
  });

  it("one changed byte is new content, loaded again", async () => {
    const first = await ingest(db, await writeTemp("orders_2026-01-08.csv", ordersCsv([811])));
    const changed = await ingest(db, await writeTemp("orders_2026-01-08.csv", ordersCsv([811]).replace("paid", "shipped")));
    expect([first.status, changed.status]).toEqual(["loaded", "loaded"]);
    expect((await bronzeRows(db, "orders", changed.fileId)).map((r) => r.status)).toEqual(["shipped"]);
  });
});

describe("the same file received three times at once", () => {
  it("is loaded exactly once; the two others are duplicates of it", async () => {
    const numbers = range(820, 50);
    const file = await writeTemp("orders_2026-01-09.csv", ordersCsv(numbers));
    const results = await Promise.all([1, 2, 3].map(() => ingest(db, file)));

    const loaded = results.filter((r) => r.status === "loaded");
    const duplicates = results.filter((r) => r.status === "duplicate");
    expect(loaded).toHaveLength(1);
    expect(duplicates).toHaveLength(2);
    expect(loaded[0]).toMatchObject({ rowsRead: 50, rowsLoaded: 50, rowsRejected: 0 });
    for (const d of duplicates) expect(d).toMatchObject({ duplicate: true, duplicateOf: loaded[0].fileId, rowsLoaded: 0 });

    const { rows } = await db.pool.query("SELECT count(*)::int AS n, count(DISTINCT src_file_id)::int AS files FROM bronze_orders WHERE order_id = ANY($1)", [
      numbers.map((n) => `ORD-${String(n).padStart(8, "0")}`),
    ]);
    expect(rows[0]).toEqual({ n: 50, files: 1 });
    const recorded = await filesWithHash(await shaOf(loaded[0].fileId));
    expect(recorded.map((r) => r.status).sort()).toEqual(["duplicate", "duplicate", "loaded"]);
    // Every reception is done: no session of the pool still holds a file's (or a hash's) lock.
    const { rows: locks } = await db.pool.query(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    expect(locks[0].n).toBe(0);
  });

  it("more files at once than the pool has connections (4) all load", async () => {
    // ingestFile holds a pooled client for the load; anything else it needs from the pool
    // meanwhile must not wait for a connection only another waiting load could free.
    const rows = (base: number) => csvText([[...ORDER_COLUMNS], ...range(base, 20_000).map((n) => orderRow(n))]);
    const files = await Promise.all([0, 1, 2, 3, 4].map((k) => writeTemp(`orders_many_${k}.csv`, rows(1_000_000 + k * 20_000))));
    const results = await Promise.race([
      Promise.all(files.map((f) => ingest(db, f))),
      new Promise<"stuck">((resolve) => setTimeout(() => resolve("stuck"), 20_000).unref()),
    ]);
    expect(results).not.toBe("stuck");
    if (results === "stuck") return;
    expect(results.map((r) => [r.status, r.rowsLoaded])).toEqual(files.map(() => ["loaded", 20_000]));
  }, 40_000);
});
