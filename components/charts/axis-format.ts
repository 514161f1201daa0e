// Axis ticks and tooltips of charts: values arrive as decimal strings; charts draw numbers
// (drawing only), labels always go through the exact locale formatter.
import { formatKpiValue, localeTag, type UiLocale } from "@/lib/format";
import type { Unit } from "@/lib/kpi/registry";

/** Short tick labels: 12 k€, 1,2 M€, 35 %. */
export function compactTick(unit: Unit, locale: UiLocale) {
  const tag = localeTag(locale);
  if (unit === "ratio") return (v: number) => new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }).format(v);
  const compact = new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1, ...(unit === "eur" ? { style: "currency", currency: "EUR" } : {}) });
  return (v: number) => compact.format(v);
}

/** A drawn number back to the exact label (the table holds the exact strings). */
export const exactLabel = (unit: Unit, locale: UiLocale) => (v: unknown) => (typeof v === "number" || typeof v === "string" ? formatKpiValue(String(v), unit, locale) : "—");

export const toNumber = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
