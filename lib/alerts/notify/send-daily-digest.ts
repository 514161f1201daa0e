// The morning digest: for each active user who opted in (notification_preference), one email with
// the day's key figures (against the same weekday a week before) and the open alerts their role
// may see, in the language they chose in the app. Sent once per user and day: a successful
// delivery for that day is never repeated.
import type pg from "pg";
import { formatChange, formatDate, formatKpiValue } from "../../format";
import type { Role } from "../../generated/prisma/enums";
import { fill } from "../../i18n/fill";
import { messages, type Locale } from "../../i18n/messages";
import { getKpi } from "../../kpi/registry";
import { listAlerts } from "../list-alerts";
import { alertLine } from "./alert-message";
import { sendEmail } from "./deliver";
import type { NotifyConfig } from "./notify-config";

type Figures = { revenue: string | null; orders: string | null; aov: string | null };

async function figures(pool: pg.Pool, day: string): Promise<Figures> {
  const { rows } = await pool.query<Figures>(
    `SELECT sum(revenue)::text AS revenue, sum(orders)::text AS orders, round(sum(revenue) / nullif(sum(orders), 0), 2)::text AS aov
       FROM gold_sales_daily WHERE day = $1::date`,
    [day],
  );
  return rows[0];
}

export function digestText(day: string, today: Figures, weekBefore: Figures, alerts: string[], appUrl: string, locale: Locale): string {
  const t = messages[locale].notifications.digest;
  const line = (key: keyof Figures, unit: "eur" | "count") => {
    const change = formatChange(today[key], weekBefore[key], locale);
    const value = formatKpiValue(today[key], unit, locale) + (change ? fill(t.change, { change }) : "");
    return fill(t.figure, { label: getKpi(key)!.label[locale], value });
  };
  return [
    fill(t.heading, { day: formatDate(day, locale) }),
    line("revenue", "eur"),
    line("orders", "count"),
    line("aov", "eur"),
    "",
    alerts.length ? fill(t.openAlerts, { count: alerts.length }) : t.noAlerts,
    ...alerts.slice(0, 20).map((a) => `- ${a}`),
    "",
    fill(t.dashboard, { url: appUrl }),
  ].join("\n");
}

export async function sendDailyDigest(pool: pg.Pool, config: NotifyConfig, day: string): Promise<{ sent: number; failed: number }> {
  if (!config.smtpUrl) return { sent: 0, failed: 0 };
  const { rows: users } = await pool.query<{ id: string; email: string; role: Role; locale: Locale }>(
    `SELECT u.id, u.email, u.role::text AS role, u.locale::text AS locale FROM app_user u JOIN notification_preference p ON p.user_id = u.id
      WHERE p.daily_digest AND u.active
        AND NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.ok AND d.channel = 'email' AND d.purpose = $1 AND d.target = u.email)
      ORDER BY u.email`,
    [`digest:${day}`],
  );
  if (users.length === 0) return { sent: 0, failed: 0 };
  const weekBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const [today, before] = await Promise.all([figures(pool, day), figures(pool, weekBefore)]);
  let sent = 0;
  for (const u of users) {
    const alerts = await listAlerts(pool, u, { status: "open", limit: 50 });
    const text = digestText(day, today, before, alerts.map((a) => alertLine(a, u.locale)), config.appUrl, u.locale);
    const subject = fill(messages[u.locale].notifications.digest.subject, { day: formatDate(day, u.locale) });
    const ok = await sendEmail(pool, config.smtpUrl, { from: config.from, to: u.email, subject, text }, { purpose: `digest:${day}`, alertIds: alerts.map((a) => a.id) });
    if (ok) sent++;
  }
  return { sent, failed: users.length - sent };
}
