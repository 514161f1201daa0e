// Streams one file into its bronze table with COPY and validates every cell, all in one
// transaction: the file is in bronze whole (good rows, and every bad row in ingest_reject with
// its line and reason) or not at all. Cells are checked in JS by the framer while PostgreSQL
// parses and inserts the previous chunk (cell-check.ts, same rules as the SQL); the few NDJSON
// lines the framer cannot judge exactly like jsonb would are checked in SQL after the COPY
// (validationSql).
import { createReadStream } from "node:fs";
import { PassThrough, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import iconv from "iconv-lite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copySql, validationSql } from "./bronze-sql";
import { summarizeBronze } from "./summarize-bronze";
import { CONTRACTS } from "../contracts";
import { compileCellCheck, serverLocaleSql, type ServerLocale } from "./cell-check";
import { CsvFramer, type RejectedRecord } from "./csv-framer";
import { bomLength, feedFile, OUTPUT_BUFFERS } from "./feed-file";
import { NdjsonFramer } from "./ndjson-framer";
import { RejectSpool } from "./reject-spool";
import type { Layout } from "./resolve-layout";
import type { Sniffed } from "./sniff";

// Read size of the load: small enough that the chunks in flight (read, framed, queued for the
// socket) stay a few MB whatever the file size.
const READ_CHUNK = 256 * 1024;

export type LoadCounts = { rowsRead: number; rowsRejected: number; rowsLoaded: number };
/** Web events: the days their timestamps are written with (see NdjsonFramer.dayColumn). */
export type LoadedDays = { firstDay: string | null; lastDay: string | null };

export async function loadBronze(
  client: pg.PoolClient,
  input: { path: string; fileId: bigint; sniffed: Sniffed; layout: Layout; timeZone: string; onBytes?: (bytes: number) => void },
): Promise<LoadCounts & LoadedDays> {
  const { fileId, sniffed, layout } = input;
  const spool = await RejectSpool.open(fileId);
  const conventions = { decimalSeparator: layout.decimalSeparator, dateFormat: layout.dateFormat, timeZone: input.timeZone };
  // Rejects arrive in line order: count the distinct lines as they go by.
  let rejectedLines = 0;
  let lastLine = -1;
  let ordered = true;
  const onReject = (r: RejectedRecord) => {
    if (r.line !== lastLine) {
      if (r.line < lastLine) ordered = false;
      rejectedLines++;
      lastLine = r.line;
    }
    spool.add(r);
  };
  try {
    const contract = CONTRACTS[layout.source];
    // The few locale-dependent corners of the SQL rules (Unicode spaces, lower('İ')), read off the server.
    const locale = await serverLocale(client);
    const checks = layout.columns.map((name) => compileCellCheck(contract.column(name), conventions, locale));
    const plain = sniffed.compression !== "gzip" && sniffed.encoding !== "windows-1252";
    const buffers = plain ? OUTPUT_BUFFERS : undefined;
    const framer =
      sniffed.format === "ndjson"
        ? new NdjsonFramer({ fileId, onReject, columns: layout.columns, checks, dayColumn: "ts", buffers })
        : new CsvFramer({
            fileId,
            delimiter: sniffed.delimiter,
            fieldCount: sniffed.header.length,
            projection: layout.projection,
            firstLine: 1,
            skipHeader: true,
            output: "text",
            cells: { names: layout.columns, checks },
            onReject,
            buffers,
          });
    const copy = client.query(copyFrom(copySql(layout.source, layout.columns, sniffed.delimiter)));
    if (buffers) await feedFile(input.path, framer, buffers, copy, { onBytes: input.onBytes });
    else {
      const stages: NodeJS.ReadWriteStream[] = [countBytes(input.onBytes)];
      if (sniffed.compression === "gzip") stages.push(createGunzip({ chunkSize: 64 * 1024 }));
      stages.push(stripBom());
      if (sniffed.encoding === "windows-1252") stages.push(iconv.decodeStream("win1252"), iconv.encodeStream("utf8"));
      await pipeline([createReadStream(input.path, { highWaterMark: READ_CHUNK }), ...stages, framer, copy]);
    }
    await spool.copyInto(client);
    let rowsRejected = rejectedLines;
    const deferred = framer instanceof NdjsonFramer ? framer.deferred : [];
    if (deferred.length || !ordered) {
      if (deferred.length) {
        await summarizeBronze(client, layout.source);
        await client.query(validationSql(layout.source, layout.columns, conventions, true), [fileId, deferred]);
      }
      const { rows } = await client.query<{ n: string }>("SELECT count(DISTINCT line_no) AS n FROM ingest_reject WHERE file_id = $1", [fileId]);
      rowsRejected = Number(rows[0].n);
    }
    const days = framer instanceof NdjsonFramer ? { firstDay: framer.firstDay, lastDay: framer.lastDay } : { firstDay: null, lastDay: null };
    return { rowsRead: framer.records, rowsRejected, rowsLoaded: framer.records - rowsRejected, ...days };
  } finally {
    await spool.dispose();
  }
}

// Read once per database: a drop folder of thousands of small files paid a round trip each.
const locales = new Map<string, ServerLocale>();
async function serverLocale(client: pg.PoolClient): Promise<ServerLocale> {
  const key = `${client.host}:${client.port}/${client.database}`;
  if (!locales.has(key)) locales.set(key, (await client.query<ServerLocale>(serverLocaleSql)).rows[0]);
  return locales.get(key)!;
}

function countBytes(onBytes?: (bytes: number) => void) {
  let total = 0;
  return new PassThrough({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      onBytes?.(total);
      done(null, chunk);
    },
  });
}

function stripBom() {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      if (first) chunk = chunk.subarray(bomLength(chunk));
      first = false;
      done(null, chunk);
    },
  });
}
