// The morning digest: for each active user who opted in (notification_preference), one email with
// the day's key figures (against the same weekday a week before) and the open alerts their role
// may see. Sent once per user and day: a successful delivery for that day is never repeated.
import type pg from "pg";
import { formatChange, formatDate, formatKpiValue } from "../../format";
import type { Role } from "../../generated/prisma/enums";
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

export function digestText(day: string, today: Figures, weekBefore: Figures, alerts: string[], appUrl: string): string {
  const line = (label: string, key: keyof Figures, unit: "eur" | "count") => {
    const change = formatChange(today[key], weekBefore[key], "fr");
    return `- ${label} : ${formatKpiValue(today[key], unit, "fr")}${change ? ` (${change} vs même jour la semaine précédente)` : ""}`;
  };
  return [
    `Indicateurs du ${formatDate(day, "fr")}`,
    line("Chiffre d'affaires", "revenue", "eur"),
    line("Commandes", "orders", "count"),
    line("Panier moyen", "aov", "eur"),
    "",
    alerts.length ? `Alertes ouvertes (${alerts.length}) :` : "Aucune alerte ouverte.",
    ...alerts.slice(0, 20).map((a) => `- ${a}`),
    "",
    `Tableau de bord : ${appUrl}`,
  ].join("\n");
}

export async function sendDailyDigest(pool: pg.Pool, config: NotifyConfig, day: string): Promise<{ sent: number; failed: number }> {
  if (!config.smtpUrl) return { sent: 0, failed: 0 };
  const { rows: users } = await pool.query<{ id: string; email: string; role: Role }>(
    `SELECT u.id, u.email, u.role::text AS role FROM app_user u JOIN notification_preference p ON p.user_id = u.id
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
    const text = digestText(day, today, before, alerts.map(alertLine), config.appUrl);
    const ok = await sendEmail(pool, config.smtpUrl, { from: config.from, to: u.email, subject: `Résumé du ${formatDate(day, "fr")}`, text }, { purpose: `digest:${day}`, alertIds: alerts.map((a) => a.id) });
    if (ok) sent++;
  }
  return { sent, failed: users.length - sent };
}
