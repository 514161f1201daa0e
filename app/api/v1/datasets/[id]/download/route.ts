// GET /api/v1/datasets/{id}/download?format=csv|parquet&from=YYYY-MM-DD&to=YYYY-MM-DD&pii=false
// — the dataset as a streamed file. Clear personal data only with pii=true and pii:read.
import { Readable } from "node:stream";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { callerCan, withPermission } from "@/lib/auth/api-guard";
import { datasetDownloadQuery } from "@/lib/datasets/dataset-query";
import { exportDataset } from "@/lib/datasets/export-dataset";
import { getDataset } from "@/lib/datasets/registry";
import { unknownDataset } from "@/lib/datasets/unknown-dataset";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("datasets:read", async (req, ctx) => {
  const ds = getDataset((await ctx.params).id);
  if (!ds) return unknownDataset();
  const q = parseQuery(req.nextUrl.searchParams, datasetDownloadQuery);
  if (!q.ok) return q.response;
  if (q.data.range && !ds.dateExpr) {
    return apiError(400, "invalid_parameters", `from: the ${ds.id} dataset has no date column; download it whole`, [{ parameter: "from", message: `the ${ds.id} dataset has no date column` }]);
  }
  if (q.data.pii && !callerCan(ctx, "pii:read")) return apiError(403, "forbidden", "pii=true needs the 'pii:read' permission (and scope, for a token).");
  const file = await exportDataset(pool(), ctx.user, ds, q.data);
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
