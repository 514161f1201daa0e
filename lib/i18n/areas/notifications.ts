// Alert emails, the daily digest and the webhook post. An alert's own line comes from the alerts
// feed's strings (lib/alerts/alert-title.ts), so the app and its emails describe it alike.
import { defineMessages } from "../define-messages";

export const notifications = defineMessages(
  {
    line: "{kind} : {title}",
    anomalyValues: "{line} — observé {observed}, attendu {expected} (plage {low} – {high})",
    subjectOne: "[Alerte] {line}",
    subjectMany: "[Alertes] {count} nouvelles alertes",
    seeAlerts: "Voir et prendre en compte : {url}",
    headerOne: "Nouvelle alerte",
    headerMany: "{count} nouvelles alertes",
    alertsLink: "Voir les alertes",
    digest: {
      subject: "Résumé du {day}",
      heading: "Indicateurs du {day}",
      figure: "- {label} : {value}",
      change: " ({change} vs même jour la semaine précédente)",
      openAlerts: "Alertes ouvertes ({count}) :",
      noAlerts: "Aucune alerte ouverte.",
      dashboard: "Tableau de bord : {url}",
    },
  },
  {
    line: "{kind}: {title}",
    anomalyValues: "{line} — observed {observed}, expected {expected} (range {low} – {high})",
    subjectOne: "[Alert] {line}",
    subjectMany: "[Alerts] {count} new alerts",
    seeAlerts: "View and acknowledge: {url}",
    headerOne: "New alert",
    headerMany: "{count} new alerts",
    alertsLink: "View alerts",
    digest: {
      subject: "Daily summary for {day}",
      heading: "Key figures for {day}",
      figure: "- {label}: {value}",
      change: " ({change} vs the same day a week before)",
      openAlerts: "Open alerts ({count}):",
      noAlerts: "No open alert.",
      dashboard: "Dashboard: {url}",
    },
  },
);
