// Calendar effects read from a broader series: its bump a year earlier lifts the forecast of a
// series whose own last year was flat.
import { expect, it } from "vitest";
import { forecastSeries } from "./forecast-series";

const WEEKLY = [50, 55, 60, 65, 70, 90, 100];
const DAYS = 420;

it("takes last year's calendar effects from the calendar series when given one", () => {
  const own = Array.from({ length: DAYS }, (_, i) => WEEKLY[i % 7]);
  // The site sold 1.5 times its usual during the week a year before forecast days 7–13.
  const site = Array.from({ length: DAYS }, (_, i) => (i >= DAYS + 7 - 364 && i < DAYS + 14 - 364 ? 1500 : 1000));
  const plain = forecastSeries(own, 21);
  const withCalendar = forecastSeries(own, 21, { calendar: { values: site } });
  for (let h = 0; h < 21; h++) {
    const usual = WEEKLY[(DAYS + h) % 7];
    expect(Math.abs(plain.point[h] / usual - 1)).toBeLessThan(0.02);
    // Day 10's centred week is the bump's week: 1500 against a median week of 1000.
    if (h === 10) expect(Math.abs(withCalendar.point[h] / (usual * 1.5) - 1)).toBeLessThan(0.02);
    // Days whose centred week misses the bump keep the usual level.
    if (h < 4 || h > 16) expect(Math.abs(withCalendar.point[h] / usual - 1)).toBeLessThan(0.02);
  }
});
