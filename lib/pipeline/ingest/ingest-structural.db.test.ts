// Files refused whole: nothing of them reaches bronze or ingest_reject, the file is recorded
// as rejected, and the message names the problem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import type { SourceName } from "../contracts";
import { bronzeCountAll, createIngestDatabase, csvText, fileRow, ingest, ORDER_COLUMNS, ORDER_LINE_COLUMNS, orderLineRow, orderRow, ordersCsv, rejectRows, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

const withoutColumns = (drop: string[], numbers: number[]) => {
  const keep = ORDER_COLUMNS.map((c, i) => [c, i] as const).filter(([c]) => !drop.includes(c));
  return csvText([keep.map(([c]) => c), ...numbers.map((n) => keep.map(([, i]) => orderRow(n)[i]))]);
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from("IHDR"), Buffer.alloc(64), Buffer.from("IDATx\x9c\x01\x02")]);
const ZIP = Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1"), Buffer.alloc(20), Buffer.from("orders.csv"), Buffer.alloc(40, 0x01)]);

const cases: { name: string; file: string; content: string | Buffer; source?: SourceName; message: RegExp }[] = [
  { name: "an empty file", file: "orders_empty.csv", content: "", message: /^orders_empty\.csv is empty\.$/ },
  { name: "a file of blank lines", file: "orders_blank.csv", content: "\n  \r\n\n", message: /is empty/ },
  { name: "PNG bytes", file: "orders.png", content: PNG, message: /not a text file \(binary content\)/ },
  { name: "zip bytes", file: "orders.zip", content: ZIP, message: /not a text file \(binary content\)/ },
  {
    name: "an order_lines file without header (first line is data)",
    file: "order_lines_noheader.csv",
    content: csvText([orderLineRow(701), orderLineRow(702)]),
    message: /has no header row: its first line holds values \(ORD-00000701, 1, SKU-00701…\)/,
  },
  {
    // Every cell filled: only 3 of 9 cells look like numbers/dates, but ORD-…, C… are values too.
    name: "an orders file without header, uploaded as orders",
    file: "orders_noheader.csv",
    content: csvText([orderRow(703, { promo_code: "HIVER" }), orderRow(704, { promo_code: "HIVER" })]),
    source: "orders",
    message: /no header/,
  },
  {
    name: "missing required columns, uploaded as orders",
    file: "orders_missing.csv",
    content: withoutColumns(["customer_id", "status"], [705]),
    source: "orders",
    message: /missing required orders columns: customer_id, status\./,
  },
  {
    // Clearly an orders export (8 of its 9 columns): the message should say which column is missing.
    name: "a missing required column, source auto-detected",
    file: "orders_missing_auto.csv",
    content: withoutColumns(["status"], [706]),
    message: /orders.*status|status.*orders/,
  },
  {
    name: "an orders file uploaded as customers",
    file: "orders_as_customers.csv",
    content: ordersCsv([707]),
    source: "customers",
    message: /looks like an? orders export, not customers/,
  },
  {
    name: "a text file that is not a CSV (one column)",
    file: "notes.txt",
    content: "Hello team\nPlease find the export attached\nRegards\n",
    message: /does not look like a CSV export: no delimiter/,
  },
  {
    name: "a header naming a column twice",
    file: "orders_dupcol.csv",
    content: `${[...ORDER_COLUMNS, "Order_ID"].join(",")}\n${[...orderRow(708), "ORD-00000708"].join(",")}\n`,
    message: /names the column order_id twice/,
  },
  {
    name: "columns matching no source",
    file: "weather.csv",
    content: "city,temperature,humidity\nParis,12,80\n",
    message: /match no known source/,
  },
];

describe("structurally wrong files are refused before anything is stored", () => {
  it.each(cases)("$name", async ({ file, content, source, message }) => {
    const result = await ingest(db, await writeTemp(file, content), { source: source ?? null });
    expect(result.status).toBe("rejected");
    expect(result.message).toMatch(message);
    expect(result).toMatchObject({ duplicate: false, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: [{ line: 1, field: null, reason: result.message }] });
    expect(await fileRow(db, result.fileId)).toMatchObject({ status: "rejected", error: result.message, rows_read: 0, rows_loaded: 0 });
    expect((await fileRow(db, result.fileId)).finished_at).toBeInstanceOf(Date);
    expect(await bronzeCountAll(db, result.fileId)).toBe(0);
    expect(await rejectRows(db, result.fileId)).toEqual([]);
  });

  it("a header-only file is not refused: loaded with no rows", async () => {
    const result = await ingest(db, await writeTemp("order_lines_header_only.csv", `${ORDER_LINE_COLUMNS.join(",")}\n`));
    expect(result).toMatchObject({ status: "loaded", source: "order_lines", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0 });
    expect(await bronzeCountAll(db, result.fileId)).toBe(0);
  });

  it("a refused file is not a duplicate source: sending the same bytes again is refused again", async () => {
    const content = withoutColumns(["currency"], [709]);
    const first = await ingest(db, await writeTemp("orders_nocurrency.csv", content), { source: "orders" });
    const again = await ingest(db, await writeTemp("orders_nocurrency.csv", content), { source: "orders" });
    expect([first.status, again.status]).toEqual(["rejected", "rejected"]);
    expect(again).toMatchObject({ duplicate: false, duplicateOf: null, message: first.message });
  });
});
