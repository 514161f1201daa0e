import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; tests run plain Node.
      "server-only": path.resolve(import.meta.dirname, "scripts/test/server-only-stub.ts"),
    },
  },
  test: {
    // Unit tests (*.test.ts) and database tests (*.db.test.ts) live next to the code;
    // Playwright's e2e/ specs are not vitest's.
    include: ["{app,components,lib,scripts,inngest}/**/*.test.{ts,tsx}"],
    globalSetup: ["scripts/test/vitest-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Database tests share one server; files run in parallel on their own databases.
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["lib/pipeline/**/*.ts", "lib/kpi/**/*.ts"],
      exclude: ["**/*.test.ts", "lib/pipeline/testing/**", "lib/pipeline/ingest/test-files.ts"],
      reporter: ["text-summary", "text"],
      // The heart of the product is held to this; `npm test` fails below it.
      thresholds: { lines: 90, branches: 90 },
    },
  },
});
