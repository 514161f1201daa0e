// Step "silver": merges every loaded bronze file not yet in silver, source by source
// (dimensions first), one transaction per batch of files: a batch is merged whole or not at all.
// Two lanes on two connections: web events, the largest source by far, split into batches of
// consecutive files merged side by side — and beside the other sources. They touch nothing the
// other sources touch (their own table and partitions, web_day marks only).
import type pg from "pg";
import { inTransaction } from "../../db/in-transaction";
import type { SourceName } from "../contracts";
import { summarizeBronze } from "../ingest/summarize-bronze";
import { inLanes } from "../lanes";
import { mergeSource, type MergeCounts, type MergeParams } from "./merge-source";
import { planDays } from "./day-partitions";
import { AFTER_MERGE } from "./silver-hooks";
import { dayTableOf, SILVER_SPECS, type SilverSpec } from "./silver-specs";
import type { FileGroup } from "./stage-sql";

const ANALYZE_AFTER_ROWS = 10_000;
// Web events, the largest source by far, merge in several batches so both lanes end together
// (the last batch to start is at most an eighth of them); small loads stay in one batch.
const WEB_BATCHES = 8;
const WEB_BATCH_MIN_BYTES = 64 * 1024 * 1024;
const DEADLOCK = "40P01";

export type SilverResult = { files: number; bySource: Partial<Record<SourceName, MergeCounts & { files: number }>> };
type PendingFile = { id: string; decimal_separator: string | null; date_format: string | null; size_bytes: string };
type Batch = { spec: SilverSpec; files: PendingFile[]; newDays?: string[] };

/** Merges the loaded files of `sources` (default: every source) not yet in silver. */
export async function buildSilver(pool: pg.Pool, params: MergeParams, sources?: readonly SourceName[]): Promise<SilverResult> {
  const pending = (await pendingBatches(pool)).filter((b) => !sources || sources.includes(b.spec.source));
  // Summarised here, outside the batches: it locks the bronze table against itself until commit,
  // which would queue each web batch behind the one before.
  for (const source of new Set(pending.map((b) => b.spec.source))) await summarizeBronze(pool, source);
  const web = pending.filter((b) => b.spec.source === "web_events");
  const days = web.length ? dayTableOf(web[0].spec) : null;
  if (days) {
    const newDays = await planDays(pool, days, web.map((b) => b.files.map((f) => f.id)));
    web.forEach((b, i) => (b.newDays = newDays[i]));
  }
  const others = pending.filter((b) => b.spec.source !== "web_events");
  const result: SilverResult = { files: 0, bySource: {} };
  // One lane starts on the web events while the other merges every other source in order; then
  // both take the remaining web batches as they come free (the other sources' merge time per
  // byte is several times web events', so no fixed cut balances the two lanes).
  await inLanes([web.slice(0, 1), others, ...web.slice(1).map((b) => [b])], 2, async (batch) => {
    const counts = await mergeBatch(pool, batch, params);
    // After a big batch (a first load, a backfill) the planner's statistics are stale until
    // autovacuum comes by: gold and the quality rules of this very run planned seq scans of
    // whole tables for one day's keys. Partitioned web events are analysed per partition by autovacuum.
    if (counts.merged >= ANALYZE_AFTER_ROWS && batch.spec.source !== "web_events") await pool.query(`ANALYZE ${batch.spec.table}`);
    const sum = (result.bySource[batch.spec.source] ??= { staged: 0, quarantined: 0, merged: 0, files: 0 });
    sum.staged += counts.staged;
    sum.quarantined += counts.quarantined;
    sum.merged += counts.merged;
    sum.files += batch.files.length;
    result.files += batch.files.length;
  });
  return result;
}

/** Each source's files not yet merged, in SILVER_SPECS order; web events in up to WEB_BATCHES
 *  batches of consecutive files of about the same bytes (none under WEB_BATCH_MIN_BYTES). */
async function pendingBatches(pool: pg.Pool): Promise<Batch[]> {
  const { rows } = await pool.query<PendingFile & { source: string }>(
    `SELECT id, source, decimal_separator, date_format, size_bytes FROM ingest_file WHERE status = 'loaded' AND silver_at IS NULL ORDER BY id`,
  );
  return SILVER_SPECS.flatMap((spec) => {
    const files = rows.filter((r) => r.source === spec.source);
    if (!files.length) return [];
    if (spec.source !== "web_events") return [{ spec, files }];
    const target = Math.max(files.reduce((sum, f) => sum + Number(f.size_bytes), 0) / WEB_BATCHES, WEB_BATCH_MIN_BYTES);
    const batches: Batch[] = [];
    let bytes = Infinity;
    for (const f of files) {
      if (bytes >= target) {
        batches.push({ spec, files: [] });
        bytes = 0;
      }
      batches.at(-1)!.files.push(f);
      bytes += Number(f.size_bytes);
    }
    return batches;
  });
}

async function mergeBatch(pool: pg.Pool, batch: Batch, params: MergeParams, retried = false): Promise<MergeCounts> {
  try {
    return await inTransaction(pool, async (client) => {
      // DISTINCT ON over a batch sorts in memory rather than on disk.
      await client.query("SET LOCAL work_mem = '64MB'");
      const merged = await mergeSource(client, batch.spec, groupByConventions(batch.files), params, batch.newDays);
      await AFTER_MERGE[batch.spec.source]?.(client);
      await client.query("UPDATE ingest_file SET silver_at = now() WHERE id = ANY($1::bigint[])", [batch.files.map((r) => r.id)]);
      return merged;
    });
  } catch (error) {
    // Two web batches can only deadlock on an event sent in files of both batches in a
    // different order; PostgreSQL rolls one back, which then simply runs again.
    if (!retried && (error as { code?: string }).code === DEADLOCK) return mergeBatch(pool, batch, params, true);
    throw error;
  }
}

function groupByConventions(rows: PendingFile[]): FileGroup[] {
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
