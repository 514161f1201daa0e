// `npm start`: the whole product on one machine.
// Without DATABASE_URL: starts an embedded PostgreSQL (data in .data/postgres, kept between
// starts), applies migrations, creates the demo accounts, builds the app if needed and serves
// it. With DATABASE_URL: uses that server; demo accounts only with --demo. Ctrl-C stops all.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded-postgres";
import { createDbClients } from "../lib/db/clients";
import { migrate } from "../lib/db/migrate";
import { DEMO_PASSWORD, demoAccounts, ensureDemoAccounts } from "../lib/auth/demo-accounts";
import { buildIfStale } from "./lib/build-if-stale";
import { loadDemoDataOnce } from "./lib/demo-data";
import { loadOrCreateSecret } from "./lib/local-secret";

const { values: args } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    "no-demo-data": { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const log = (message: string) => console.log(`[start] ${message}`);

let embedded: EmbeddedServer | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  const demo = args.demo || !databaseUrl;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    log(`no DATABASE_URL: starting the embedded PostgreSQL on port ${port} (data in .data/postgres)`);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port, persistent: true });
    await ensureDatabase(embedded.url("postgres"), "ecommerce");
    databaseUrl = embedded.url("ecommerce");
  }

  const applied = await migrate(databaseUrl, path.join(root, "prisma/migrations"));
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const db = createDbClients(databaseUrl, 2);
  try {
    const created = demo ? await ensureDemoAccounts(db.prisma) : 0;
    if (created) log(`created ${created} demo accounts`);
    if (!(await db.prisma.user.count())) {
      log("no account yet: create the first admin with");
      log("  DATABASE_URL=… npm run user:create -- --email you@example.com --name 'Your Name' --role admin");
    }
  } finally {
    await db.close();
  }

  const piiKey = process.env.PII_HASH_KEY ?? (await loadOrCreateSecret(path.join(dataDir, "pii-hash-key")));
  const timeZone = process.env.REPORTING_TZ ?? "Europe/Paris";
  const inboxDir = path.resolve(process.env.INBOX_DIR ?? path.join(dataDir, "inbox"));
  if (demo && !args["no-demo-data"]) await loadDemoDataOnce({ databaseUrl, inboxDir, piiKey, timeZone, log });

  const port = args.port;
  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await loadOrCreateSecret(path.join(dataDir, "nextauth-secret"))),
    DEMO_MODE: demo ? "1" : "0",
    PII_HASH_KEY: piiKey,
    INBOX_DIR: inboxDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const next = path.join(root, "node_modules/next/dist/bin/next");
  if (!args.dev) await buildIfStale(root, () => run(process.execPath, [next, "build"], env));
  app = spawn(process.execPath, [next, args.dev ? "dev" : "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  app.on("exit", (code) => {
    if (!stopping) shutdown(code ?? 1);
  });
  await waitUntilServing(`http://127.0.0.1:${port}/api/health`);
  log(`ready: ${url}`);
  if (demo) {
    log(`demo logins (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts()) log(`  ${a.email.padEnd(28)} ${a.role}`);
  }
}

async function waitUntilServing(healthUrl: string) {
  for (let i = 0; i < 600 && !stopping; i++) {
    if (await fetch(healthUrl).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    app = spawn(cmd, argv, { cwd: root, env, stdio: "inherit" });
    app.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited with ${code}`))));
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await embedded?.stop();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
