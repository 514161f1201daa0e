// Bronze tables are found by file through a BRIN index on src_file_id (near-free during COPY).
// BRIN only knows page ranges it has summarised: without this, every lookup of a file's rows
// would scan all pages appended since the last VACUUM. Summarising the new ranges is cheap.
import type pg from "pg";
import type { SourceName } from "../contracts";

export async function summarizeBronze(client: pg.PoolClient | pg.Pool, source: SourceName): Promise<void> {
  await client.query("SELECT brin_summarize_new_values($1::regclass)", [`bronze_${source}_src_file_id_idx`]);
}
