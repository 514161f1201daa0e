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

export type Registration = { fileId: bigint; duplicateOf: bigint | null };

/** Lock key of a file being loaded; held by the loading session (see abandonStaleFiles). */
export const fileLockSql = (fn: "pg_advisory_lock" | "pg_try_advisory_lock" | "pg_advisory_unlock", idExpr: string) =>
  `${fn}(hashtextextended('ingest-file:' || ${idExpr}::text, 0))`;

/** Registers the file on `client`, which then owns it (session lock) until released. */
export async function registerFile(client: pg.PoolClient, r: Reception): Promise<Registration> {
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [r.sha256]);
    const existing = await client.query<{ id: string }>(
      `SELECT id FROM ingest_file WHERE sha256 = $1 AND status IN ('processing', 'loaded') ORDER BY id LIMIT 1`,
      [r.sha256],
    );
    const duplicateOf = existing.rows[0] ? BigInt(existing.rows[0].id) : null;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO ingest_file (file_name, size_bytes, sha256, channel, received_by_id, status, duplicate_of_id, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6::"IngestStatus", $7, CASE WHEN $6::"IngestStatus" = 'duplicate' THEN now() END) RETURNING id`,
      [r.fileName, r.size, r.sha256, r.channel, r.receivedById, duplicateOf ? "duplicate" : "processing", duplicateOf],
    );
    // Taken inside the transaction so there is no instant where a processing row has no owner.
    if (!duplicateOf) await client.query(`SELECT ${fileLockSql("pg_advisory_lock", "$1")}`, [inserted.rows[0].id]);
    await client.query("COMMIT");
    return { fileId: BigInt(inserted.rows[0].id), duplicateOf };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
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
