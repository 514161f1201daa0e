// Every way a file may be written: BOM, Windows-1252, ; and tab delimiters, decimal commas,
// dd/mm/yyyy dates, gzip, NDJSON, columns renamed/reordered/extra. Each must land as the same
// Unicode text, with the conventions it was read with recorded on ingest_file.
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { bronzeRows, createIngestDatabase, csvText, fileRow, ingest, ORDER_COLUMNS, orderRow, ordersCsv, rejectRows, writeTemp } from "./test-files";
import { CONTRACTS } from "../contracts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

const CUSTOMERS_HEADER = "customer_id,email,first_name,last_name,country,city,created_at,marketing_opt_in,updated_at";
const customer = (id: string, first: string, last: string, city: string) =>
  `${id},${id.toLowerCase()}@example.fr,${first},${last},FR,${city},2026-01-02T10:00:00+01:00,true,2026-01-02T10:00:00+01:00`;
const namesOf = async (fileId: string) =>
  (await bronzeRows(db, "customers", fileId)).map((r) => [r.src_line, r.customer_id, r.first_name, r.last_name, r.city]);

describe("encodings", () => {
  it("UTF-8 with a BOM: the BOM is not part of the first column name nor of the first value", async () => {
    const text = `\uFEFF${CUSTOMERS_HEADER}\n${customer("C0000501", "Hélène", "Lefèvre", "Besançon")}\n`;
    const result = await ingest(db, await writeTemp("customers_bom.csv", text));
    expect(result).toMatchObject({ status: "loaded", source: "customers", rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
    expect(await namesOf(result.fileId)).toEqual([[2, "C0000501", "Hélène", "Lefèvre", "Besançon"]]);
    expect(await fileRow(db, result.fileId)).toMatchObject({ encoding: "utf-8", header: CUSTOMERS_HEADER.split(",") });
  });

  it("Windows-1252 (Latin-1 bytes): é, è, ç land as the right Unicode text", async () => {
    const text = `${CUSTOMERS_HEADER}\n${customer("C0000502", "Hélène", "Lefèvre", "Besançon")}\n${customer("C0000503", "Zoé", "Crémieux", "Orléans")}\n`;
    const bytes = Buffer.from(text, "latin1");
    expect(bytes.includes(0xe9)).toBe(true); // really single-byte é, not UTF-8
    const result = await ingest(db, await writeTemp("customers_latin1.csv", bytes));
    expect(result).toMatchObject({ status: "loaded", rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect(await namesOf(result.fileId)).toEqual([
      [2, "C0000502", "Hélène", "Lefèvre", "Besançon"],
      [3, "C0000503", "Zoé", "Crémieux", "Orléans"],
    ]);
    expect((await fileRow(db, result.fileId)).encoding).toBe("windows-1252");
  });

  it("Windows-1252 proper: œ and € (0x9C, 0x80) are not read as Latin-1 control characters", async () => {
    const text = `${CUSTOMERS_HEADER}\n${customer("C0000504", "Cœur", "Bœuf€", "Besançon")}\n`;
    const result = await ingest(db, await writeTemp("customers_cp1252.csv", iconv.encode(text, "win1252")));
    expect(result).toMatchObject({ status: "loaded", rowsRejected: 0 });
    expect(await namesOf(result.fileId)).toEqual([[2, "C0000504", "Cœur", "Bœuf€", "Besançon"]]);
  });

  it("UTF-8 with a BOM larger than the sniffing sample, cut inside a two-byte character, is still UTF-8", async () => {
    // Sniffing reads the first 256 KiB. Put the first byte of an "é" as the sample's last byte.
    const SAMPLE = 256 * 1024;
    const head = `\uFEFF${CUSTOMERS_HEADER}\n`;
    const rows: string[] = [];
    let size = Buffer.byteLength(head);
    for (let n = 0; size < SAMPLE - 200; n++) {
      const row = `${customer(`C${String(600000 + n).padStart(7, "0")}`, "Hélène", "Martin", "Lyon")}\n`;
      rows.push(row);
      size += Buffer.byteLength(row);
    }
    // Pad a last name so the "é" of the next row's first name starts at byte SAMPLE - 1.
    const next = customer("C0699999", "Hélène", "Martin", "Lyon");
    const before = next.indexOf("é");
    const unpadded = Buffer.byteLength(`${customer("C0699998", "Paul", "Martin", "Lyon")}\n`);
    const padding = SAMPLE - 1 - size - unpadded - Buffer.byteLength(next.slice(0, before));
    rows.push(`${customer("C0699998", "Paul", `Martin${"x".repeat(padding)}`, "Lyon")}\n`, `${next}\n`);
    const bytes = Buffer.from(head + rows.join(""));
    expect(bytes.subarray(SAMPLE - 1, SAMPLE + 1)).toEqual(Buffer.from("é")); // the fixture splits é at the sample's end

    const result = await ingest(db, await writeTemp("customers_big_bom.csv", bytes));
    expect((await fileRow(db, result.fileId)).encoding).toBe("utf-8");
    expect(result).toMatchObject({ status: "loaded", rowsRead: rows.length, rowsRejected: 0 });
    const names = await namesOf(result.fileId);
    expect(names.at(-1)).toEqual([rows.length + 1, "C0699999", "Hélène", "Martin", "Lyon"]);
  });
});

describe("delimiters, decimal commas and dates", () => {
  const FRENCH = [
    ORDER_COLUMNS.join(";"),
    "ORD-00000301;C0000301;05/01/2026 09:15;paid;web;EUR;4,90;;05/01/2026 09:20",
    "ORD-00000302;C0000302;31/01/2026 23:59;shipped;app;EUR;12,50;HIVER;01/02/2026 08:00",
    "ORD-00000303;C0000303;28/02/2026 00:00;delivered;marketplace;EUR;0;;01/03/2026 10:00",
  ];

  it("semicolons, decimal commas and DD/MM/YYYY HH:mm: recorded on ingest_file, no row rejected, text kept as written", async () => {
    const result = await ingest(db, await writeTemp("orders_fr.csv", `${FRENCH.join("\r\n")}\r\n`));
    expect(result).toMatchObject({ status: "loaded", source: "orders", rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, errors: [] });
    expect(await fileRow(db, result.fileId)).toMatchObject({ delimiter: ";", decimal_separator: ",", date_format: "dmy" });
    const bronze = await bronzeRows(db, "orders", result.fileId);
    expect(bronze.map((r) => [r.src_line, r.ordered_at, r.shipping_amount, r.promo_code])).toEqual([
      [2, "05/01/2026 09:15", "4,90", null],
      [3, "31/01/2026 23:59", "12,50", "HIVER"],
      [4, "28/02/2026 00:00", "0", null],
    ]);
  });

  it("a one-row export without a final newline is read with the same conventions", async () => {
    const text = [ORDER_COLUMNS.join(";"), "ORD-00000304;C0000304;05/01/2026 09:15;paid;web;EUR;4,90;;05/01/2026 09:20"].join("\n");
    const result = await ingest(db, await writeTemp("orders_fr_one.csv", text));
    expect(await fileRow(db, result.fileId)).toMatchObject({ delimiter: ";", decimal_separator: ",", date_format: "dmy" });
    expect(result).toMatchObject({ status: "loaded", rowsRead: 1, rowsLoaded: 1, rowsRejected: 0, errors: [] });
  });

  it("a decimal comma in a quoted field of a comma-delimited file", async () => {
    const text = csvText([[...ORDER_COLUMNS], orderRow(305, { shipping_amount: "4,90" }), orderRow(306, { shipping_amount: "1 250,00" })]);
    const result = await ingest(db, await writeTemp("orders_quoted_comma.csv", text));
    expect(await fileRow(db, result.fileId)).toMatchObject({ delimiter: ",", decimal_separator: "," });
    expect(result).toMatchObject({ status: "loaded", rowsRead: 2, rowsRejected: 0 });
    expect((await bronzeRows(db, "orders", result.fileId)).map((r) => r.shipping_amount)).toEqual(["4,90", "1 250,00"]);
  });

  it("tab-delimited, with a comma inside a value", async () => {
    const text = csvText([[...ORDER_COLUMNS], orderRow(307, { promo_code: "A,B" }), orderRow(308)], { delimiter: "\t" });
    const result = await ingest(db, await writeTemp("orders_tab.tsv", text));
    expect(result).toMatchObject({ status: "loaded", source: "orders", rowsRead: 2, rowsRejected: 0 });
    expect((await fileRow(db, result.fileId)).delimiter).toBe("\t");
    expect((await bronzeRows(db, "orders", result.fileId)).map((r) => [r.order_id, r.promo_code])).toEqual([
      ["ORD-00000307", "A,B"],
      ["ORD-00000308", null],
    ]);
  });

  it("DD/MM/YYYY dates are accepted as dmy, and an impossible one is rejected", async () => {
    const text = "snapshot_date,sku,warehouse,on_hand,reserved\n31/01/2026,SKU-00001,PAR1,10,2\n01/02/2026,SKU-00002,LYS1,0,0\n31/02/2026,SKU-00003,PAR1,5,1\n";
    const result = await ingest(db, await writeTemp("stock_snapshots_2026-01-31.csv", text));
    expect(result).toMatchObject({ status: "loaded", source: "stock_snapshots", rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect((await fileRow(db, result.fileId)).date_format).toBe("dmy");
    expect(await rejectRows(db, result.fileId)).toEqual([{ line: 4, field: "snapshot_date", reason: "not a date DD/MM/YYYY" }]);
  });
});

describe("compression, NDJSON and column layout", () => {
  it("gzip: decompressed and loaded, compression recorded", async () => {
    const result = await ingest(db, await writeTemp("orders_2026-01-06.csv.gz", gzipSync(ordersCsv([401, 402]))));
    expect(result).toMatchObject({ status: "loaded", source: "orders", rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect(await fileRow(db, result.fileId)).toMatchObject({ compression: "gzip", encoding: "utf-8" });
    expect((await bronzeRows(db, "orders", result.fileId)).map((r) => [r.src_line, r.order_id])).toEqual([
      [2, "ORD-00000401"],
      [3, "ORD-00000402"],
    ]);
  });

  it("NDJSON web events: each line's values in bronze_web_events, a line that is not read whole kept whole; malformed JSON, a non-object and a bad value rejected at their lines", async () => {
    const event = (id: string, over: Record<string, unknown> = {}) =>
      JSON.stringify({
        event_id: `3f1c9a2e-8b7d-4c1e-9f00-${id}`,
        ts: "2026-01-05T10:00:00+01:00",
        session_id: "0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
        anonymous_id: "5d6e7f80-91a2-4b3c-8d4e-5f60718293a4",
        customer_id: null,
        type: "page_view",
        sku: null,
        order_id: null,
        url: "https://www.maison-lumiere.fr/",
        referrer: null,
        utm_source: null,
        utm_medium: null,
        utm_campaign: null,
        user_agent: 'Mozilla/5.0 (X11; Linux) "quoted", \\ backslash',
        ip: "90.12.34.56",
        ...over,
      });
    const lines = [event("000000000001"), '{"event_id": "3f1c9a2e-8b7d-4c1e-9f00-000000000002", "ts": ', event("000000000003"), "[1, 2]", event("000000000005", { type: "click" })];
    const result = await ingest(db, await writeTemp("web_events_2026-01-05.ndjson", `${lines.join("\n")}\n`));
    expect(result).toMatchObject({ status: "loaded", source: "web_events", rowsRead: 5, rowsLoaded: 2, rowsRejected: 3 });
    const bronze = await bronzeRows(db, "web_events", result.fileId);
    const columns = CONTRACTS.web_events.columnNames;
    const valuesOf = (line: string) => Object.fromEntries(columns.map((c) => [c, (JSON.parse(line) as Record<string, string | null>)[c] ?? null]));
    const noValues = Object.fromEntries(columns.map((c) => [c, null]));
    expect(bronze.map(({ src_file_id, ...r }) => r)).toEqual([
      { src_line: 1, line: null, ...valuesOf(lines[0]) },
      { src_line: 2, line: lines[1], ...noValues },
      { src_line: 3, line: null, ...valuesOf(lines[2]) },
      { src_line: 4, line: lines[3], ...noValues },
      { src_line: 5, line: lines[4], ...noValues }, // a rejected line is kept whole, as received
    ]);
    expect(await rejectRows(db, result.fileId)).toEqual([
      { line: 2, field: null, reason: "not valid JSON" },
      { line: 4, field: null, reason: "not a JSON object" },
      { line: 5, field: "type", reason: "not one of page_view|product_view|add_to_cart|checkout_start|purchase" },
    ]);
  });

  it("NDJSON lines JS cannot judge like jsonb (a number value, a \\u escape) are checked in SQL, with the same rules", async () => {
    const base = { event_id: "3f1c9a2e-8b7d-4c1e-9f00-000000000011", ts: "2026-01-05T10:00:00+01:00", session_id: "0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
      anonymous_id: "5d6e7f80-91a2-4b3c-8d4e-5f60718293a4", type: "page_view", url: "https://www.maison-lumiere.fr/", user_agent: "UA", ip: "90.12.34.56" };
    const lines = [
      JSON.stringify({ ...base, sku: 42 }), // number: jsonb ->> gives "42", which is no SKU
      JSON.stringify(base).replace('"page_view"', '"page\\u005fview"'), // "page_view" once unescaped: valid
      JSON.stringify({ ...base, type: "click" }), // checked in JS
    ];
    const result = await ingest(db, await writeTemp("web_events_2026-01-06.ndjson", `${lines.join("\n")}\n`));
    expect(result).toMatchObject({ status: "loaded", source: "web_events", rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect(await rejectRows(db, result.fileId)).toEqual([
      { line: 1, field: "sku", reason: expect.stringMatching(/^does not match /) },
      { line: 3, field: "type", reason: "not one of page_view|product_view|add_to_cart|checkout_start|purchase" },
    ]);
  });

  it("columns named loosely, reordered and with an extra one: each value lands in its contract column", async () => {
    const header = ["Status", "Order Id", "customer-id", "ORDERED_AT", "channel", "currency", "shipping_amount", "promo_code", "updated_at", "Internal Note"];
    const rows = [
      ["shipped", "ORD-00000501", "C0000501", "2026-01-05T09:15:00+01:00", "app", "EUR", "0.00", "", "2026-01-06T09:15:00+01:00", "call back, urgent"],
      ["paid", "ORD-00000502", "C0000502", "2026-01-05T10:15:00+01:00", "web", "EUR", "3.50", "HIVER", "2026-01-05T10:16:00+01:00", ""],
    ];
    const result = await ingest(db, await writeTemp("orders_foreign.csv", csvText([header, ...rows])));
    expect(result).toMatchObject({ status: "loaded", source: "orders", rowsRead: 2, rowsRejected: 0 });
    expect((await fileRow(db, result.fileId)).columns).toEqual(["status", "order_id", "customer_id", "ordered_at", "channel", "currency", "shipping_amount", "promo_code", "updated_at"]);
    const bronze = await bronzeRows(db, "orders", result.fileId);
    expect(bronze.map(({ src_file_id, ...r }) => r)).toEqual(
      rows.map((r, i) => ({ src_line: i + 2, ...Object.fromEntries(ORDER_COLUMNS.map((c) => [c, r[header.findIndex((h) => h.toLowerCase().replace(/[ -]/g, "_") === c)] || null])) })),
    );
  });
});
