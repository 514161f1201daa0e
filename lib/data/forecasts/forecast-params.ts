// Query parameters of the forecast API and pages, declared once.
import { z } from "zod";

export const forecastMetric = z.enum(["revenue", "units"]);

export const forecastQuerySchema = z.object({
  metric: forecastMetric.default("revenue"),
  scope: z.string().min(1).max(100).default("total"),
  horizon: z.coerce.number().int().refine((h) => [7, 30, 90].includes(h), "horizon must be 7, 30 or 90").default(30).describe("Days ahead: 7, 30 or 90"),
  historyDays: z.coerce.number().int().min(7).max(730).default(90),
});

export const limitSchema = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(100) });
