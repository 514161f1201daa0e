// Lands one received file in bronze: record it, recognise a duplicate, read its shape, refuse
// it whole if it is structurally wrong, otherwise stream it in with every row accounted for.
import type pg from "pg";
import { CONTRACTS, SOURCES, type SourceName } from "../contracts";
import { loadBronze } from "./load-bronze";
import { markFile, registerFile, type Reception } from "./register-file";
import { resolveLayout, type Layout, type SavedMapping } from "./resolve-layout";
import { sniffFile, type Sniffed } from "./sniff";
import { StructuralError } from "./structural-error";
import { fileDigest } from "./file-digest";
import { summarizeIfFreeSql } from "./summarize-bronze";

export type IngestRequest = Omit<Reception, "size" | "sha256"> & {
  path: string;
  source?: SourceName | null;
  timeZone: string;
  onProgress?: (progress: { phase: "hashing" | "loading" | "validating"; bytes: number; totalBytes: number }) => void;
};

export type RowError = { line: number; field: string | null; reason: string };

export type IngestResult = {
  fileId: string;
  source: string | null;
  status: "loaded" | "rejected" | "duplicate" | "failed";
  duplicate: boolean;
  duplicateOf: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  errors: RowError[];
  message: string | null;
};

const FIRST_ERRORS = 100;

export async function ingestFile(pool: pg.Pool, req: IngestRequest): Promise<IngestResult> {
  const { sha256, size } = await fileDigest(req.path);
  req.onProgress?.({ phase: "hashing", bytes: size, totalBytes: size });
  // One connection owns the file from registration to the end (see registerFile).
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (e: Error) => (broken = e);
  client.on("error", onError); // removed below: pooled clients are reused
  // Whether this session still holds the file's lock (a successful load releases it as it commits).
  const lock = { held: false };
  try {
    return await ingestOwned(pool, client, req, sha256, size, lock);
  } catch (error) {
    broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    if (lock.held) await client.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    client.off("error", onError);
    client.release(broken);
  }
}

async function ingestOwned(pool: pg.Pool, client: pg.PoolClient, req: IngestRequest, sha256: string, size: number, lock: { held: boolean }): Promise<IngestResult> {
  const { fileId, duplicateOf, source: duplicateSource } = await registerFile(client, { ...req, size, sha256 });
  const base = { fileId: String(fileId), duplicate: false, duplicateOf: null, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: [], message: null };
  if (duplicateOf) {
    return { ...base, source: duplicateSource, status: "duplicate", duplicate: true, duplicateOf: String(duplicateOf), message: `Same content as file #${duplicateOf}: not loaded again.` };
  }
  lock.held = true;

  let sniffed: Sniffed;
  let layout: Layout;
  try {
    sniffed = await sniffFile(req.path, req.fileName);
    layout = resolveLayout(sniffed, req.fileName, req.source ?? null, await savedMappings(client));
  } catch (error) {
    if (!(error instanceof StructuralError)) throw error;
    await markFile(client, fileId, "rejected", error.message, req.source ?? null);
    return { ...base, source: req.source ?? null, status: "rejected", message: error.message, errors: [{ line: 1, field: null, reason: error.message }] };
  }

  await client.query(
    `UPDATE ingest_file SET source = $2, encoding = $3, compression = $4, delimiter = $5, decimal_separator = $6, date_format = $7,
            header = $8, columns = $9, mapping_id = $10 WHERE id = $1`,
    [fileId, layout.source, sniffed.encoding, sniffed.compression, sniffed.delimiter || null, layout.decimalSeparator, layout.dateFormat, sniffed.header, layout.columns, layout.mappingId],
  );
  const progress = throttledProgress(pool, fileId, size, req.onProgress);
  try {
    await client.query("BEGIN");
    const { firstDay, lastDay, ...counts } = await loadBronze(client, { path: req.path, fileId, sniffed, layout, timeZone: req.timeZone, onBytes: progress });
    req.onProgress?.({ phase: "validating", bytes: size, totalBytes: size });
    await client.query(
      `UPDATE ingest_file SET status = 'loaded', rows_read = $2, rows_loaded = $3, rows_rejected = $4, first_day = $5, last_day = $6,
              bytes_processed = size_bytes, finished_at = now() WHERE id = $1`,
      [fileId, counts.rowsRead, counts.rowsLoaded, counts.rowsRejected, firstDay, lastDay],
    );
    // One round trip: the commit, the file's lock released, its BRIN ranges summarised.
    await client.query(`COMMIT; SELECT pg_advisory_unlock_all(); ${summarizeIfFreeSql(layout.source)}`);
    lock.held = false;
    // Read with the load's own client: waiting for a second pooled connection while holding this
    // one deadlocks once as many files load at once as the pool has connections.
    return { ...base, ...counts, source: layout.source, status: "loaded", errors: counts.rowsRejected ? await firstErrors(client, fileId) : [] };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await markFile(client, fileId, "failed", message);
    return { ...base, source: layout.source, status: "failed", message: `Loading failed, nothing was stored: ${message}` };
  }
}

// Every query of a load goes through the connection that owns the file: waiting for a second
// pooled connection while holding one deadlocks once as many files load as the pool has connections.
async function savedMappings(db: pg.PoolClient): Promise<SavedMapping[]> {
  const { rows } = await db.query(
    `SELECT id, source, header_signature AS "headerSignature", mapping, decimal_separator AS "decimalSeparator", date_format AS "dateFormat" FROM column_mapping`,
  );
  return rows.filter((r) => (SOURCES as string[]).includes(r.source) && r.source in CONTRACTS).map((r) => ({ ...r, id: BigInt(r.id) }));
}

async function firstErrors(db: pg.Pool | pg.PoolClient, fileId: bigint): Promise<RowError[]> {
  const { rows } = await db.query<RowError>(
    `SELECT line_no AS line, field, reason FROM ingest_reject WHERE file_id = $1 ORDER BY line_no, id LIMIT ${FIRST_ERRORS}`,
    [fileId],
  );
  return rows;
}

// Progress for the caller at most 4 times a second, and in the file's row at most once a second.
function throttledProgress(pool: pg.Pool, fileId: bigint, totalBytes: number, onProgress: IngestRequest["onProgress"]) {
  let lastCall = 0;
  let lastSave = 0;
  return (bytes: number) => {
    const now = Date.now();
    if (now - lastCall >= 250) {
      lastCall = now;
      onProgress?.({ phase: "loading", bytes, totalBytes });
    }
    if (now - lastSave >= 1000) {
      lastSave = now;
      pool.query("UPDATE ingest_file SET bytes_processed = $2 WHERE id = $1", [fileId, bytes]).catch(() => {});
    }
  };
}
