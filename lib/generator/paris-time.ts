// Paris business days and timestamps. Every export file belongs to a Paris calendar day, and
// every timestamp is written in Paris local time with its real offset (+01:00 / +02:00).
import { TZDate, tzOffset } from "@date-fns/tz";

export const TIME_ZONE = "Europe/Paris";
const HOUR_MS = 3_600_000;

export interface BusinessDay {
  index: number;
  /** YYYY-MM-DD */
  date: string;
  /** UTC milliseconds of Paris midnight starting / ending the day (23, 24 or 25 hours apart). */
  startMs: number;
  endMs: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  month: number;
  dayOfMonth: number;
  dayOfYear: number;
}

export function businessDays(from: string, to: string): BusinessDay[] {
  const days: BusinessDay[] = [];
  let cursor = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`);
  while (cursor <= last) {
    const y = cursor.getUTCFullYear();
    const m = cursor.getUTCMonth();
    const d = cursor.getUTCDate();
    const next = new Date(Date.UTC(y, m, d + 1));
    days.push({
      index: days.length,
      date: cursor.toISOString().slice(0, 10),
      startMs: new TZDate(y, m, d, TIME_ZONE).getTime(),
      endMs: new TZDate(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), TIME_ZONE).getTime(),
      weekday: cursor.getUTCDay(),
      month: m + 1,
      dayOfMonth: d,
      dayOfYear: Math.floor((cursor.getTime() - Date.UTC(y, 0, 1)) / 86_400_000) + 1,
    });
    cursor = next;
  }
  return days;
}

// Offsets only change on whole UTC hours, so caching per hour keeps formatting cheap.
const offsetByHour = new Map<number, number>();

function parisOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(TIME_ZONE, new Date(hour * HOUR_MS));
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** "2025-03-01T14:03:22+01:00" for a UTC instant (whole seconds). */
export function formatParis(ms: number): string {
  const offset = parisOffsetMinutes(ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Paris calendar date (YYYY-MM-DD) of a UTC instant. */
export function parisDate(ms: number): string {
  return new Date(ms + parisOffsetMinutes(ms) * 60_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** UTC ms of a Paris wall-clock time on a day (seconds since local midnight), DST-aware. */
export function atLocalSeconds(day: BusinessDay, seconds: number): number {
  const guess = day.startMs + seconds * 1000;
  const corrected = guess + (parisOffsetMinutes(day.startMs) - parisOffsetMinutes(guess)) * 60_000;
  return Math.min(Math.max(corrected, day.startMs), day.endMs - 1000);
}
