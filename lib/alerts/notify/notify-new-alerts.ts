// Pipeline step: tells people about alerts they have not been told about — one email to
// ALERT_EMAIL_TO and one webhook post per run, listing them. Old days found while backfilling
// history are not news: anomalies more than RECENT_DAYS before the latest sales day stay in-app.
// An alert counts as told once a delivery on that channel succeeded, so a failed one is retried
// on the next run and a re-run never repeats a successful one.
import type pg from "pg";
import { ALERT_SELECT, type AlertView } from "../alert-view";
import { alertEmail, alertWebhookBody } from "./alert-message";
import { postWebhook, sendEmail } from "./deliver";
import type { NotifyConfig } from "./notify-config";

const RECENT_DAYS = 3;
const MAX_PER_MESSAGE = 50;

async function untold(pool: pg.Pool, channel: "email" | "webhook"): Promise<AlertView[]> {
  const { rows } = await pool.query<AlertView>(
    `${ALERT_SELECT}
      WHERE a.status = 'open'
        AND (a.kind <> 'anomaly' OR a.day >= (SELECT max(day) FROM gold_sales_daily) - $1::int)
        AND NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.ok AND d.channel = $2 AND d.purpose = 'alert' AND a.id = ANY (d.alert_ids))
      ORDER BY a.id LIMIT $3`,
    [RECENT_DAYS, channel, MAX_PER_MESSAGE],
  );
  return rows;
}

export type NotifyOutcome = { email: { alerts: number; ok: boolean } | null; webhook: { alerts: number; ok: boolean } | null };

export async function notifyNewAlerts(pool: pg.Pool, config: NotifyConfig): Promise<NotifyOutcome> {
  const out: NotifyOutcome = { email: null, webhook: null };
  if (config.smtpUrl && config.alertEmailTo.length) {
    const alerts = await untold(pool, "email");
    if (alerts.length) {
      const { subject, text } = alertEmail(alerts, config.appUrl);
      const ok = await sendEmail(pool, config.smtpUrl, { from: config.from, to: config.alertEmailTo.join(", "), subject, text }, { purpose: "alert", alertIds: alerts.map((a) => a.id) });
      out.email = { alerts: alerts.length, ok };
    }
  }
  if (config.webhookUrl) {
    const alerts = await untold(pool, "webhook");
    if (alerts.length) {
      const ok = await postWebhook(pool, config.webhookUrl, alertWebhookBody(alerts, config.appUrl), { purpose: "alert", alertIds: alerts.map((a) => a.id) });
      out.webhook = { alerts: alerts.length, ok };
    }
  }
  return out;
}
