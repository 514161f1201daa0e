// One dataset as a file: permission-checked, streamed, named for the download.
import type { Readable } from "node:stream";
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import type { DatasetDownloadQuery } from "./dataset-query";
import type { Dataset } from "./dataset-types";
import { streamDatasetCsv } from "./stream-csv";
import { streamDatasetParquet } from "./stream-parquet";

export const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", parquet: "application/vnd.apache.parquet" } as const;

export async function exportDataset(pool: pg.Pool, actor: CurrentUser, ds: Dataset, q: DatasetDownloadQuery): Promise<{ body: Readable; contentType: string; fileName: string }> {
  assertCan(actor, "datasets:read");
  if (q.pii) {
    assertCan(actor, "pii:read");
    // Clear personal data leaving the platform is recorded: who took which dataset, when.
    await pool.query("INSERT INTO audit_log (actor_id, action, target, details) VALUES ($1, 'dataset.export_pii', $2, $3)", [actor.id, ds.id, JSON.stringify({ format: q.format, range: q.range })]);
  }
  const opts = { pii: q.pii, range: q.range };
  const body = q.format === "csv" ? await streamDatasetCsv(pool, ds, opts) : streamDatasetParquet(pool, ds, opts);
  const suffix = q.range ? `_${q.range.from}_${q.range.to}` : "";
  return { body, contentType: CONTENT_TYPES[q.format], fileName: `${ds.id}${suffix}${q.pii ? "_pii" : ""}.${q.format}` };
}
