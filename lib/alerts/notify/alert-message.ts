// The words of an alert notification: an email (text) and a Slack-compatible webhook body. French
// first, as the app; each alert links to the alerts page.
import { formatDate, formatKpiValue } from "../../format";
import { getKpi } from "../../kpi/registry";
import type { AlertView } from "../alert-view";

const KIND = { stock_out: "Rupture", low_stock: "Stock bas", anomaly: "Anomalie" } as const;

export function alertLine(a: AlertView): string {
  const day = formatDate(a.day, "fr");
  if (a.kind === "stock_out") return `${KIND.stock_out} : ${a.scopeValue} en rupture depuis le ${day}`;
  if (a.kind === "low_stock") return `${KIND.low_stock} : ${a.scopeValue}, stock disponible ${Number(a.observed)} (seuil ${Number(a.expected)}) depuis le ${day}`;
  const kpi = getKpi(a.metric ?? "");
  const unit = kpi?.unit ?? "count";
  const f = (v: string | null) => formatKpiValue(v, unit, "fr");
  const scope = a.scopeType === "total" ? "total" : `${a.scopeType} ${a.scopeValue}`;
  return `${KIND.anomaly} : ${kpi?.label.fr ?? a.metric} (${scope}) le ${day} — observé ${f(a.observed)}, attendu ${f(a.expected)} (plage ${f(a.expectedLow)} – ${f(a.expectedHigh)})`;
}

export function alertEmail(alerts: AlertView[], appUrl: string) {
  const subject = alerts.length === 1 ? `[Alerte] ${alertLine(alerts[0])}` : `[Alertes] ${alerts.length} nouvelles alertes`;
  const text = [...alerts.map((a) => `- ${alertLine(a)}`), "", `Voir et prendre en compte : ${appUrl}/alerts`].join("\n");
  return { subject, text };
}

/** Slack incoming-webhook body: `text` for notifications and clients without blocks, `blocks` for the layout. */
export function alertWebhookBody(alerts: AlertView[], appUrl: string) {
  const { subject } = alertEmail(alerts, appUrl);
  return {
    text: subject,
    blocks: [
      { type: "header", text: { type: "plain_text", text: alerts.length === 1 ? "Nouvelle alerte" : `${alerts.length} nouvelles alertes` } },
      ...alerts.slice(0, 20).map((a) => ({ type: "section", text: { type: "mrkdwn", text: alertLine(a) } })),
      { type: "context", elements: [{ type: "mrkdwn", text: `<${appUrl}/alerts|Voir les alertes>` }] },
    ],
  };
}
