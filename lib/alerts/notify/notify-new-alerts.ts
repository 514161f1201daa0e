// Pipeline step: tells people about alerts they have not been told about — one email to each
// ALERT_EMAIL_TO address, in that person's language, and one webhook post per run, listing them.
// Old days found while backfilling history are not news: anomalies more than RECENT_DAYS before
// the latest sales day stay in-app. An alert counts as told to an address (or the webhook) once a
// delivery to it succeeded, so a failed one is retried on the next run and a re-run never repeats
// a successful one.
import type pg from "pg";
import type { Locale } from "../../i18n/messages";
import { ALERT_SELECT, type AlertView } from "../alert-view";
import { alertEmail, alertWebhookBody } from "./alert-message";
import { postWebhook, sendEmail } from "./deliver";
import type { NotifyConfig } from "./notify-config";

const RECENT_DAYS = 3;
const MAX_PER_MESSAGE = 50;

/** `to` null: told on the channel at all. Targets are split on ", " because one email used to go to all addresses at once. */
async function untold(pool: pg.Pool, channel: "email" | "webhook", to: string | null): Promise<AlertView[]> {
  const { rows } = await pool.query<AlertView>(
    `${ALERT_SELECT}
      WHERE a.status = 'open'
        AND (a.kind <> 'anomaly' OR a.day >= (SELECT max(day) FROM gold_sales_daily) - $1::int)
        AND NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.ok AND d.channel = $2 AND d.purpose = 'alert' AND a.id = ANY (d.alert_ids)
                          AND ($4::text IS NULL OR $4 = ANY (string_to_array(d.target, ', '))))
      ORDER BY a.id LIMIT $3`,
    [RECENT_DAYS, channel, MAX_PER_MESSAGE, to],
  );
  return rows;
}

/** Each address's language: its user's saved choice, else the deployment's. */
async function localesOf(pool: pg.Pool, addresses: string[], fallback: Locale): Promise<Locale[]> {
  const { rows } = await pool.query<{ email: string; locale: Locale }>("SELECT lower(email) AS email, locale::text AS locale FROM app_user WHERE lower(email) = ANY ($1::text[])", [
    addresses.map((a) => a.toLowerCase()),
  ]);
  const saved = new Map(rows.map((r) => [r.email, r.locale]));
  return addresses.map((a) => saved.get(a.toLowerCase()) ?? fallback);
}

export type NotifyOutcome = { email: { alerts: number; ok: boolean } | null; webhook: { alerts: number; ok: boolean } | null };

async function emailEach(pool: pg.Pool, config: NotifyConfig & { smtpUrl: string }): Promise<NotifyOutcome["email"]> {
  const locales = await localesOf(pool, config.alertEmailTo, config.locale);
  const sentIds = new Set<string>();
  let ok = true;
  for (const [i, to] of config.alertEmailTo.entries()) {
    const alerts = await untold(pool, "email", to);
    if (!alerts.length) continue;
    const { subject, text } = alertEmail(alerts, config.appUrl, locales[i]);
    ok = (await sendEmail(pool, config.smtpUrl, { from: config.from, to, subject, text }, { purpose: "alert", alertIds: alerts.map((a) => a.id) })) && ok;
    for (const a of alerts) sentIds.add(a.id);
  }
  return sentIds.size ? { alerts: sentIds.size, ok } : null;
}

export async function notifyNewAlerts(pool: pg.Pool, config: NotifyConfig): Promise<NotifyOutcome> {
  const out: NotifyOutcome = { email: null, webhook: null };
  if (config.smtpUrl && config.alertEmailTo.length) out.email = await emailEach(pool, { ...config, smtpUrl: config.smtpUrl });
  if (config.webhookUrl) {
    const alerts = await untold(pool, "webhook", null);
    if (alerts.length) {
      const ok = await postWebhook(pool, config.webhookUrl, alertWebhookBody(alerts, config.appUrl, config.locale), { purpose: "alert", alertIds: alerts.map((a) => a.id) });
      out.webhook = { alerts: alerts.length, ok };
    }
  }
  return out;
}
