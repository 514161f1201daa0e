// The bench-scale generated exports (shared with the pipeline section: .data/bench-<scale>)
// loaded into a bench database by one real pipeline run, analytics steps included.
import { rm } from "node:fs/promises";
import path from "node:path";
import { createPool } from "../../lib/db/pool";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { benchExports, dropIntoInbox } from "./pipeline-data";
import { seconds, type Scale } from "./support";

export const BENCH_PII_KEY = "bench-pii-key-0123456789";

/**
 * Runs the pipeline on the exports (linked into a temp inbox: it moves files away). Web events
 * only for the last `webDays` days: loading the ~3,600 events of each day takes seconds per
 * file, an hour for two years on this machine, and the screens default to 30 days.
 * Returns the exports folder (its ground_truth.json says what was planted).
 */
export async function loadDataset(databaseUrl: string, scale: Scale, tmp: string, webDays: number, log: (m: string) => void, options: { seed?: number; analytics?: boolean } = {}): Promise<string> {
  const data = await benchExports(scale, log, options.seed);
  const files = [...data.history, ...data.newDay];
  const web = files.filter((f) => f.source === "web_events").sort((a, b) => (a.name < b.name ? -1 : 1));
  const skipped = new Set(web.slice(0, -webDays));
  const inbox = path.join(tmp, "inbox");
  await dropIntoInbox(inbox, files.filter((f) => !skipped.has(f)));
  const pool = createPool({ connectionString: databaseUrl, max: 4 });
  const started = performance.now();
  try {
    const outcome = await runPipeline(pool, { trigger: "cli", inboxDir: inbox, timeZone: "Europe/Paris", piiKey: BENCH_PII_KEY, stableSeconds: 0, webRetentionDays: 100_000, analytics: options.analytics });
    if (outcome.status !== "SUCCESS") throw new Error(`loading the dataset failed: ${outcome.error}`);
  } finally {
    await pool.end();
    await rm(inbox, { recursive: true, force: true });
  }
  log(`pipeline run on the dataset: ${seconds(started)} s`);
  return data.dir;
}
