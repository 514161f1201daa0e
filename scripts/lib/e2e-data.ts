// The generated dataset the dashboard e2e specs read: two months of demo-scale exports
// (fixed seed), loaded by one real pipeline run. Its ground_truth.json holds the independent
// answers the specs compare the screens with.
import path from "node:path";
import { generate } from "../../lib/generator/generate";
import { createPool } from "../../lib/db/pool";
import { runPipeline } from "../../lib/pipeline/run-pipeline";

export const E2E_DATA = { from: "2026-07-01", to: "2026-08-31", seed: 7 } as const;

export async function loadE2eData(databaseUrl: string, dir: string, piiKey: string): Promise<string> {
  const manifest = await generate({ outDir: dir, from: E2E_DATA.from, to: E2E_DATA.to, scale: "demo", seed: E2E_DATA.seed, dirty: false, gzip: false });
  const pool = createPool({ connectionString: databaseUrl, max: 4 });
  try {
    const outcome = await runPipeline(pool, { trigger: "cli", inboxDir: dir, timeZone: "Europe/Paris", piiKey, stableSeconds: 0, webRetentionDays: 100_000 });
    if (outcome.status !== "SUCCESS") throw new Error(`loading the e2e dataset failed: ${outcome.error}`);
  } finally {
    await pool.end();
  }
  console.log(`[e2e] dataset: ${manifest.counts.orders} orders ${E2E_DATA.from} → ${E2E_DATA.to}`);
  return path.join(dir, "ground_truth.json");
}
