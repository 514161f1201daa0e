// Step "silver": merges every loaded bronze file not yet in silver, source by source
// (dimensions first), one transaction per source: a source is merged whole or not at all.
// Web events, the largest source, merge alongside the others on a second connection: they
// touch nothing the others touch (their own table and partitions, web_day marks only).
import type pg from "pg";
import { inTransaction } from "../../db/in-transaction";
import type { SourceName } from "../contracts";
import { mergeSource, type MergeCounts, type MergeParams } from "./merge-source";
import { AFTER_MERGE, BEFORE_INSERT } from "./silver-hooks";
import { SILVER_SPECS, type SilverSpec } from "./silver-specs";
import { inLanes } from "../lanes";
import type { FileGroup } from "./stage-sql";

const ANALYZE_AFTER_ROWS = 10_000;

export type SilverResult = { files: number; bySource: Partial<Record<SourceName, MergeCounts & { files: number }>> };

export async function buildSilver(pool: pg.Pool, params: MergeParams): Promise<SilverResult> {
  const result: SilverResult = { files: 0, bySource: {} };
  const apart = (spec: SilverSpec) => spec.source === "web_events";
  await inLanes([SILVER_SPECS.filter(apart), SILVER_SPECS.filter((s) => !apart(s))], 2, async (spec) => {
    const { rows } = await pool.query<{ id: string; decimal_separator: string | null; date_format: string | null }>(
      `SELECT id, decimal_separator, date_format FROM ingest_file WHERE source = $1 AND status = 'loaded' AND silver_at IS NULL ORDER BY id`,
      [spec.source],
    );
    if (!rows.length) return;
    const counts = await inTransaction(pool, async (client) => {
      // DISTINCT ON over a batch sorts in memory rather than on disk.
      await client.query("SET LOCAL work_mem = '64MB'");
      const merged = await mergeSource(client, spec, groupByConventions(rows), params, BEFORE_INSERT[spec.source]);
      await AFTER_MERGE[spec.source]?.(client);
      await client.query("UPDATE ingest_file SET silver_at = now() WHERE id = ANY($1::bigint[])", [rows.map((r) => r.id)]);
      return merged;
    });
    // After a big batch (a first load, a backfill) the planner's statistics are stale until
    // autovacuum comes by: gold and the quality rules of this very run planned seq scans of
    // whole tables for one day's keys. Partitioned web events are analysed per partition by autovacuum.
    if (counts.merged >= ANALYZE_AFTER_ROWS && spec.source !== "web_events") await pool.query(`ANALYZE ${spec.table}`);
    result.bySource[spec.source] = { ...counts, files: rows.length };
    result.files += rows.length;
  });
  return result;
}

function groupByConventions(rows: { id: string; decimal_separator: string | null; date_format: string | null }[]): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const r of rows) {
    const decimalSeparator = r.decimal_separator === "," ? "," : ".";
    const dateFormat = r.date_format === "dmy" ? "dmy" : "iso";
    const key = `${decimalSeparator}|${dateFormat}`;
    if (!groups.has(key)) groups.set(key, { fileIds: [], decimalSeparator, dateFormat });
    groups.get(key)!.fileIds.push(BigInt(r.id));
  }
  return [...groups.values()];
}
