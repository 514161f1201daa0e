// Query parameters of the segment API, declared once: the routes parse with them and the
// OpenAPI document is generated from them.
import { z } from "zod";

/** The first day of a month, YYYY-MM-01: how a monthly snapshot is named. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])-01$/;

export const segmentMonthQuery = z.object({
  month: z.string().regex(MONTH, "the first day of a month, YYYY-MM-01").optional().describe("The month-end snapshot, by its month's first day (default: the latest)"),
});

const LAST = "a number of cohorts from 1 to 999";
export const cohortsQuery = z.object({
  last: z.coerce.number({ error: LAST }).int(LAST).min(1, LAST).max(999, LAST).default(24).describe("How many of the latest monthly cohorts"),
});
