// Pipeline settings for the Inngest tests: a given inbox, the test PII key, nothing waits.
import type pg from "pg";
import type { PipelineDeps } from "../pipeline-steps";

export const PII_KEY = "inngest-test-pii-key-0123456789";

export function testDeps(pool: () => pg.Pool, inboxDir: string | null): PipelineDeps {
  return {
    pool,
    options: (trigger, scope) => ({ trigger, inboxDir, timeZone: "Europe/Paris", piiKey: PII_KEY, stableSeconds: 0, webRetentionDays: 100_000, ...scope }),
  };
}
