// postinstall: generate the Prisma client into lib/generated/prisma.
// Prisma's CLI would otherwise try to download its native schema engine (unreachable
// offline), so point it at the WASM stand-in shipped in scripts/prisma-engine.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const engine = fileURLToPath(new URL("./prisma-engine/schema-engine.mjs", import.meta.url));
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...process.env },
});
process.exit(result.status ?? 1);
