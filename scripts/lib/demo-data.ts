// Demo mode's first start: two years of generated exports into the drop folder, then one
// pipeline run, so the dashboards are full on first login. Later starts find the data there.
import { existsSync } from "node:fs";
import path from "node:path";
import { generate } from "../../lib/generator/generate";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { createPool } from "../../lib/db/pool";

export async function loadDemoDataOnce(options: { databaseUrl: string; inboxDir: string; piiKey: string; timeZone: string; log: (m: string) => void }) {
  const pool = createPool({ connectionString: options.databaseUrl, max: 4 });
  try {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pipeline_run WHERE status = 'SUCCESS'");
    if (rows[0].n > 0) return;
    if (!existsSync(path.join(options.inboxDir, "orders"))) {
      const to = yesterdayIn(options.timeZone);
      const from = shiftYears(to, -2);
      options.log(`demo data: generating exports ${from} → ${to} into ${path.relative(process.cwd(), options.inboxDir)} …`);
      const started = Date.now();
      const manifest = await generate({ outDir: options.inboxDir, from, to, scale: "demo", seed: 42, dirty: false, gzip: false });
      options.log(`demo data: ${manifest.counts.orders} orders generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    options.log("demo data: running the pipeline once (ingest → silver → quality → gold); this takes a few minutes the first time…");
    let files = 0;
    const outcome = await runPipeline(pool, {
      trigger: "manual",
      inboxDir: options.inboxDir,
      timeZone: options.timeZone,
      piiKey: options.piiKey,
      stableSeconds: 0,
      webRetentionDays: 100_000,
      onProgress: (m) => {
        if (m.startsWith("  ")) {
          if (++files % 500 === 0) options.log(`demo data: ${files} files loaded…`);
        } else options.log(`pipeline: ${m}`);
      },
    });
    options.log(`demo data: pipeline run #${outcome.runId} ${outcome.status}${outcome.error ? ` — ${outcome.error}` : ""}`);
  } finally {
    await pool.end();
  }
}

function yesterdayIn(timeZone: string): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function shiftYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
