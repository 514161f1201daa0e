// GET /api/v1/kpis/{id}?from=YYYY-MM-DD&to=YYYY-MM-DD&grain=day|week|month&by=category|product|channel
//   [&top=N][&category=…][&channel=…][&product=SKU][&format=csv]
// → { kpi, unit, grain, from, to, by, filter, series: [{ period, value, key? }], total, previous }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { withPermission } from "@/lib/auth/api-guard";
import { cachedKpiAnswer } from "@/lib/kpi/kpi-answer-cache";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import { kpiQuerySchema } from "@/lib/kpi/kpi-query";
import { kpiSeriesCsv } from "@/lib/kpi/kpi-series-csv";
import { getKpi, KPIS } from "@/lib/kpi/registry";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("kpi:read", async (req, { user, params }) => {
  const kpi = getKpi((await params).id);
  if (!kpi) return apiError(404, "not_found", `Unknown KPI. Known: ${KPIS.map((k) => k.id).join(", ")}.`, [{ parameter: "id", message: "unknown KPI" }]);
  const parsed = parseQuery(req.nextUrl.searchParams, kpiQuerySchema(kpi));
  if (!parsed.ok) return parsed.response;
  // The permission is checked above; the figures themselves are the same for every reader.
  const series = await cachedKpiAnswer(pool(), `${kpi.id}?${JSON.stringify(parsed.data)}`, () => getKpiSeries(pool(), user, kpi, parsed.data));
  if (parsed.data.format !== "csv") return NextResponse.json(series);
  const name = `${kpi.id}_${series.from}_${series.to}${series.by ? `_by_${series.by}` : ""}.csv`;
  return new NextResponse(kpiSeriesCsv(series), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });
});
