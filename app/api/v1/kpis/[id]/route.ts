// GET /api/v1/kpis/{id}?from=YYYY-MM-DD&to=YYYY-MM-DD&grain=day|week|month&by=category|product|channel
//   [&top=N][&category=…][&channel=…][&product=SKU][&format=csv]
// → { kpi, unit, grain, from, to, by, filter, series: [{ period, value, key? }], total, previous }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import { kpiQuerySchema } from "@/lib/kpi/kpi-query";
import { kpiSeriesCsv } from "@/lib/kpi/kpi-series-csv";
import { getKpi, KPIS } from "@/lib/kpi/registry";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("kpi:read", async (req, { user, params }) => {
  const kpi = getKpi((await params).id);
  if (!kpi) return apiError(404, "not_found", `Unknown KPI. Known: ${KPIS.map((k) => k.id).join(", ")}.`);
  const parsed = kpiQuerySchema(kpi).safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ parameter: i.path.map(String).join(".") || "query", message: i.message }));
    return apiError(400, "invalid_parameters", details.map((d) => `${d.parameter}: ${d.message}`).join("; "), details);
  }
  const series = await getKpiSeries(pool(), user, kpi, parsed.data);
  if (req.nextUrl.searchParams.get("format") !== "csv") return NextResponse.json(series);
  const name = `${kpi.id}_${series.from}_${series.to}${series.by ? `_by_${series.by}` : ""}.csv`;
  return new NextResponse(kpiSeriesCsv(series), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });
});
