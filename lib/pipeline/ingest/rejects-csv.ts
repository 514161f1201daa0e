// The rejected rows of one file as CSV, for the admin to fix and re-send: line, field, the
// offending value, reason, raw record. Cells that a spreadsheet would run as a formula are
// neutralised with a leading apostrophe.
import type pg from "pg";
import { CONTRACTS, SOURCES, type SourceName } from "../contracts";
import { csvSafeSql as safe } from "../../db/csv-safe-sql";
import { streamCopyOut } from "../../db/stream-copy-out";
import { bronzeTable } from "./bronze-sql";

export function rejectsCsvSql(fileId: bigint, source: string | null): string {
  const known = source && (SOURCES as string[]).includes(source) ? (source as SourceName) : null;
  let value = "NULL::text";
  let raw = "r.raw";
  let join = "";
  if (known) {
    const contract = CONTRACTS[known];
    join = `LEFT JOIN ${bronzeTable(known)} b ON b.src_file_id = r.file_id AND b.src_line = r.line_no`;
    // NDJSON: a rejected line is stored whole (see NdjsonFramer).
    if (contract.def.format === "ndjson") {
      value = `CASE WHEN pg_input_is_valid(b.line, 'jsonb') THEN b.line::jsonb ->> r.field END`;
      raw = "coalesce(r.raw, b.line)";
    } else {
      value = `CASE r.field ${contract.columnNames.map((c) => `WHEN '${c}' THEN b."${c}"`).join(" ")} END`;
    }
  }
  return `COPY (SELECT r.line_no AS line, r.field, ${safe(value)} AS value, r.reason, ${safe(raw)} AS raw
  FROM ingest_reject r ${join}
 WHERE r.file_id = ${BigInt(fileId)} ORDER BY r.line_no, r.id) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** Streams the CSV; the client goes back to the pool when the stream ends or fails. */
export function streamRejectsCsv(pool: pg.Pool, fileId: bigint, source: string | null): Promise<NodeJS.ReadableStream> {
  return streamCopyOut(pool, rejectsCsvSql(fileId, source));
}
