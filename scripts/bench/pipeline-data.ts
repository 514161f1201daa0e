// The generated exports the pipeline benches (and the anomaly backtest) run on:
// `.data/bench-<scale>` (two years, seed 42; another seed in `.data/bench-<scale>-seed<N>`),
// generated once and reused, split into the history (every day but the last) and the new day.
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_RANGE, generate } from "../../lib/generator/generate";
import { SOURCES, type SourceName } from "../../lib/pipeline/contracts";
import { root, seconds, type Scale } from "./support";

export type ExportFile = { source: SourceName; name: string; path: string; bytes: number };
export type BenchExports = { dir: string; history: ExportFile[]; newDay: ExportFile[]; lastDay: string };

const daily = (source: SourceName) => new RegExp(`^${source}_(\\d{4}-\\d{2}-\\d{2})\\.(csv|ndjson)$`);

export async function benchExports(scale: Scale, log: (m: string) => void, seed = 42): Promise<BenchExports> {
  const dir = path.join(root, ".data", seed === 42 ? `bench-${scale}` : `bench-${scale}-seed${seed}`);
  if (!existsSync(path.join(dir, "ground_truth.json"))) {
    const started = performance.now();
    const partial = `${dir}.${process.pid}.partial`;
    log(`generating the ${scale} exports into ${path.relative(root, dir)} (once)…`);
    await generate({ outDir: partial, ...DEFAULT_RANGE, scale, seed });
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
    log(`generated in ${seconds(started)} s`);
  }
  // Daily exports only: the full snapshots of the dimensions repeat what the days already hold.
  const files: (ExportFile & { day: string })[] = [];
  for (const source of SOURCES) {
    for (const name of (await readdir(path.join(dir, source))).sort()) {
      const day = daily(source).exec(name)?.[1];
      if (!day) continue;
      const full = path.join(dir, source, name);
      files.push({ source, name, path: full, bytes: (await stat(full)).size, day });
    }
  }
  const lastDay = files.reduce((max, f) => (f.day > max ? f.day : max), "");
  const strip = ({ day: _, ...f }: ExportFile & { day: string }): ExportFile => f;
  return { dir, lastDay, history: files.filter((f) => f.day < lastDay).map(strip), newDay: files.filter((f) => f.day === lastDay).map(strip) };
}

/** Puts files into INBOX/<source>/ (hard links when possible: the inbox moves them to its archive). */
export async function dropIntoInbox(inbox: string, files: readonly ExportFile[]): Promise<void> {
  for (const f of files) {
    const target = path.join(inbox, f.source, f.name);
    await mkdir(path.dirname(target), { recursive: true });
    await link(f.path, target).catch(() => copyFile(f.path, target));
  }
}

export const totalMb = (files: readonly ExportFile[]) => files.reduce((n, f) => n + f.bytes, 0) / 1048576;
