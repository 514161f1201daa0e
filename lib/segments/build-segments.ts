// Analytics phase "segments": rebuilds RFM snapshots and cohorts in one transaction, so readers
// see either the previous or the new figures, never a mix.
import type pg from "pg";
import { inTransaction } from "../db/in-transaction";
import type { AnalyticsPhase } from "../pipeline/analytics-phases";
import { REBUILD_COHORTS, REBUILD_SEGMENTS } from "./segments-sql";

export async function buildSegments(pool: pg.Pool): Promise<{ rowsIn: number; rowsOut: number }> {
  return inTransaction(pool, async (client) => {
    let rowsOut = 0;
    for (const sql of [...REBUILD_SEGMENTS, ...REBUILD_COHORTS]) {
      const result = await client.query(sql);
      if (result.command === "INSERT") rowsOut += result.rowCount ?? 0;
    }
    const customers = await client.query<{ n: string }>("SELECT count(DISTINCT customer_id) AS n FROM gold_customer_segment_monthly");
    return { rowsIn: Number(customers.rows[0].n), rowsOut };
  });
}

export const SEGMENTS_PHASE: AnalyticsPhase = { name: "segments", run: (pool) => buildSegments(pool) };
