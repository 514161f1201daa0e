// The e2e tests drive Debian's Chromium (Playwright's own browser download is not reachable).
// As root we install it with apt; otherwise we say exactly what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${path}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log("[e2e] installing Debian's chromium with apt-get (about 20 s)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is still missing.`);
  return path;
}
