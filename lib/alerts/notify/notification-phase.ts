// The pipeline's last alert step: new alerts out by email and webhook, and the daily digest of
// the reporting day before today. Failures are recorded in notification_delivery, never thrown.
import type pg from "pg";
import { notifyConfig } from "./notify-config";
import { notifyNewAlerts } from "./notify-new-alerts";
import { sendDailyDigest } from "./send-daily-digest";

/** Yesterday's date (YYYY-MM-DD) in the reporting time zone. */
export function yesterdayIn(timeZone: string, now = new Date()): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export async function runNotifications(pool: pg.Pool, timeZone: string, env: Record<string, string | undefined> = process.env) {
  const config = notifyConfig(env);
  const told = await notifyNewAlerts(pool, config);
  const digest = await sendDailyDigest(pool, config, yesterdayIn(timeZone));
  return { told, digest };
}
