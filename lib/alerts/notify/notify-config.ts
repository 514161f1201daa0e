// Where notifications go, from the environment (README "Configuration"). Anything unset is simply
// not used: no SMTP_URL, no email; no ALERT_WEBHOOK_URL, no webhook.
import { z } from "zod";
import { LOCALES, type Locale } from "../../i18n/messages";

const schema = z.object({
  /** smtp://user:pass@host:587 or smtps://…:465; query options pass to nodemailer (e.g. ?ignoreTLS=true). */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default("Analytique e-commerce <alerts@localhost>"),
  /** Comma-separated addresses that receive each new alert. */
  ALERT_EMAIL_TO: z.string().optional(),
  /** Slack-compatible incoming webhook ({ text, blocks }). */
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
  /** The deployment's language: the webhook channel's, and that of ALERT_EMAIL_TO addresses no user has. */
  NOTIFY_LOCALE: z.enum(LOCALES).default("fr"),
});

export type NotifyConfig = { smtpUrl: string | null; from: string; alertEmailTo: string[]; webhookUrl: string | null; appUrl: string; locale: Locale };

export function notifyConfig(source: Record<string, string | undefined> = process.env): NotifyConfig {
  const e = schema.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.SMTP_FROM,
    alertEmailTo: (e.ALERT_EMAIL_TO ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    webhookUrl: e.ALERT_WEBHOOK_URL ?? null,
    appUrl: e.NEXTAUTH_URL.replace(/\/$/, ""),
    locale: e.NOTIFY_LOCALE,
  };
}
