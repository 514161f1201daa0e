// Bronze tables are found by file through a BRIN index on src_file_id (near-free during COPY).
// BRIN only knows page ranges it has summarised: without this, every lookup of a file's rows
// would scan all pages appended since the last VACUUM. Summarising the new ranges is cheap.
import type pg from "pg";
import type { SourceName } from "../contracts";
import { sqlLiteral } from "../sql/literal";

const indexOf = (source: SourceName) => `bronze_${source}_src_file_id_idx`;

export async function summarizeBronze(client: pg.PoolClient | pg.Pool, source: SourceName): Promise<void> {
  await client.query("SELECT brin_summarize_new_values($1::regclass)", [indexOf(source)]);
}

/**
 * The same, as SQL to run right after a file's load commits, while its pages are still in
 * memory: silver's own summary before its merge then finds little left to read (a first load at
 * scale m: 8 s of silver's start on one core). Skipped when the table is busy (another summary,
 * an analyse): waiting would hold up the load. Never fails: the file is committed by then, and
 * whatever is not summarised here (busy table, any error) silver summarises, or reports, itself.
 */
export function summarizeIfFreeSql(source: SourceName): string {
  return `DO $$ BEGIN
    PERFORM set_config('lock_timeout', '20ms', true);
    PERFORM brin_summarize_new_values(${sqlLiteral(indexOf(source))}::regclass);
  EXCEPTION WHEN OTHERS THEN NULL;
  END $$`;
}
