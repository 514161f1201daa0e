// Loads augurs' MSTL WASM synchronously from node_modules: its default init fetches the .wasm by
// URL, which Node 20 cannot do for file: URLs. Server-only (the pipeline and the backtest).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { initSync, MSTL } from "@bsull/augurs/mstl";

let ready = false;

export function loadMstl(): typeof MSTL {
  if (!ready) {
    const require = createRequire(import.meta.url);
    // The package exports no .wasm subpath: find it beside its main entry.
    const wasmPath = path.join(path.dirname(require.resolve("@bsull/augurs")), "mstl_bg.wasm");
    initSync({ module: readFileSync(wasmPath) });
    ready = true;
  }
  return MSTL;
}
