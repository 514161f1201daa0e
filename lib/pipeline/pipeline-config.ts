// Pipeline settings for runs started by the app (upload, "run now", Inngest), from the env.
import path from "node:path";
import { env } from "../env";
import type { PipelineOptions } from "./run-pipeline";

export function appPipelineOptions(trigger: PipelineOptions["trigger"], scope: { from?: string; to?: string; full?: boolean } = {}): PipelineOptions {
  const e = env();
  if (!e.PII_HASH_KEY) throw new Error("PII_HASH_KEY is not set: the pipeline cannot pseudonymise personal data without it.");
  return {
    trigger,
    inboxDir: path.resolve(e.INBOX_DIR),
    timeZone: e.REPORTING_TZ,
    piiKey: e.PII_HASH_KEY,
    stableSeconds: e.INBOX_STABLE_SECONDS,
    webRetentionDays: e.WEB_EVENTS_RETENTION_DAYS,
    webSamplePercent: e.WEB_EVENTS_SAMPLE_PERCENT,
    ...scope,
  };
}
