// How fresh the figures are: the last day with sales in gold and the last pipeline run.
import type pg from "pg";

export type Freshness = { dataUpTo: string | null; lastRun: { id: string; status: string; finishedAt: Date | null; qualityGate: string | null } | null };

export async function getFreshness(pool: pg.Pool): Promise<Freshness> {
  const [data, run] = await Promise.all([
    pool.query<{ d: string | null }>("SELECT max(day)::text AS d FROM gold_sales_daily"),
    pool.query<{ id: string; status: string; finished_at: Date | null; quality_gate: string | null }>(
      "SELECT id, status, finished_at, quality_gate FROM pipeline_run WHERE status <> 'RUNNING' ORDER BY id DESC LIMIT 1",
    ),
  ]);
  const r = run.rows[0];
  return { dataUpTo: data.rows[0].d, lastRun: r ? { id: String(r.id), status: r.status, finishedAt: r.finished_at, qualityGate: r.quality_gate } : null };
}
