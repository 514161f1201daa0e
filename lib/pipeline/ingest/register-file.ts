// Records a received file. Two receptions of the same content (even at the same instant) are
// serialised by an advisory lock on the hash: only the first is loaded, later ones are
// recorded as duplicates of it.
import type pg from "pg";

export type Reception = {
  fileName: string;
  size: number;
  sha256: string;
  channel: "upload" | "push" | "inbox";
  receivedById: string | null;
};

export type Registration = { fileId: bigint; duplicateOf: bigint | null };

export async function registerFile(pool: pg.Pool, r: Reception): Promise<Registration> {
  const client = await pool.connect();
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
    await client.query("COMMIT");
    return { fileId: BigInt(inserted.rows[0].id), duplicateOf };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

export async function markFile(pool: pg.Pool, fileId: bigint, status: "rejected" | "failed", error: string, source: string | null = null) {
  await pool.query(`UPDATE ingest_file SET status = $2::"IngestStatus", error = $3, source = coalesce($4, source), finished_at = now() WHERE id = $1`, [
    fileId,
    status,
    error,
    source,
  ]);
}
