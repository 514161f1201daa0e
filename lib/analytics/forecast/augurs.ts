// Loads augurs' MSTL WASM synchronously from node_modules: its default init fetches the .wasm by
// URL, which Node 20 cannot do for file: URLs. Server-only (the pipeline and the backtest).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { initSync, MSTL } from "@bsull/augurs/mstl";

// Built at run time so the Next.js bundler leaves the lookup to Node (it would otherwise swap
// the resolved path for a module id); the package is external (next.config.ts).
const PACKAGE = ["@bsull", "augurs"].join("/");
let ready = false;

export function loadMstl(): typeof MSTL {
  if (!ready) {
    // The package exports no .wasm subpath: find it beside its main entry.
    const wasmPath = path.join(path.dirname(packageMain()), "mstl_bg.wasm");
    initSync({ module: readFileSync(wasmPath) });
    ready = true;
  }
  return MSTL;
}

function packageMain(): string {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    // Inside a server bundle import.meta.url may not name a real file: fall back to the app root.
    return createRequire(path.join(process.cwd(), "package.json")).resolve(PACKAGE);
  }
}
