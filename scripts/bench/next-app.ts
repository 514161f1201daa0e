// The real app for the bench sections that measure it over HTTP: `next build` when the sources
// changed, then `next start` on a given database, logging to a file the caller can tail.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildIfStale } from "../lib/build-if-stale";
import { root } from "./support";

const next = path.join(root, "node_modules/next/dist/bin/next");

/** The environment `next start` needs against `databaseUrl` (demo accounts allowed). */
export const appEnv = (databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
  NEXTAUTH_URL: `http://localhost:${port}`,
  DEMO_MODE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  ...extra,
});

export type RunningApp = { app: ChildProcess; logFile: string; stop: () => Promise<void>; tail: () => Promise<string> };

/** `next build` unless the last build is of the current sources. */
export const buildApp = (env: NodeJS.ProcessEnv, log: (m: string) => void) => buildIfStale(root, () => build(env, log));

/** Builds if stale, starts the app on `port` and waits until /api/health answers. */
export async function startApp(env: NodeJS.ProcessEnv, port: number, tmp: string, log: (m: string) => void): Promise<RunningApp> {
  await buildApp(env, log);
  const logFile = path.join(tmp, `next-start-${port}.log`);
  const out = createWriteStream(logFile);
  const app = spawn(process.execPath, [next, "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  app.stdout.pipe(out);
  app.stderr.pipe(out);
  const running: RunningApp = {
    app,
    logFile,
    stop: async () => {
      await stop(app);
      out.end();
    },
    tail: async () => (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-30).join("\n"),
  };
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`, app);
  } catch (error) {
    log(`server log (${logFile}) tail:\n${await running.tail()}`);
    await running.stop();
    throw error;
  }
  return running;
}

async function waitForHealthy(url: string, app: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not answer at ${url} within 60 s`);
}

async function stop(app: ChildProcess) {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise((r) => app.once("exit", r));
  app.kill("SIGTERM");
  const timer = setTimeout(() => app.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function build(env: NodeJS.ProcessEnv, log: (m: string) => void): Promise<void> {
  log("building the app (sources changed since the last build)…");
  return new Promise((resolve, reject) => {
    // stdout to our stderr: the bench's stdout is only the table and the JSON line.
    const child = spawn(process.execPath, [next, "build"], { cwd: root, env, stdio: ["ignore", process.stderr, "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}
