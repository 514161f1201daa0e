// Analytics phase "segments": rebuilds RFM snapshots and cohorts in one transaction, so readers
// see either the previous or the new figures, never a mix. Only from the earliest month whose
// orders gold rebuilt (gold_dirty 'segment_month', see MARK_SEGMENT_MONTHS) — and the last built
// month, whose "as of" moves with new days — on; everything when nothing was built yet.
import type pg from "pg";
import { inTransaction } from "../db/in-transaction";
import type { AnalyticsPhase } from "../pipeline/analytics-phases";
import { REBUILD_COHORTS, REBUILD_SEGMENTS } from "./segments-sql";

/** Rebuild from this month: before all data. */
const EVERYTHING = "1900-01-01";

export async function buildSegments(pool: pg.Pool): Promise<{ rowsIn: number; rowsOut: number; from: string | null }> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ dirty: string | null; built: string | null }>(
      `SELECT (SELECT min(key::date)::text FROM gold_dirty WHERE kind = 'segment_month') AS dirty,
              (SELECT max(month)::text FROM gold_customer_segment_monthly) AS built`,
    );
    const { dirty, built } = rows[0];
    const from = built === null ? EVERYTHING : dirty === null ? null : dirty < built ? dirty : built;
    let rowsOut = 0;
    if (from !== null) {
      for (const sql of [...REBUILD_SEGMENTS, ...REBUILD_COHORTS]) {
        const result = await client.query(sql, [from]);
        if (result.command === "INSERT") rowsOut += result.rowCount ?? 0;
      }
      await client.query("DELETE FROM gold_dirty WHERE kind = 'segment_month'");
    }
    const customers = await client.query<{ n: string }>("SELECT count(DISTINCT customer_id) AS n FROM gold_customer_segment_monthly");
    return { rowsIn: Number(customers.rows[0].n), rowsOut, from };
  });
}

export const SEGMENTS_PHASE: AnalyticsPhase = { name: "segments", run: (pool) => buildSegments(pool) };
