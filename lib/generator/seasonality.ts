// Expected demand of a day relative to an ordinary day: growth trend, weekly rhythm, winter
// peak, French sales periods ("soldes"), Black Friday weekend and the run-up to Christmas.
import type { BusinessDay } from "./paris-time";

// Sunday first: online shops sell most on Sunday evening and Monday, least on Saturday.
const WEEKDAY = [1.15, 1.1, 1.02, 0.98, 0.95, 0.9, 0.86];

export function demandFactor(day: BusinessDay): number {
  const year = Number(day.date.slice(0, 4));
  const trend = 1 + 0.25 * (day.index / 365);
  const winter = 1 + 0.12 * Math.cos((2 * Math.PI * (day.dayOfYear - 350)) / 365);
  return trend * WEEKDAY[day.weekday] * winter * specialDays(day, year);
}

function specialDays(day: BusinessDay, year: number): number {
  const { month, dayOfMonth } = day;
  const today = Date.UTC(year, month - 1, dayOfMonth);
  // Soldes: four weeks from the 2nd Wednesday of January and from the last Wednesday of June.
  const winterSales = daysSince(today, year, 1, nthWeekday(year, 1, 3, 2));
  if (winterSales >= 0 && winterSales < 28) return winterSales < 7 ? 1.7 : 1.25;
  const summerSales = daysSince(today, year, 6, lastWeekday(year, 6, 3));
  if (summerSales >= 0 && summerSales < 28) return summerSales < 7 ? 1.6 : 1.2;
  if (month === 11) {
    const offset = dayOfMonth - nthWeekday(year, 11, 5, 4);
    if (offset === 0) return 2.6; // Black Friday
    if (offset >= 1 && offset <= 3) return 1.7; // weekend and Cyber Monday
    if (offset >= -6 && offset < 0) return 1.25;
  }
  if (month === 12) {
    if (dayOfMonth <= 20) return 1.2 + dayOfMonth * 0.015;
    if (dayOfMonth <= 23) return 1.1;
    if (dayOfMonth <= 25) return 0.6;
    return 0.9;
  }
  return 1;
}

function daysSince(todayUtc: number, year: number, month: number, dayOfMonth: number): number {
  return Math.round((todayUtc - Date.UTC(year, month - 1, dayOfMonth)) / 86_400_000);
}

/** Day of month of the n-th given weekday (0 = Sunday). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7);
}
