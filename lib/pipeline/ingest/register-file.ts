// Records a received file. Two receptions of the same content (even at the same instant) are
// serialised by an advisory lock on the hash: only the first is loaded, later ones are
// recorded as duplicates of it. The loading connection holds a session lock on the file id
// while the file is "processing", so a file whose loader died can be told from a live one.
import type pg from "pg";

export type Reception = {
  fileName: string;
  size: number;
  sha256: string;
  channel: "upload" | "push" | "inbox";
  receivedById: string | null;
};

/** Lock key of a file being loaded; held by the loading session (see abandonStaleFiles). */
export const fileLockSql = (fn: "pg_advisory_lock" | "pg_try_advisory_lock" | "pg_advisory_unlock", idExpr: string) =>
  `${fn}(hashtextextended('ingest-file:' || ${idExpr}::text, 0))`;

export type Registration = { fileId: bigint; duplicateOf: bigint | null; source: string | null };

/**
 * Registers the file on `client`, which then owns it (session lock) until released: one
 * statement, the function register_ingest_file (its migration says how), with the processing
 * file's lock taken in the same transaction, so there is no instant where a processing row has
 * no owner. A duplicate comes back with the source of the file it repeats.
 */
export async function registerFile(client: pg.PoolClient, r: Reception): Promise<Registration> {
  const { rows } = await client.query<{ id: string; duplicate_of_id: string | null; source: string | null }>(
    `SELECT f.id, f.duplicate_of_id, f.source, CASE WHEN f.duplicate_of_id IS NULL THEN ${fileLockSql("pg_advisory_lock", "f.id")} END
       FROM register_ingest_file($1, $2, $3, $4, $5) f`,
    [r.fileName, r.size, r.sha256, r.channel, r.receivedById],
  );
  const { id, duplicate_of_id: duplicateOf, source } = rows[0];
  return { fileId: BigInt(id), duplicateOf: duplicateOf === null ? null : BigInt(duplicateOf), source };
}

/** Files left "processing" by a loader that died (its session lock is gone) become failed. */
export async function abandonStaleFiles(pool: pg.Pool): Promise<number> {
  const client = await pool.connect(); // locks tried here must be released on the same session
  try {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE ingest_file SET status = 'failed', finished_at = now(), error = 'abandoned: the process loading it stopped before it finished; send it again'
        WHERE status = 'processing' AND ${fileLockSql("pg_try_advisory_lock", "id")} RETURNING id`,
    );
    for (const { id } of rows) await client.query(`SELECT ${fileLockSql("pg_advisory_unlock", "$1")}`, [id]);
    return rows.length;
  } finally {
    client.release();
  }
}

export async function markFile(db: pg.Pool | pg.PoolClient, fileId: bigint, status: "rejected" | "failed", error: string, source: string | null = null) {
  await db.query(`UPDATE ingest_file SET status = $2::"IngestStatus", error = $3, source = coalesce($4, source), finished_at = now() WHERE id = $1`, [
    fileId,
    status,
    error,
    source,
  ]);
}
