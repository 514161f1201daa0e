// Playwright drives Debian's Chromium against the app that scripts/e2e.ts built and started.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  // The built app on a 2-core machine, next to its database: generous, never retried.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never", outputFolder: process.env.PLAYWRIGHT_HTML_REPORT ?? "playwright-report" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3100",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, testIgnore: [/dashboards\//, /data-api\.spec\.ts/], dependencies: ["setup"] },
    // Run by scripts/e2e.ts on its second database, the one holding the generated dataset; the API
    // document is checked there too, so that its answers hold rows to validate (and its examples exist).
    { name: "dashboards", testMatch: [/dashboards\/.*\.spec\.ts/, /data-api\.spec\.ts/], dependencies: ["setup"] },
  ],
});
