// Rows of a loaded file: exact bronze text, lineage (file id, physical line where each record
// starts), and the accounting of bad rows (rowsRead = rowsLoaded + rowsRejected).
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import {
  bronzeRows,
  createIngestDatabase,
  csvText,
  fileRow,
  ingest,
  ORDER_COLUMNS,
  ORDER_LINE_COLUMNS,
  orderLineRow,
  orderRow,
  rejectRows,
  writeTemp,
} from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

/** What bronze_orders holds for a row: text as received, an unquoted empty field as NULL. */
const asBronze = (fileId: string, line: number, row: string[]) => ({
  src_file_id: fileId,
  src_line: line,
  ...Object.fromEntries(ORDER_COLUMNS.map((c, i) => [c, row[i] === "" ? null : row[i]])),
});

describe("a canonical orders CSV", () => {
  it("lands in bronze_orders exactly as received, each row traced to its file and first physical line", async () => {
    const rows = [orderRow(101), orderRow(102, { promo_code: 'SOLDES, "HIVER"\nBIS' }), orderRow(103, { promo_code: "PROMO10", status: "cancelled" })];
    const text = csvText([[...ORDER_COLUMNS], ...rows]);
    // Sanity check of the fixture itself: the quoted field spans lines 3-4.
    expect(text.split("\n")[2]).toBe('ORD-00000102,C0000102,2026-01-05T09:15:00+01:00,paid,web,EUR,4.90,"SOLDES, ""HIVER""');
    const file = await writeTemp("orders_2026-01-05.csv", text);

    const result = await ingest(db, file);
    expect(result).toMatchObject({ status: "loaded", source: "orders", duplicate: false, duplicateOf: null, rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, errors: [], message: null });

    expect(await bronzeRows(db, "orders", result.fileId)).toEqual([asBronze(result.fileId, 2, rows[0]), asBronze(result.fileId, 3, rows[1]), asBronze(result.fileId, 5, rows[2])]);
    const stored = await fileRow(db, result.fileId);
    expect(stored).toMatchObject({
      status: "loaded",
      source: "orders",
      file_name: "orders_2026-01-05.csv",
      channel: "upload",
      size_bytes: String(Buffer.byteLength(text)),
      sha256: createHash("sha256").update(text).digest("hex"),
      encoding: "utf-8",
      compression: null,
      delimiter: ",",
      decimal_separator: ".",
      date_format: "iso",
      header: [...ORDER_COLUMNS],
      columns: [...ORDER_COLUMNS],
      rows_read: 3,
      rows_loaded: 3,
      rows_rejected: 0,
      error: null,
    });
    expect(stored.finished_at).toBeInstanceOf(Date);
    expect(await rejectRows(db, result.fileId)).toEqual([]);
  });

  it("counts physical lines across CRLF line ends, blank lines and a quoted field spanning three lines", async () => {
    const a = orderRow(201);
    const b = orderRow(202, { promo_code: "X\r\nY\r\nZ" });
    const c = orderRow(203);
    const line = (r: string[]) => csvText([r], { eol: "\r\n", trailingEol: false });
    // 1 header, 2 a, 3 blank, 4-6 b, 7 blank, 8 c, 9 blank
    const text = [ORDER_COLUMNS.join(","), line(a), "", line(b), "", line(c), "", ""].join("\r\n");
    const result = await ingest(db, await writeTemp("orders_crlf.csv", text));
    expect(result).toMatchObject({ status: "loaded", rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(await bronzeRows(db, "orders", result.fileId)).toEqual([asBronze(result.fileId, 2, a), asBronze(result.fileId, 4, b), asBronze(result.fileId, 8, c)]);
  });

  it("keeps line numbers right when multi-line records straddle the chunks of a large gzipped file", async () => {
    const rows: string[][] = [];
    const lines: number[] = [];
    let next = 2;
    for (let n = 10_000; n < 14_000; n++) {
      const multi = n % 3 === 0;
      rows.push(orderRow(n, { promo_code: multi ? `L1 ${n}\n"q""\nL3, end` : `P${n}` }));
      lines.push(next);
      next += multi ? 3 : 1;
    }
    const text = csvText([[...ORDER_COLUMNS], ...rows]);
    expect(text.split("\n").length - 1).toBe(next - 1); // the fixture has the physical lines we think
    const result = await ingest(db, await writeTemp("orders_big.csv.gz", gzipSync(text)));
    expect(result).toMatchObject({ status: "loaded", rowsRead: 4000, rowsLoaded: 4000, rowsRejected: 0 });
    expect((await fileRow(db, result.fileId)).compression).toBe("gzip");
    const bronze = await bronzeRows(db, "orders", result.fileId);
    expect(bronze.length).toBe(4000);
    expect(bronze.map((r) => [r.src_line, r.order_id, r.promo_code])).toEqual(rows.map((r, i) => [lines[i], r[0], r[7]]));
  });
});

describe("a file with about 10% bad rows", () => {
  const UNBALANCED = "unbalanced quote: the line opens a quoted field it never closes";
  // Data row k (1..100) is on line k + 1. Bad rows, what is wrong, and whether the row stays in bronze.
  const bad: Record<number, { row: (n: number) => string; rejects: { field: string | null; reason: string }[]; inBronze: boolean }> = {
    12: { row: (n) => orderLineRow(n, { unit_price: "-1.00" }).join(","), rejects: [{ field: "unit_price", reason: "below minimum 0" }], inBronze: true },
    20: { row: (n) => orderLineRow(n, { quantity: "1.5" }).join(","), rejects: [{ field: "quantity", reason: "not an integer" }], inBronze: true },
    28: { row: (n) => orderLineRow(n, { order_id: "" }).join(","), rejects: [{ field: "order_id", reason: "required but empty" }], inBronze: true },
    35: { row: (n) => orderLineRow(n).slice(0, 5).join(","), rejects: [{ field: null, reason: "5 fields where the header has 6" }], inBronze: false },
    44: { row: (n) => orderLineRow(n, { sku: '"SKU-00044' }).join(","), rejects: [{ field: null, reason: UNBALANCED }], inBronze: false },
    53: { row: (n) => orderLineRow(n, { sku: "SKU-1" }).join(","), rejects: [{ field: "sku", reason: "does not match ^SKU-\\d{5}$" }], inBronze: true },
    61: {
      row: (n) => orderLineRow(n, { line_no: "0", quantity: "0" }).join(","),
      rejects: [
        { field: "line_no", reason: "below minimum 1" },
        { field: "quantity", reason: "below minimum 1" },
      ],
      inBronze: true,
    },
    70: { row: (n) => orderLineRow(n, { unit_price: "10.005" }).join(","), rejects: [{ field: "unit_price", reason: "more than 2 decimal places" }], inBronze: true },
    79: { row: (n) => orderLineRow(n, { quantity: "" }).join(","), rejects: [{ field: "quantity", reason: "required but empty" }], inBronze: true },
    88: { row: (n) => [...orderLineRow(n), "extra"].join(","), rejects: [{ field: null, reason: "7 fields where the header has 6" }], inBronze: false },
  };

  it("accounts for every row: 100 read, 10 rejected with line and reason, 90 loaded; bad values stay in bronze, broken records do not", async () => {
    const body = Array.from({ length: 100 }, (_, i) => {
      const k = i + 1;
      return bad[k] ? bad[k].row(1000 + k) : orderLineRow(1000 + k).join(",");
    });
    const file = await writeTemp("order_lines_2026-01-05.csv", [ORDER_LINE_COLUMNS.join(","), ...body, ""].join("\n"));
    const result = await ingest(db, file);

    expect(result).toMatchObject({ status: "loaded", source: "order_lines", rowsRead: 100, rowsRejected: 10, rowsLoaded: 90 });
    expect(result.rowsLoaded + result.rowsRejected).toBe(result.rowsRead);
    const expectedRejects = Object.entries(bad).flatMap(([k, b]) => b.rejects.map((r) => ({ line: Number(k) + 1, ...r })));
    expect(await rejectRows(db, result.fileId)).toEqual(expectedRejects);
    expect([...result.errors].sort((x, y) => x.line - y.line || String(x.field).localeCompare(String(y.field)))).toEqual(expectedRejects);
    expect(await fileRow(db, result.fileId)).toMatchObject({ rows_read: 100, rows_loaded: 90, rows_rejected: 10 });

    const bronze = await bronzeRows(db, "order_lines", result.fileId);
    const expectedLines = Array.from({ length: 100 }, (_, i) => i + 1)
      .filter((k) => !bad[k] || bad[k].inBronze)
      .map((k) => k + 1);
    expect(bronze.map((r) => r.src_line)).toEqual(expectedLines);
    expect(bronze.length).toBe(97);
    const byLine = new Map(bronze.map((r) => [r.src_line as unknown as number, r]));
    expect(byLine.get(13)).toMatchObject({ order_id: "ORD-00001012", unit_price: "-1.00" });
    expect(byLine.get(29)).toMatchObject({ order_id: null, sku: "SKU-01028" });
    expect(byLine.get(46)).toMatchObject({ order_id: "ORD-00001045", sku: "SKU-01045" }); // the line after the broken quote
    expect(byLine.get(101)).toMatchObject({ order_id: "ORD-00001100", line_no: "1", quantity: "2", unit_price: "29.90", discount_amount: "0.00" });

    const structural = await db.pool.query("SELECT line_no, raw FROM ingest_reject WHERE file_id = $1 AND field IS NULL ORDER BY line_no", [result.fileId]);
    expect(structural.rows).toEqual([
      { line_no: 36, raw: bad[35].row(1035) },
      { line_no: 45, raw: bad[44].row(1044) },
      { line_no: 89, raw: bad[88].row(1088) },
    ]);
  });
});
