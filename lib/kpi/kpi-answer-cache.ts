// KPI answers change only when a pipeline run writes gold, so the API keeps each answer until the
// next run starts or finishes (the newest run's id and state are part of the key), and never
// longer than a minute (other writers to gold, such as an erasure, are seen within it). Nothing
// is kept while a run is in progress. In-process and bounded: least recently used out first.
import type pg from "pg";

const MAX_ENTRIES = 1_000;
const MAX_AGE_MS = 60_000;
const entries = new Map<string, { at: number; value: unknown }>();

export async function cachedKpiAnswer<T>(pool: pg.Pool, query: string, compute: () => Promise<T>): Promise<T> {
  const { rows } = await pool.query<{ version: string | null; running: boolean | null }>(
    "SELECT max(id)::text || ':' || count(*) FILTER (WHERE finished_at IS NOT NULL) AS version, bool_or(status = 'RUNNING') AS running FROM pipeline_run",
  );
  if (rows[0].running) return compute();
  const key = `${rows[0].version ?? "none"}|${query}`;
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < MAX_AGE_MS) {
    entries.delete(key); // re-inserted last: most recently used
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  entries.set(key, { at: Date.now(), value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
