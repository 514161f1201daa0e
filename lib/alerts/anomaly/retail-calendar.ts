// The French retail calendar the shop's demand follows every year: the regulated sales ("soldes",
// from the 2nd Wednesday of January and the last Wednesday of June, four weeks, the first one
// busiest), Black Friday week and Cyber Monday, the Christmas run-up and the days around Christmas.
// Demand jumps at each boundary, so the anomaly baseline restarts there instead of calling the
// jump an anomaly (see detect-series.ts). Change this file when the shop's calendar differs.

/** Segment of a day: "normal", or the calendar period it belongs to (e.g. "2026-soldes-ete-1"). */
export function calendarSegment(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const dom = Number(day.slice(8, 10));
  const t = Date.UTC(year, month - 1, dom);
  const since = (m: number, d: number) => Math.round((t - Date.UTC(year, m - 1, d)) / 86_400_000);
  const winter = since(1, nthWeekday(year, 1, 3, 2));
  if (winter >= 0 && winter < 28) return `${year}-soldes-hiver-${winter < 7 ? 1 : 2}`;
  const summer = since(6, lastWeekday(year, 6, 3));
  if (summer >= 0 && summer < 28) return `${year}-soldes-ete-${summer < 7 ? 1 : 2}`;
  if (month === 11) {
    const offset = dom - nthWeekday(year, 11, 5, 4);
    if (offset === 0) return `${year}-black-friday`;
    if (offset >= 1 && offset <= 3) return `${year}-cyber-weekend`;
    if (offset >= -6 && offset < 0) return `${year}-black-week`;
  }
  if (month === 12) {
    if (dom <= 20) return `${year}-noel-avant`;
    if (dom <= 23) return `${year}-noel-derniers-jours`;
    if (dom <= 25) return `${year}-noel`;
    return `${year}-fin-annee`;
  }
  return "normal";
}

/** Day of month of the n-th given weekday (0 = Sunday). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7);
}
