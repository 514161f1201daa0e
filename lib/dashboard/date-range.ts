// The dashboards' global filters, read from (and written to) the URL so a view can be shared by
// link: a date-range preset or custom range, a grain, and optional category / channel. Presets
// are anchored on the last day with data (normally yesterday in Europe/Paris), never on a
// clock that may run ahead of the exports.
import { addDays } from "../dates/add-days";
import { z } from "zod";

export const PRESETS = ["yesterday", "7d", "30d", "90d", "mtd", "ytd", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

export type DashboardFilters = {
  preset: Preset;
  from: string;
  to: string;
  grain: Grain;
  category: string | null;
  channel: string | null;
  /** The range before, of the same length (the comparison period). */
  previous: { from: string; to: string };
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A real calendar day: 2026-02-30 parses in JavaScript (as 2 March), so check the round trip.
const isDay = (s: string | undefined): s is string => !!s && DAY.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The range a preset stands for, ending on `anchor` (the last day with data). */
export function presetRange(preset: Exclude<Preset, "custom">, anchor: string): { from: string; to: string } {
  switch (preset) {
    case "yesterday":
      return { from: anchor, to: anchor };
    case "7d":
      return { from: addDays(anchor, -6), to: anchor };
    case "30d":
      return { from: addDays(anchor, -29), to: anchor };
    case "90d":
      return { from: addDays(anchor, -89), to: anchor };
    case "mtd":
      return { from: `${anchor.slice(0, 7)}-01`, to: anchor };
    case "ytd":
      return { from: `${anchor.slice(0, 4)}-01-01`, to: anchor };
  }
}

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((s) => s || null);

const params = z.object({
  range: z.enum(PRESETS).catch("30d"),
  from: z.string().optional(),
  to: z.string().optional(),
  grain: z.enum(GRAINS).catch("day"),
  category: optionalText.catch(null),
  channel: optionalText.catch(null),
});

type SearchParams = Record<string, string | string[] | undefined>;

/** Filters from a page's search params; anything invalid falls back to the defaults (last 30 days, by day). */
export function parseFilters(search: SearchParams, anchor: string, defaults: { range?: Preset; grain?: Grain } = {}): DashboardFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const p = params.parse({
    range: first(search.range) ?? defaults.range ?? "30d",
    from: first(search.from),
    to: first(search.to),
    grain: first(search.grain) ?? defaults.grain ?? "day",
    category: first(search.category),
    channel: first(search.channel),
  });
  let preset: Preset = p.range;
  let range: { from: string; to: string };
  if (preset === "custom" && isDay(p.from) && isDay(p.to)) {
    range = p.from <= p.to ? { from: p.from, to: p.to } : { from: p.to, to: p.from };
    // Five years at most, like the KPI API.
    if (daysBetween(range.from, range.to) > 5 * 366) range = { from: addDays(range.to, -5 * 366 + 1), to: range.to };
  } else {
    if (preset === "custom") preset = "30d";
    range = presetRange(preset, anchor);
  }
  const length = daysBetween(range.from, range.to);
  return {
    preset,
    ...range,
    grain: p.grain,
    category: p.category,
    channel: p.channel,
    previous: { from: addDays(range.from, -length), to: addDays(range.from, -1) },
  };
}

/** The search params that reproduce `filters` (with overrides), for links that keep the view. */
export function filtersToSearch(filters: DashboardFilters, override: Partial<Record<"range" | "from" | "to" | "grain" | "category" | "channel", string | null>> = {}): string {
  const values: Record<string, string | null> = {
    range: filters.preset,
    ...(filters.preset === "custom" ? { from: filters.from, to: filters.to } : {}),
    grain: filters.grain,
    category: filters.category,
    channel: filters.channel,
    ...override,
  };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  return q.toString();
}
