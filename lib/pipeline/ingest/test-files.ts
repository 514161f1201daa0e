// Shared helpers for the ingestion database tests (*.db.test.ts): a migrated throwaway
// database, temporary files, small CSV builders in contract column order, and queries
// that read back what a file left in ingest_file, ingest_reject and the bronze tables.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { CONTRACTS, SOURCES, type SourceName } from "../contracts";
import { ingestFile, type IngestRequest } from "./ingest-file";

/** A fresh, migrated database. */
export async function createIngestDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

export async function tempDir(prefix = "ingest-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes `content` (text as UTF-8, or exact bytes) to a new temporary folder; returns the path. */
export async function writeTemp(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, content);
  return file;
}

/** One CSV field, quoted only when it must be. */
export function csvField(value: string, delimiter = ","): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[], options: { delimiter?: string; eol?: string; trailingEol?: boolean } = {}): string {
  const { delimiter = ",", eol = "\n", trailingEol = true } = options;
  const text = rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join(eol);
  return trailingEol ? text + eol : text;
}

export const ORDER_COLUMNS = CONTRACTS.orders.columnNames;
export const ORDER_LINE_COLUMNS = CONTRACTS.order_lines.columnNames;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A valid orders row (contract order) for order number n; `over` replaces named cells. */
export function orderRow(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const row: Record<string, string> = {
    order_id: `ORD-${pad(n, 8)}`,
    customer_id: `C${pad(n, 7)}`,
    ordered_at: "2026-01-05T09:15:00+01:00",
    status: "paid",
    channel: "web",
    currency: "EUR",
    shipping_amount: "4.90",
    promo_code: "",
    updated_at: "2026-01-05T09:20:00+01:00",
    ...over,
  } as Record<string, string>;
  return ORDER_COLUMNS.map((c) => row[c]);
}

/** A complete orders CSV (header + one valid row per order number). */
export function ordersCsv(numbers: readonly number[], options: { delimiter?: string; eol?: string } = {}): string {
  return csvText([[...ORDER_COLUMNS], ...numbers.map((n) => orderRow(n))], options);
}

/** A valid order_lines row for order number n. */
export function orderLineRow(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const row: Record<string, string> = {
    order_id: `ORD-${pad(n, 8)}`,
    line_no: "1",
    sku: `SKU-${pad(n % 100000, 5)}`,
    quantity: "2",
    unit_price: "29.90",
    discount_amount: "0.00",
    ...over,
  } as Record<string, string>;
  return ORDER_LINE_COLUMNS.map((c) => row[c]);
}

export const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

type Db = Pick<TestDatabase, "pool">;

/** ingestFile with the test defaults (upload channel, Paris time, file name from the path). */
export function ingest(db: Db, file: string, over: Partial<IngestRequest> = {}) {
  return ingestFile(db.pool, { path: file, fileName: path.basename(file), channel: "upload", receivedById: null, timeZone: "Europe/Paris", ...over });
}

export async function fileRow(db: Db, fileId: string) {
  const { rows } = await db.pool.query("SELECT * FROM ingest_file WHERE id = $1", [fileId]);
  return rows[0];
}

/** The bronze rows of one file, by line, with every column as text (lineage included). */
export async function bronzeRows(db: Db, source: SourceName, fileId: string): Promise<Record<string, string | null>[]> {
  const { rows } = await db.pool.query(`SELECT * FROM bronze_${source} WHERE src_file_id = $1 ORDER BY src_line`, [fileId]);
  return rows.map((r) => ({ ...r, src_file_id: String(r.src_file_id) }));
}

/** Rows of one file in all bronze tables together. */
export async function bronzeCountAll(db: Db, fileId: string): Promise<number> {
  let total = 0;
  for (const source of SOURCES) {
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM bronze_${source} WHERE src_file_id = $1`, [fileId]);
    total += rows[0].n;
  }
  return total;
}

export async function rejectRows(db: Db, fileId: string): Promise<{ line: number; field: string | null; reason: string }[]> {
  const { rows } = await db.pool.query("SELECT line_no AS line, field, reason FROM ingest_reject WHERE file_id = $1 ORDER BY line_no, field NULLS FIRST", [fileId]);
  return rows;
}
