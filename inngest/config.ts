// Settings of the Inngest functions, from the environment (README "Configuration"). The Inngest
// SDK reads its own variables (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV,
// INNGEST_BASE_URL) itself; this file only says whether they are set.
import { z } from "zod";

const FIELD = String.raw`[\d*][\d*,/\-]*|[A-Za-z]{3}(?:-[A-Za-z]{3})?`;
const CRON = new RegExp(`^(?:${FIELD})(?:\\s+(?:${FIELD})){4}$`);

const schema = z.object({
  PIPELINE_CRON: z
    .string()
    .trim()
    .default("30 6 * * *")
    .refine((v) => CRON.test(v), "PIPELINE_CRON must be a 5-field cron expression such as `30 6 * * *` (no TZ= prefix: use PIPELINE_TZ)"),
  PIPELINE_TZ: z
    .string()
    .trim()
    .default("Europe/Paris")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "PIPELINE_TZ must be an IANA time zone such as Europe/Paris"),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
});

export type InngestConfig = { pipelineCron: string; pipelineTz: string; cronTrigger: string };

/** The daily pipeline's schedule; throws an error naming the bad variable. */
export function inngestConfig(source: Record<string, string | undefined> = process.env): InngestConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ")}`);
  const { PIPELINE_CRON, PIPELINE_TZ } = parsed.data;
  return { pipelineCron: PIPELINE_CRON, pipelineTz: PIPELINE_TZ, cronTrigger: `TZ=${PIPELINE_TZ} ${PIPELINE_CRON}` };
}

/** True where runs go through an Inngest server: an event key (Cloud, self-hosted) or dev mode. */
export function inngestConfigured(source: Record<string, string | undefined> = process.env): boolean {
  const dev = source.INNGEST_DEV?.trim();
  return !!source.INNGEST_EVENT_KEY?.trim() || (!!dev && dev !== "0" && dev.toLowerCase() !== "false");
}
