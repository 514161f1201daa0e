// One line saying what an alert is about, in the reader's language (the feed and the emails).
import type { AlertView } from "./alert-view";
import { formatDate, formatKpiValue, type UiLocale } from "../format";
import { getKpi } from "../kpi/registry";
import type { AlertLabels } from "../i18n/areas/alerts";
import { fill } from "../i18n/fill";

export function alertTitle(a: AlertView, t: AlertLabels["feed"], locale: UiLocale): string {
  const day = formatDate(a.day, locale);
  if (a.kind === "stock_out") return fill(t.stockOut, { sku: a.scopeValue ?? "", day });
  if (a.kind === "low_stock") return fill(t.lowStock, { sku: a.scopeValue ?? "", day, observed: String(Number(a.observed)), expected: String(Number(a.expected)) });
  const kpi = getKpi(a.metric ?? "");
  const scope = a.scopeType === "total" ? t.total : `${a.scopeType} ${a.scopeValue ?? ""}`;
  return fill(t.anomaly, { metric: kpi ? kpi.label[locale] : (a.metric ?? ""), scope, day });
}

/** Formats a metric value of an anomaly alert (decimal string or chart number) with its KPI's unit. */
export function metricFormatter(metric: string | null, locale: UiLocale) {
  const unit = getKpi(metric ?? "")?.unit ?? "count";
  return (v: string | number | null) => (v === null ? "—" : formatKpiValue(typeof v === "number" ? String(unit === "eur" ? Math.round(v * 100) / 100 : v) : v, unit, locale));
}
