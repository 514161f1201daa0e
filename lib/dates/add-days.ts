// Calendar arithmetic on ISO days (YYYY-MM-DD) as plain dates: no time of day, so no time zone
// or daylight-saving change can move the result.
export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
