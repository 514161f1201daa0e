// `npm run test:e2e`: Playwright against the built app, on throwaway databases.
// Starts an embedded PostgreSQL (or uses TEST_DATABASE_URL's server), and for each phase
// migrates a new database, creates the demo accounts, builds the app if needed, serves it on
// E2E_PORT and runs Playwright. E2E_PHASES=app or =dashboards runs one phase only.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDbClients } from "../lib/db/clients";
import { withDatabase } from "../lib/db/connection";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { ensureDemoAccounts } from "../lib/auth/demo-accounts";
import { buildIfStale } from "./lib/build-if-stale";
import { ensureChromium } from "./lib/ensure-chromium";
import { loadE2eData } from "./lib/e2e-data";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const baseUrl = `http://localhost:${port}`;
const next = path.join(root, "node_modules/next/dist/bin/next");
const log = (m: string) => console.log(`[e2e] ${m}`);

// Two phases, each on its own database and app process: the app's workflows on an empty
// database (their specs bring their own small fixtures), then the dashboards and the API
// document (e2e/data-api.spec.ts) on a generated dataset loaded by a real pipeline run, whose
// ground truth the dashboard specs read.
const PHASES = [
  { name: "app", projects: ["setup", "chromium"], dataset: false },
  { name: "dashboards", projects: ["setup", "dashboards"], dataset: true },
] as const;

async function main(): Promise<number> {
  const chromium = ensureChromium();
  let embedded: EmbeddedServer | undefined;
  let tmp: string | undefined;
  try {
    tmp = await mkdtemp(path.join(os.tmpdir(), "ea-e2e-"));
    await chmod(tmp, 0o755); // the embedded server runs as the postgres user
    let serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      embedded = await startEmbeddedPostgres({ dir: path.join(tmp, "data"), persistent: false });
      serverUrl = embedded.url("postgres");
    }
    const wanted = (process.env.E2E_PHASES ?? "app,dashboards").split(",");
    let failed = 0;
    for (const phase of PHASES.filter((p) => wanted.includes(p.name))) {
      failed += await runPhase(phase, serverUrl, tmp, chromium);
    }
    return failed ? 1 : 0;
  } finally {
    await embedded?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

async function runPhase(phase: (typeof PHASES)[number], serverUrl: string, tmp: string, chromium: string): Promise<number> {
  const database = `e2e_${phase.name}_${process.pid}`;
  await ensureDatabase(serverUrl, database);
  const databaseUrl = withDatabase(serverUrl, database);
  await migrate(databaseUrl, path.join(root, "prisma/migrations"));
  const db = createDbClients(databaseUrl, 2);
  await ensureDemoAccounts(db.prisma).finally(db.close);
  const piiKey = "e2e-pii-key-0123456789";
  const truth = phase.dataset ? await loadE2eData(databaseUrl, path.join(tmp, `dataset-${phase.name}`), piiKey) : "";

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    DEMO_MODE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    PII_HASH_KEY: piiKey,
    // Runs started from the app read this empty drop folder, never the repository's .data/inbox.
    INBOX_DIR: path.join(tmp, `inbox-${phase.name}`),
    E2E_TRUTH: truth,
  };
  await buildIfStale(root, async () => void (await exec(process.execPath, [next, "build"], env)));
  const app = spawn(process.execPath, [next, "start", "-p", port], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  try {
    await waitForHealthy(`${baseUrl}/api/health`);
    log(`phase ${phase.name}: app ready at ${baseUrl}`);
    const args = ["test", ...phase.projects.map((p) => `--project=${p}`), "--pass-with-no-tests", `--output=test-results/${phase.name}`, ...process.argv.slice(2)];
    return await exec(path.join(root, "node_modules/.bin/playwright"), args, {
      ...env,
      E2E_BASE_URL: baseUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
      PLAYWRIGHT_HTML_REPORT: `playwright-report/${phase.name}`,
    }).then(
      () => 0,
      () => 1,
    );
  } finally {
    if (app.exitCode === null) {
      const exited = new Promise((r) => app.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
  }
}

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve(0) : reject(new Error(`${path.basename(cmd)} ${args[0]} exited with ${code}`))));
  });
}

async function waitForHealthy(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer at ${url} within 60 s`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
