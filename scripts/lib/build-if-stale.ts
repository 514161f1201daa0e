// Runs `next build` only when the sources changed since the last build, so a second
// `npm start` serves at once.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs", "prisma/schema.prisma"];

export async function buildIfStale(root: string, build: () => Promise<void>) {
  const stamp = path.join(root, ".next", "source-fingerprint");
  const fingerprint = await fingerprintOf(root);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && (await readFile(stamp, "utf8")) === fingerprint;
  if (built) return;
  console.log("[start] building the app (first start or sources changed; about a minute)…");
  await build();
  await writeFile(stamp, fingerprint);
}

async function fingerprintOf(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of SOURCES) await addTree(hash, root, path.join(root, entry));
  return hash.digest("hex");
}

async function addTree(hash: ReturnType<typeof createHash>, root: string, target: string) {
  if (!existsSync(target)) return;
  const info = await stat(target);
  if (info.isDirectory()) {
    const entries = (await readdir(target)).sort();
    for (const e of entries) await addTree(hash, root, path.join(target, e));
  } else {
    hash.update(`${path.relative(root, target)}:${info.size}:${info.mtimeMs}\n`);
  }
}
