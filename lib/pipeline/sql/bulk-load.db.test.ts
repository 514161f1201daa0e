// The first-load path of the silver merge and of gold: only an empty table takes it, and its indexes come
// back exactly as they were — after a load, and after a load that failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { inTransaction } from "../../db/in-transaction";
import { lockIfEmpty, withIndexesOfEmptyTablesRebuilt, withIndexesRebuilt } from "./bulk-load";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

const indexes = async () =>
  (await db.pool.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'silver_order_lines' ORDER BY indexname")).rows;
const constraints = async () =>
  (await db.pool.query("SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'silver_order_lines'::regclass ORDER BY conname")).rows;
const insertLines = (ids: string[]) =>
  `INSERT INTO silver_order_lines (order_id, line_no, sku, quantity, unit_price, discount_amount, src_file_id, src_line)
   SELECT id, 1, 'SKU-00001', 1, 10.00, 0, 1, n FROM unnest(ARRAY[${ids.map((id) => `'${id}'`).join(", ")}]) WITH ORDINALITY AS x(id, n)`;

describe("first load into an empty silver table", () => {
  it("rebuilds the primary key and the other indexes as they were", async () => {
    const before = { indexes: await indexes(), constraints: await constraints() };
    expect(before.indexes.map((i) => i.indexname)).toEqual(["silver_order_lines_pkey", "silver_order_lines_sku_idx"]);
    const loaded = await inTransaction(db.pool, async (client) => {
      expect(await lockIfEmpty(client, "silver_order_lines")).toBe(true);
      return withIndexesRebuilt(client, "silver_order_lines", async () => (await client.query(insertLines(["ORD-00000002", "ORD-00000001"]))).rowCount);
    });
    expect(loaded).toBe(2);
    expect({ indexes: await indexes(), constraints: await constraints() }).toEqual(before);
    // The rebuilt primary key still refuses a second copy of a key.
    await expect(db.pool.query(insertLines(["ORD-00000001"]))).rejects.toThrow(/silver_order_lines_pkey/);
  });

  it("is not taken once the table has a row", async () => {
    await inTransaction(db.pool, async (client) => expect(await lockIfEmpty(client, "silver_order_lines")).toBe(false));
  });

  it("leaves the indexes in place when the load fails", async () => {
    await db.pool.query("DELETE FROM silver_order_lines");
    const before = await indexes();
    const failing = inTransaction(db.pool, async (client) => {
      expect(await lockIfEmpty(client, "silver_order_lines")).toBe(true);
      // Two copies of one key: the insert passes without the key, rebuilding the key fails.
      await withIndexesRebuilt(client, "silver_order_lines", () => client.query(insertLines(["ORD-00000003", "ORD-00000003"])));
    });
    await expect(failing).rejects.toThrow(/silver_order_lines_pkey|duplicate/);
    expect(await indexes()).toEqual(before);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM silver_order_lines")).rows[0].n).toBe(0);
  });

  it("of several tables, sets aside the indexes of the empty ones only, while the work runs", async () => {
    await db.pool.query("DELETE FROM silver_order_lines");
    await db.pool.query(insertLines(["ORD-00000004"]));
    const indexesOf = async (client: { query: typeof db.pool.query }, table: string) =>
      (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = $1", [table])).rows[0].n;
    const before = { lines: await indexesOf(db.pool, "silver_order_lines"), product: await indexesOf(db.pool, "gold_product_daily") };
    expect(before).toEqual({ lines: 2, product: 2 });
    const during = await inTransaction(db.pool, (client) =>
      withIndexesOfEmptyTablesRebuilt(client, ["silver_order_lines", "gold_product_daily"], async () => ({
        lines: await indexesOf(client, "silver_order_lines"),
        product: await indexesOf(client, "gold_product_daily"),
      })),
    );
    expect(during).toEqual({ lines: 2, product: 0 });
    expect({ lines: await indexesOf(db.pool, "silver_order_lines"), product: await indexesOf(db.pool, "gold_product_daily") }).toEqual(before);
  });
});
