// `npm run test:e2e`: Playwright against the built app, on a throwaway database.
// Starts an embedded PostgreSQL (or uses TEST_DATABASE_URL's server), migrates, creates the
// demo accounts, builds the app if needed, serves it on E2E_PORT and runs Playwright.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDbClients } from "../lib/db/clients";
import { withDatabase } from "../lib/db/connection";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { ensureDemoAccounts } from "../lib/auth/demo-accounts";
import { buildIfStale } from "./lib/build-if-stale";
import { ensureChromium } from "./lib/ensure-chromium";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const baseUrl = `http://localhost:${port}`;
const next = path.join(root, "node_modules/next/dist/bin/next");
const log = (m: string) => console.log(`[e2e] ${m}`);

async function main(): Promise<number> {
  const chromium = ensureChromium();
  let embedded: EmbeddedServer | undefined;
  let tmp: string | undefined;
  let app: ChildProcess | undefined;
  try {
    let serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      tmp = await mkdtemp(path.join(os.tmpdir(), "ea-e2e-pg-"));
      embedded = await startEmbeddedPostgres({ dir: path.join(tmp, "data"), persistent: false });
      serverUrl = embedded.url("postgres");
    }
    const database = `e2e_${process.pid}`;
    await ensureDatabase(serverUrl, database);
    const databaseUrl = withDatabase(serverUrl, database);
    await migrate(databaseUrl, path.join(root, "prisma/migrations"));
    const db = createDbClients(databaseUrl, 2);
    await ensureDemoAccounts(db.prisma).finally(db.close);

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      DEMO_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      PII_HASH_KEY: "e2e-pii-key-0123456789",
      // Runs started from the app read this empty drop folder, never the repository's .data/inbox.
      INBOX_DIR: path.join(tmp ?? os.tmpdir(), `e2e-inbox-${process.pid}`),
    };
    await buildIfStale(root, async () => void (await exec(process.execPath, [next, "build"], env)));
    app = spawn(process.execPath, [next, "start", "-p", port], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    await waitForHealthy(`${baseUrl}/api/health`);
    log(`app ready at ${baseUrl}`);
    const args = ["test", ...process.argv.slice(2)];
    return await exec(path.join(root, "node_modules/.bin/playwright"), args, {
      ...env,
      E2E_BASE_URL: baseUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
    }).then(
      () => 0,
      () => 1,
    );
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    await embedded?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
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
