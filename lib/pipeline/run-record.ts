// Bookkeeping of runs and steps in pipeline_run / pipeline_step.
import type pg from "pg";

export async function openRun(pool: pg.Pool, trigger: string, scope: object): Promise<bigint> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO pipeline_run (trigger, scope, status) VALUES ($1, $2, 'RUNNING') RETURNING id`, [trigger, scope]);
  return BigInt(rows[0].id);
}

export async function closeRun(pool: pg.Pool, runId: bigint, status: "SUCCESS" | "FAILED", qualityGate: string | null, error: string | null) {
  await pool.query(`UPDATE pipeline_run SET status = $2::"RunStatus", quality_gate = $3, error = $4, finished_at = now() WHERE id = $1`, [runId, status, qualityGate, error]);
}

export async function step<T>(pool: pg.Pool, runId: bigint, name: string, work: () => Promise<T>, rows?: (r: T) => { rowsIn?: number; rowsOut?: number }): Promise<T> {
  const { rows: inserted } = await pool.query<{ id: string }>(`INSERT INTO pipeline_step (run_id, name, status) VALUES ($1, $2, 'RUNNING') RETURNING id`, [runId, name]);
  const id = inserted[0].id;
  try {
    const result = await work();
    const counts = rows?.(result) ?? {};
    await pool.query(`UPDATE pipeline_step SET status = 'SUCCESS', finished_at = now(), rows_in = $2, rows_out = $3 WHERE id = $1`, [id, counts.rowsIn ?? null, counts.rowsOut ?? null]);
    return result;
  } catch (error) {
    await pool.query(`UPDATE pipeline_step SET status = 'FAILED', finished_at = now(), error = $2 WHERE id = $1`, [id, error instanceof Error ? error.message : String(error)]);
    throw error;
  }
}
