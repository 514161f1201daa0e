// Server configuration, read once from the environment and validated (see README "Configuration").
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  REPORTING_TZ: z.string().default("Europe/Paris"),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(1024),
  INBOX_DIR: z.string().default(".data/inbox"),
  INBOX_STABLE_SECONDS: z.coerce.number().int().nonnegative().default(60),
  PII_HASH_KEY: z.string().min(16, "PII_HASH_KEY must be at least 16 characters").optional(),
  WEB_EVENTS_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  WEB_EVENTS_SAMPLE_PERCENT: z.coerce.number().int().min(0).max(100).default(0),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(120),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment; throws an error naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

export const isDemoMode = () => env().DEMO_MODE === "1";
