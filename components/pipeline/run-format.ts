// Labels and formats shared by the pipeline page's server and client components.
import { localeTag } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { Locale, Messages } from "@/lib/i18n/messages";
import type { RunScope, RunStatus } from "@/lib/pipeline/runs/types";

export type PipelineLabels = Messages["pipeline"];

export { fill };

/** 850 ms → "0,9 s", 12 s → "12 s", 125 s → "2 min 05 s", 2 h → "2 h 00 min". */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(seconds)} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (total < 3600) return `${Math.floor(total / 60)} min ${pad(total % 60)} s`;
  return `${Math.floor(total / 3600)} h ${pad(Math.floor((total % 3600) / 60))} min`;
}

export function formatCount(value: string | null, locale: Locale): string {
  // Intl formats numeric strings exactly (no float rounding of bigints).
  return value === null ? "—" : new Intl.NumberFormat(localeTag(locale)).format(value as unknown as number);
}

export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function scopeLabel(scope: RunScope, labels: PipelineLabels, locale: Locale): string {
  if (scope.full) return labels.scopeFull;
  if (scope.from && scope.to && scope.from !== scope.to) return fill(labels.scopeRange, { from: formatDay(scope.from, locale), to: formatDay(scope.to, locale) });
  if (scope.from ?? scope.to) return fill(labels.scopeDay, { from: formatDay((scope.from ?? scope.to)!, locale) });
  return labels.scopeIncremental;
}

export const lookup = (table: Record<string, string>, key: string | null | undefined, fallback = "—") => (key ? (table[key] ?? key) : fallback);

export const STATUS_STYLE: Record<RunStatus, string> = {
  RUNNING: "bg-sky-50 text-sky-800 ring-sky-200",
  SUCCESS: "bg-green-50 text-green-800 ring-green-200",
  FAILED: "bg-red-50 text-red-800 ring-red-200",
};

export const STEP_BAR: Record<RunStatus, string> = {
  RUNNING: "bg-sky-500",
  SUCCESS: "bg-green-600",
  FAILED: "bg-red-600",
};
