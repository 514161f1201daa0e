// Quarantined rows (ingest_reject): cell checks refused at ingest and silver rules refused at
// merge. For a run, those of the files received or merged into silver during its time window;
// without one, the latest overall. The raw row is shown only to readers allowed personal data.
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";
import { can } from "../../auth/permissions";
import type { Quarantine } from "./types";

type RejectRecord = { id: string; file_id: string; file_name: string; source: string | null; line_no: number; field: string | null; rule: string | null; reason: string; raw: string | null };

const RAW_CHARS = 300;

export async function listQuarantine(pool: pg.Pool, actor: CurrentUser, options: { runId?: bigint | null; limit?: number } = {}): Promise<Quarantine> {
  assertCan(actor, "pipeline:run");
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 100)), 1000);
  const runId = options.runId ?? null;
  // The files in scope; `$n` is the run id's placeholder in the query it goes into.
  const files = (n: number) =>
    runId === null
      ? "ingest_file f"
      : `(SELECT f.* FROM ingest_file f JOIN pipeline_run w ON w.id = $${n}
           WHERE f.received_at BETWEEN w.started_at AND coalesce(w.finished_at, now())
              OR f.silver_at BETWEEN w.started_at AND coalesce(w.finished_at, now())) f`;
  const run = runId === null ? [] : [String(runId)];
  const [rows, total] = await Promise.all([
    pool.query<RejectRecord>(
      `SELECT r.id::text AS id, r.file_id::text AS file_id, f.file_name, f.source, r.line_no, r.field, r.rule, r.reason, left(r.raw, ${RAW_CHARS}) AS raw
         FROM ingest_reject r JOIN ${files(2)} ON f.id = r.file_id
        ORDER BY r.id DESC LIMIT $1`,
      [limit, ...run],
    ),
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ingest_reject r JOIN ${files(1)} ON f.id = r.file_id`, run),
  ]);
  const showRaw = can(actor.role, "pii:read");
  return {
    runId: runId === null ? null : String(runId),
    total: Number(total.rows[0].n),
    rows: rows.rows.map((r) => ({
      id: r.id,
      fileId: r.file_id,
      fileName: r.file_name,
      source: r.source,
      lineNo: r.line_no,
      field: r.field,
      rule: r.rule,
      reason: r.reason,
      raw: showRaw ? r.raw : null,
    })),
  };
}
