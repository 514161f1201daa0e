// The words of an alert notification: an email (text) and a Slack-compatible webhook body, in the
// reader's language (lib/i18n/areas/notifications.ts); each alert links to the alerts page.
import { fill } from "../../i18n/fill";
import { messages, type Locale } from "../../i18n/messages";
import { alertTitle, metricFormatter } from "../alert-title";
import type { AlertView } from "../alert-view";

export function alertLine(a: AlertView, locale: Locale): string {
  const t = messages[locale];
  const line = fill(t.notifications.line, { kind: t.alerts.feed.kinds[a.kind], title: alertTitle(a, t.alerts.feed, locale) });
  if (a.kind !== "anomaly") return line;
  const f = metricFormatter(a.metric, locale);
  return fill(t.notifications.anomalyValues, { line, observed: f(a.observed), expected: f(a.expected), low: f(a.expectedLow), high: f(a.expectedHigh) });
}

export function alertEmail(alerts: AlertView[], appUrl: string, locale: Locale) {
  const t = messages[locale].notifications;
  const subject = alerts.length === 1 ? fill(t.subjectOne, { line: alertLine(alerts[0], locale) }) : fill(t.subjectMany, { count: alerts.length });
  const text = [...alerts.map((a) => `- ${alertLine(a, locale)}`), "", fill(t.seeAlerts, { url: `${appUrl}/alerts` })].join("\n");
  return { subject, text };
}

/** Slack incoming-webhook body: `text` for notifications and clients without blocks, `blocks` for the layout. */
export function alertWebhookBody(alerts: AlertView[], appUrl: string, locale: Locale) {
  const t = messages[locale].notifications;
  const { subject } = alertEmail(alerts, appUrl, locale);
  return {
    text: subject,
    blocks: [
      { type: "header", text: { type: "plain_text", text: alerts.length === 1 ? t.headerOne : fill(t.headerMany, { count: alerts.length }) } },
      ...alerts.slice(0, 20).map((a) => ({ type: "section", text: { type: "mrkdwn", text: alertLine(a, locale) } })),
      { type: "context", elements: [{ type: "mrkdwn", text: `<${appUrl}/alerts|${t.alertsLink}>` }] },
    ],
  };
}
