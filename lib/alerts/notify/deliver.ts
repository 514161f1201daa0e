// Sends one email (SMTP via nodemailer) or one webhook POST and records the outcome in
// notification_delivery. Never throws: a mail server or receiver being down must not fail the
// pipeline run, it is recorded and visible instead.
import nodemailer from "nodemailer";
import type pg from "pg";

export type Delivery = { channel: "email" | "webhook"; purpose: string; target: string; alertIds: string[] };
const WEBHOOK_TIMEOUT_MS = 10_000;

async function record(pool: pg.Pool, d: Delivery, error: string | null): Promise<boolean> {
  await pool.query("INSERT INTO notification_delivery (channel, purpose, target, alert_ids, ok, error) VALUES ($1, $2, $3, $4::bigint[], $5, $6)", [
    d.channel,
    d.purpose,
    d.target,
    d.alertIds,
    error === null,
    error,
  ]);
  return error === null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function sendEmail(pool: pg.Pool, smtpUrl: string, mail: { from: string; to: string; subject: string; text: string; html?: string }, d: Omit<Delivery, "channel" | "target">) {
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000 } as never);
  try {
    await transport.sendMail(mail);
    return await record(pool, { ...d, channel: "email", target: mail.to }, null);
  } catch (e) {
    return record(pool, { ...d, channel: "email", target: mail.to }, message(e));
  } finally {
    transport.close();
  }
}

export async function postWebhook(pool: pg.Pool, url: string, body: unknown, d: Omit<Delivery, "channel" | "target">) {
  // The URL of an incoming webhook is a secret: record only its origin.
  const target = new URL(url).origin;
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    return await record(pool, { ...d, channel: "webhook", target }, res.ok ? null : `HTTP ${res.status}`);
  } catch (e) {
    return record(pool, { ...d, channel: "webhook", target }, message(e));
  }
}
