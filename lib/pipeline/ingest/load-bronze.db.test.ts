// The bronze load. The framer sends COPY's text format (faster for the server than CSV): every
// value must land in bronze exactly as PostgreSQL's own CSV parser reads the file, whatever the
// quoting. And each loaded file's BRIN ranges are summarised at once, unless the table is busy.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { bronzeRows, createIngestDatabase, ingest, ORDER_COLUMNS, orderRow, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

// Raw CSV text of promo_code (a free-text column) and channel, as written in the file.
const TRICKY: [string, string][] = [
  ["", "web"], // unquoted empty: NULL
  ['""', "web"], // quoted empty: ''
  ["\\N", "web"], // a literal backslash-N, not NULL
  ["a\\b\\\\c", "web"],
  ['"with, comma"', "web"],
  ['"multi\nline"', "web"],
  ['"cr\rinside"', "web"],
  ['"crlf\r\ninside"', "web"],
  ['"quote "" inside"', "web"],
  ['half"quoted"', "web"],
  ['"\\."', "web"],
  ["tab\there", "web"],
  ["trailing\\", ""],
  ["ünïcödé €", '"app"'],
];

async function viaCsvCopy(text: string, delimiter: string) {
  const client = await db.pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE csv_copy (${ORDER_COLUMNS.map((c) => `"${c}" text`).join(", ")})`);
    await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`COPY csv_copy FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER '${delimiter}')`)));
    const { rows } = await client.query(`SELECT * FROM csv_copy`);
    await client.query("DROP TABLE csv_copy");
    return rows;
  } finally {
    client.release();
  }
}

describe("bronze load in COPY text format", () => {
  for (const [delimiter, eol] of [
    [",", "\n"],
    [";", "\r\n"],
  ] as const) {
    it(`stores every value as PostgreSQL's CSV parser reads it (delimiter ${JSON.stringify(delimiter)}, eol ${JSON.stringify(eol)})`, async () => {
      const lines = TRICKY.map(([promo, channel], i) => {
        const row = orderRow(200 + i).map((v) => (v.includes(delimiter) ? `"${v}"` : v));
        row[ORDER_COLUMNS.indexOf("promo_code")] = promo;
        row[ORDER_COLUMNS.indexOf("channel")] = channel;
        return row.join(delimiter);
      });
      const text = [ORDER_COLUMNS.join(delimiter), ...lines].join(eol) + eol;
      const result = await ingest(db, await writeTemp(`orders_text_${delimiter === "," ? "comma" : "semi"}.csv`, text));
      expect(result.status).toBe("loaded");
      expect(result.rowsRead).toBe(TRICKY.length);
      const loaded = (await bronzeRows(db, "orders", result.fileId)).map(({ src_file_id: _f, src_line: _l, ...values }) => values);
      expect(loaded).toEqual(await viaCsvCopy(text, delimiter));
    });
  }
});

describe("the file's BRIN ranges", () => {
  it("are summarised right after its load (silver has nothing left to summarise for it), and not when the table is busy", async () => {
    const left = async () => (await db.pool.query<{ n: number }>("SELECT brin_summarize_new_values('bronze_orders_src_file_id_idx'::regclass) AS n")).rows[0].n;
    await left(); // whatever earlier tests left
    // 10,000 rows (~1.5 MB) fill page ranges of their own (128 pages of 8 kB each).
    const rows = (first: number) => Array.from({ length: 10_000 }, (_, i) => orderRow(first + i).join(","));
    const loaded = await ingest(db, await writeTemp("orders_brin.csv", [ORDER_COLUMNS.join(","), ...rows(10_000)].join("\n") + "\n"));
    expect(loaded.status).toBe("loaded");
    expect(await left()).toBe(0);

    // Another session holds the table's ShareUpdateExclusiveLock (as an analyse does): the load
    // does not wait for it, and its ranges are left for silver.
    const holder = await db.pool.connect();
    try {
      await holder.query("BEGIN; LOCK TABLE bronze_orders IN SHARE UPDATE EXCLUSIVE MODE");
      const busy = await ingest(db, await writeTemp("orders_brin_busy.csv", [ORDER_COLUMNS.join(","), ...rows(30_000)].join("\n") + "\n"));
      expect(busy.status).toBe("loaded");
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    expect(await left()).toBeGreaterThan(0);
  });
});
