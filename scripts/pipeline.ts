// `npm run pipeline -- [--date YYYY-MM-DD | --from D --to D | --full] [--inbox DIR]`: one run of
// the pipeline (drop folder → bronze → silver → quality gate → gold), progress per step, exit
// code 1 when the run fails. Uses DATABASE_URL or the embedded database of `npm start`.
// Drive it from cron or a Kubernetes CronJob where no Inngest server is deployed (README).
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "../lib/db/migrate";
import { runPipeline } from "../lib/pipeline/run-pipeline";
import { withLocalDatabase } from "./lib/local-database";
import { loadOrCreateSecret } from "./lib/local-secret";
import { createPool } from "../lib/db/pool";

const { values } = parseArgs({
  options: {
    date: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    full: { type: "boolean", default: false },
    inbox: { type: "string" },
    "no-inbox": { type: "boolean", default: false },
    "stable-seconds": { type: "string" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const day = /^\d{4}-\d{2}-\d{2}$/;
for (const [name, v] of Object.entries({ date: values.date, from: values.from, to: values.to })) {
  if (v && !day.test(v)) throw new Error(`--${name} must be a date YYYY-MM-DD (got ${v})`);
}
if (!!values.from !== !!values.to) throw new Error("--from and --to go together");

let exitCode = 1;
await withLocalDatabase(async (url) => {
  await migrate(url, path.join(root, "prisma/migrations"));
  const pool = createPool({ connectionString: url, max: 4 });
  const started = Date.now();
  try {
    const outcome = await runPipeline(pool, {
      trigger: "cli",
      inboxDir: values["no-inbox"] ? null : path.resolve(values.inbox ?? process.env.INBOX_DIR ?? path.join(root, ".data/inbox")),
      from: values.date ?? values.from,
      to: values.date ?? values.to,
      full: values.full,
      timeZone: process.env.REPORTING_TZ ?? "Europe/Paris",
      piiKey: process.env.PII_HASH_KEY ?? (await loadOrCreateSecret(path.join(root, ".data/pii-hash-key"))),
      stableSeconds: Number(values["stable-seconds"] ?? process.env.INBOX_STABLE_SECONDS ?? 60),
      webRetentionDays: Number(process.env.WEB_EVENTS_RETENTION_DAYS ?? 90),
      webSamplePercent: Number(process.env.WEB_EVENTS_SAMPLE_PERCENT ?? 0),
      onProgress: (m) => console.log(`[pipeline] ${m}`),
    });
    console.log(`[pipeline] run #${outcome.runId} ${outcome.status} in ${((Date.now() - started) / 1000).toFixed(1)} s${outcome.error ? `: ${outcome.error}` : ""}`);
    exitCode = outcome.status === "SUCCESS" ? 0 : 1;
  } finally {
    await pool.end();
  }
});
// Explicit: a connection dropped during the run must not leave the exit status to chance.
process.exit(exitCode);
