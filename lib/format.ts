// Locale formatting of KPI values. Values arrive as decimal strings and are formatted without
// going through floats (Intl formats numeric strings exactly).
import type { Unit } from "./kpi/registry";

const LOCALE_TAG = { fr: "fr-FR", en: "en-GB" } as const;
export type UiLocale = keyof typeof LOCALE_TAG;

/** The Intl locale of a UI language: French in France, English as written in Europe. */
export const localeTag = (locale: string) => (locale === "en" ? LOCALE_TAG.en : LOCALE_TAG.fr);

export function formatKpiValue(value: string | null, unit: Unit, locale: UiLocale): string {
  if (value === null) return "—";
  const tag = LOCALE_TAG[locale];
  // Intl.NumberFormat accepts numeric strings and keeps every digit (no float rounding).
  const exact = value as unknown as number;
  if (unit === "eur") return new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" }).format(exact);
  if (unit === "ratio") return new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(exact);
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(exact);
}

/** Relative change from previous to current, as a formatted signed percentage, or null. */
export function formatChange(current: string | null, previous: string | null, locale: UiLocale): string | null {
  if (current === null || previous === null || Number(previous) === 0) return null;
  const change = (Number(current) - Number(previous)) / Math.abs(Number(previous)); // display only
  return new Intl.NumberFormat(LOCALE_TAG[locale], { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 1 }).format(change);
}

export function formatDate(day: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** "mars 2026" / "March 2026" for the first day of a month (YYYY-MM-01). */
export function formatMonth(month: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}T00:00:00Z`));
}

export function formatDateTime(at: Date, locale: UiLocale, timeZone = "Europe/Paris"): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}
