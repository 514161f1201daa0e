// Shared by the bench sections: a throwaway PostgreSQL, cached order_lines CSV files, timing
// and memory probes. Nothing here is used by the app.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded-postgres";
import { withDatabase } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { CONTRACTS } from "../../lib/pipeline/contracts";

export const root = path.resolve(import.meta.dirname, "../..");
export const cacheDir = path.join(root, ".data/bench");

export type Scale = "s" | "m";
export const SCALE_LINES: Record<Scale, number> = { s: 300_000, m: 2_500_000 };

/** One figure of the report; `better` says which way the target points. */
export type Figure = { key: string; value: number | string; unit?: string; target?: { op: ">=" | "<"; value: number } };

export type BenchContext = {
  scale: Scale;
  big: boolean;
  /** A fresh, migrated database on the run's throwaway server. */
  database: (name: string) => Promise<string>;
  tmp: string;
  log: (message: string) => void;
};

export type Section = { name: string; run: (ctx: BenchContext) => Promise<Figure[]> };

export type BenchDb = { server: EmbeddedServer; tmp: string; database: (name: string) => Promise<string>; close: () => Promise<void> };

/** Starts a throwaway embedded PostgreSQL in a temp dir; close() stops it and deletes the dir. */
export async function startBenchDb(): Promise<BenchDb> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "ea-bench-"));
  let server: EmbeddedServer | undefined;
  try {
    server = await startEmbeddedPostgres({ dir: path.join(tmp, "pg"), persistent: false });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const s = server;
  return {
    server: s,
    tmp,
    database: async (name) => {
      await ensureDatabase(s.url("postgres"), name);
      const url = withDatabase(s.url("postgres"), name);
      await migrate(url, path.join(root, "prisma/migrations"));
      return url;
    },
    close: async () => {
      try {
        await s.stop();
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    },
  };
}

// --- order_lines CSV ---------------------------------------------------------------------

export const ORDER_LINES_HEADER = CONTRACTS.order_lines.columnNames.join(",");

/**
 * A valid order_lines file (contract patterns, discount <= quantity x price) of at least
 * `lines` data lines or `bytes` bytes, cached in .data/bench under `name`. Deterministic, so a
 * cached file is the same bytes a fresh one would be. Written to a temp name and renamed at
 * the end, so an interrupted run never leaves a truncated file that looks cached.
 */
export async function orderLinesFile(name: string, goal: { lines?: number; bytes?: number }, log: (m: string) => void) {
  const file = path.join(cacheDir, `order_lines-v1-${name}.csv`);
  if (existsSync(file)) return { path: file, ...(await describeCsv(file)) };
  await mkdir(cacheDir, { recursive: true });
  const started = performance.now();
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const rand = mulberry32(42);
  let lines = 0;
  let bytes = 0;
  let order = 0;
  let chunk = `${ORDER_LINES_HEADER}\n`;
  const reached = () => (goal.lines !== undefined ? lines >= goal.lines : bytes + chunk.length >= (goal.bytes ?? 0));
  while (!reached()) {
    order++;
    const count = 1 + Math.floor(rand() * 4);
    for (let lineNo = 1; lineNo <= count && !(goal.lines !== undefined && lines >= goal.lines); lineNo++) {
      const quantity = 1 + Math.floor(rand() * 5);
      const price = 199 + Math.floor(rand() * 20_000);
      const discount = rand() < 0.3 ? Math.floor(rand() * quantity * price * 0.3) : 0;
      const orderId = `ORD-${String(order % 100_000_000).padStart(8, "0")}`;
      const sku = `SKU-${String(1 + Math.floor(rand() * 99_999)).padStart(5, "0")}`;
      chunk += `${orderId},${lineNo},${sku},${quantity},${money(price)},${money(discount)}\n`;
      lines++;
    }
    // ~1 MB writes, waiting for the disk when asked: the file never sits in memory.
    if (chunk.length >= 1 << 20) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  bytes += chunk.length;
  out.end(chunk);
  await done;
  await rename(partial, file);
  log(`wrote ${path.relative(root, file)}: ${lines} lines, ${mb(bytes).toFixed(1)} MB in ${seconds(started)} s`);
  return { path: file, lines, bytes };
}

// The line count of a cached file, by counting newlines (minus the header): fast, streamed.
async function describeCsv(file: string) {
  const { createReadStream } = await import("node:fs");
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return { lines: newlines - 1, bytes: (await stat(file)).size };
}

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- timing and memory --------------------------------------------------------------------

/** Reads a file once so that timed runs read it from memory, whichever side goes first. */
export async function warmPageCache(file: string) {
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 })) void _;
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
export const round = (n: number, digits = 3) => Number(n.toFixed(digits));

/** Milliseconds taken by `fn`. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** VmRSS and VmHWM (peak) of a process in MB, or null once it is gone. */
export async function procMemory(pid: number): Promise<{ rss: number; hwm: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** `pid` and all its descendants, read from /proc (no `ps` per sample). */
export async function processTree(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The command name may hold spaces and parens: the ppid is the 2nd field after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** A port the OS says is free, never one the other local tools use. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.on("error", reject);
      srv.listen(0, "127.0.0.1", () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    if (![3000, 3100, 54320].includes(port)) return port;
  }
}

/** Runs a bench child script (`node --import tsx scripts/bench/<script>`) in a process of its
 * own, so its memory is measured alone; resolves the JSON object on its last stdout line. */
export function runJsonChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(last) as T);
      else reject(new Error(`${script} exited with ${code}: ${last}`));
    });
  });
}
