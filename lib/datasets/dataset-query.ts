// Query parameters of a dataset download (API and catalogue page): format, optional date range,
// and an explicit opt-in for clear personal data.
import { z } from "zod";

const day = z.iso.date({ error: "expected a calendar date as YYYY-MM-DD" });

export const datasetDownloadQuery = z
  .strictObject({
    format: z.enum(["csv", "parquet"], { error: "expected csv or parquet" }).default("csv").describe("File format"),
    from: day.optional().describe("First day included (datasets with a date column)"),
    to: day.optional().describe("Last day included"),
    pii: z.enum(["true", "false"], { error: "expected true or false" }).default("false").describe("true: clear personal data (needs pii:read)"),
  })
  .superRefine((q, ctx) => {
    if (!!q.from !== !!q.to) ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "from and to go together" });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  })
  .transform(({ format, from, to, pii }) => ({ format, range: from && to ? { from, to } : null, pii: pii === "true" }));

export type DatasetDownloadQuery = z.infer<typeof datasetDownloadQuery>;
