// Validation of KPI query parameters (API and screens): errors name the parameter.
import { z } from "zod";
import type { KpiDefinition } from "./registry";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(d)), "is not a real date");

export function kpiQuerySchema(kpi: KpiDefinition) {
  return z
    .object({
      from: day,
      to: day,
      grain: z.enum(["day", "week", "month"]).default("day"),
      by: z
        .enum(["category", "product", "channel"])
        .optional()
        .refine((b) => !b || kpi.dimensions.includes(b), { message: `not available for ${kpi.id} (possible: ${kpi.dimensions.join(", ") || "none"})` })
        .transform((b) => b ?? null),
      top: z.coerce.number().int().min(1).max(1000).optional(),
      category: z.string().min(1).max(100).optional(),
      channel: z.string().min(1).max(100).optional(),
      product: z.string().min(1).max(100).optional(),
      format: z.enum(["json", "csv"]).default("json"),
    })
    .refine((q) => !q.top || q.by, { path: ["top"], message: "needs by (e.g. by=product&top=10)" })
    // Range checks only between real dates (an invalid one already has its own error).
    .refine((q) => !realDates(q) || q.from <= q.to, { path: ["to"], message: "must not be before from" })
    .refine((q) => !realDates(q) || Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, { path: ["to"], message: "range is limited to 5 years" })
    .transform(({ category, channel, product, ...q }) => ({ ...q, filter: { category: category ?? null, channel: channel ?? null, product: product ?? null } }));
}

const realDates = (q: { from: string; to: string }) => !Number.isNaN(Date.parse(q.from)) && !Number.isNaN(Date.parse(q.to));
