// The rejects CSV of a file (line, field, value, reason, raw), formula-like cells neutralised;
// many rejects spooled through a temporary file; a load that fails half-way stores nothing.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { rejectsCsvSql, streamRejectsCsv } from "./rejects-csv";
import { bronzeRows, createIngestDatabase, csvText, fileRow, ingest, ORDER_COLUMNS, orderRow, range, rejectRows, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

async function rejectsCsv(fileId: string, source: string | null): Promise<string[][]> {
  const stream = await streamRejectsCsv(db.pool, BigInt(fileId), source);
  let text = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString("utf8");
  return parse(text, { relax_column_count: false });
}

const STATUSES = "not one of placed|paid|shipped|delivered|cancelled";

describe("rejects CSV", () => {
  let ordersFile: string;
  beforeAll(async () => {
    const text = csvText([
      [...ORDER_COLUMNS],
      orderRow(1), // line 2: valid
      orderRow(2, { status: "=cmd|' /C calc'!A0" }), // line 3
      orderRow(3, { order_id: "@SUM(A1)", shipping_amount: "+1,5" }), // line 4
      ["ORD-00000004", "x"], // line 5: structural
    ]);
    const r = await ingest(db, await writeTemp("orders_2026-01-05.csv", text));
    expect(r).toMatchObject({ status: "loaded", rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    ordersFile = r.fileId;
  });

  it("lists each rejected cell with the offending value, formulas neutralised with an apostrophe", async () => {
    expect(await rejectsCsv(ordersFile, "orders")).toEqual([
      ["line", "field", "value", "reason", "raw"],
      ["3", "status", "'=cmd|' /C calc'!A0", STATUSES, ""],
      ["4", "order_id", "'@SUM(A1)", "does not match ^ORD-\\d{8}$", ""],
      ["4", "shipping_amount", "'+1,5", "not a decimal with a decimal point", ""],
      ["5", "", "", "2 fields where the header has 9", "ORD-00000004,x"],
    ]);
  });

  it("without a known source there are no values, only reasons and raw records", async () => {
    for (const source of [null, "nonsense"]) {
      expect((await rejectsCsv(ordersFile, source)).map((r) => [r[0], r[1], r[2]])).toEqual([
        ["line", "field", "value"],
        ["3", "status", ""],
        ["4", "order_id", ""],
        ["4", "shipping_amount", ""],
        ["5", "", ""],
      ]);
    }
    expect(rejectsCsvSql(5n, null)).not.toContain("JOIN");
    expect(rejectsCsvSql(5n, "orders")).toContain(`LEFT JOIN "bronze_orders" b`);
  });

  it("for NDJSON, the value comes from the JSON line and the raw record is the line", async () => {
    const event = {
      event_id: "00000000-0000-4000-8000-000000000001",
      ts: "2026-10-01T10:00:00+02:00",
      session_id: "00000000-0000-4000-9000-000000000001",
      anonymous_id: "00000000-0000-4000-a000-000000000001",
      type: "\tclick",
      url: "https://shop.example.fr/",
      user_agent: "UA",
      ip: "1.2.3.4",
    };
    const line1 = JSON.stringify(event);
    const r = await ingest(db, await writeTemp("web_events_2026-10-01.ndjson", `${line1}\n{"event_id": 1\n`));
    expect(r).toMatchObject({ status: "loaded", source: "web_events", rowsRead: 2, rowsLoaded: 0, rowsRejected: 2 });
    expect(await rejectsCsv(r.fileId, "web_events")).toEqual([
      ["line", "field", "value", "reason", "raw"],
      ["1", "type", "'\tclick", "not one of page_view|product_view|add_to_cart|checkout_start|purchase", line1],
      ["2", "", "", "not valid JSON", '{"event_id": 1'],
    ]);
  });

  it("a file with no rejects gives the header only", async () => {
    const r = await ingest(db, await writeTemp("orders_clean.csv", csvText([[...ORDER_COLUMNS], orderRow(50)])));
    expect(await rejectsCsv(r.fileId, "orders")).toEqual([["line", "field", "value", "reason", "raw"]]);
  });
});

describe("many rejects", () => {
  it("are spooled to disk and all land in ingest_reject, with the first 100 returned", async () => {
    const n = 3000; // ~65 bytes each: well over one 64 KiB batch
    const text = csvText([[...ORDER_COLUMNS], ...range(1, n).map((i) => orderRow(1000 + i, { status: "lost" })), orderRow(9999)]);
    const r = await ingest(db, await writeTemp("orders_bad.csv", text));
    expect(r).toMatchObject({ status: "loaded", rowsRead: n + 1, rowsLoaded: 1, rowsRejected: n });
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]).toEqual({ line: 2, field: "status", reason: STATUSES });
    expect(r.errors[99]).toEqual({ line: 101, field: "status", reason: STATUSES });
    const stored = await rejectRows(db, r.fileId);
    expect(stored).toHaveLength(n);
    expect(stored.map((s) => s.line)).toEqual(range(2, n));
    const csv = await rejectsCsv(r.fileId, "orders");
    expect(csv).toHaveLength(n + 1);
    expect(csv[n]).toEqual([String(n + 1), "status", "lost", STATUSES, ""]);
  });
});

describe("a load that fails half-way", () => {
  it("is marked failed with the database's message and leaves nothing in bronze", async () => {
    await db.pool.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated disk full'; END $$`);
    await db.pool.query(`CREATE TRIGGER test_refuse BEFORE INSERT ON bronze_orders FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
    try {
      const phases: string[] = [];
      const r = await ingest(db, await writeTemp("orders_fail.csv", csvText([[...ORDER_COLUMNS], orderRow(77), orderRow(78, { status: "lost" })])), {
        onProgress: (p) => phases.push(p.phase),
      });
      expect(r).toEqual({
        fileId: r.fileId,
        source: "orders",
        status: "failed",
        duplicate: false,
        duplicateOf: null,
        rowsRead: 0,
        rowsLoaded: 0,
        rowsRejected: 0,
        errors: [],
        message: expect.stringMatching(/^Loading failed, nothing was stored: .*simulated disk full/),
      });
      expect(phases[0]).toBe("hashing");
      expect(phases).not.toContain("validating");
      expect(await fileRow(db, r.fileId)).toMatchObject({ status: "failed", error: expect.stringContaining("simulated disk full") });
      expect(await bronzeRows(db, "orders", r.fileId)).toEqual([]);
      expect(await rejectRows(db, r.fileId)).toEqual([]);
    } finally {
      await db.pool.query("DROP TRIGGER test_refuse ON bronze_orders; DROP FUNCTION test_refuse()");
    }
    // The connection went back to the pool in a usable state: the next file loads.
    const ok = await ingest(db, await writeTemp("orders_after.csv", csvText([[...ORDER_COLUMNS], orderRow(79)])));
    expect(ok).toMatchObject({ status: "loaded", rowsLoaded: 1 });
  });
});
