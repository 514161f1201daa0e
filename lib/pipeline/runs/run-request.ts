// The body of POST /api/v1/pipeline/runs: an optional day or range of days to recompute
// (inclusive), or a full rebuild; nothing means "merge what is new". One date alone is one day.
import { z } from "zod";

const day = z.iso.date({ error: "expected a calendar date as YYYY-MM-DD" });

export const runRequestInput = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    full: z.boolean({ error: "expected true or false" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.full && (v.from || v.to)) ctx.addIssue({ code: "custom", path: ["full"], message: "a full rebuild cannot be combined with from/to" });
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  })
  .transform((v) => {
    if (v.full) return { full: true } as const;
    const from = v.from ?? v.to;
    const to = v.to ?? v.from;
    return from && to ? { from, to } : {};
  });

export type RunRequest = z.infer<typeof runRequestInput>;

/** GET /api/v1/pipeline/runs?limit=N (1–200, default 50). */
export const runListQuery = z.object({
  limit: z.coerce.number({ error: "expected an integer from 1 to 200" }).int("expected an integer from 1 to 200").min(1, "expected an integer from 1 to 200").max(200, "expected an integer from 1 to 200").default(50),
});
