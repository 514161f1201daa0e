// A generated dataset at the bench scale (two years, fixed seed; s ≈ 100k orders), cached in
// .data/bench-<scale>, loaded into a bench database by one real pipeline run.
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createPool } from "../../lib/db/pool";
import { DEFAULT_RANGE, generate } from "../../lib/generator/generate";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { root, seconds, type Scale } from "./support";

const SEED = 42;
export const BENCH_PII_KEY = "bench-pii-key-0123456789";

/** The cached export folder, generated first if missing (to a temp name, renamed when complete). */
export async function generatedDataset(scale: Scale, log: (m: string) => void): Promise<string> {
  const dir = path.join(root, ".data", `bench-${scale}`);
  if (existsSync(path.join(dir, "ground_truth.json"))) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  const started = performance.now();
  log(`generating the ${scale}-scale dataset into ${path.relative(root, dir)} (cached for later runs)…`);
  await generate({ outDir: partial, from: DEFAULT_RANGE.from, to: DEFAULT_RANGE.to, scale, seed: SEED, dirty: false, gzip: false });
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  log(`generated in ${seconds(started)} s`);
  return dir;
}

/**
 * Runs the pipeline on a copy of `dataset` (the inbox moves files away) into `databaseUrl`.
 * Web events only for the last `webDays` days: loading the ~3,600 events of each day takes
 * seconds per file, an hour for two years on this machine, and the screens default to 30 days.
 */
export async function loadDataset(databaseUrl: string, dataset: string, tmp: string, webDays: number, log: (m: string) => void) {
  const inbox = path.join(tmp, "inbox");
  await linkTree(dataset, inbox);
  const webDir = path.join(inbox, "web_events");
  const webFiles = (await readdir(webDir)).sort();
  for (const name of webFiles.slice(0, -webDays)) await rm(path.join(webDir, name));
  const pool = createPool({ connectionString: databaseUrl, max: 4 });
  const started = performance.now();
  try {
    const outcome = await runPipeline(pool, { trigger: "cli", inboxDir: inbox, timeZone: "Europe/Paris", piiKey: BENCH_PII_KEY, stableSeconds: 0, webRetentionDays: 100_000 });
    if (outcome.status !== "SUCCESS") throw new Error(`loading the dataset failed: ${outcome.error}`);
  } finally {
    await pool.end();
  }
  log(`pipeline run on the dataset: ${seconds(started)} s`);
  await rm(inbox, { recursive: true, force: true });
}

// Hard links (instant, no extra disk) where the file system allows, copies otherwise.
async function linkTree(from: string, to: string) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst);
    else if (entry.isFile()) await link(src, dst).catch(() => copyFile(src, dst));
  }
}
