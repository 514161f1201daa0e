// GET /api/v1/kpis/{id}?from=YYYY-MM-DD&to=YYYY-MM-DD&grain=day|week|month&by=category|product|channel
//   [&top=N][&category=…][&channel=…]
// → { kpi, unit, grain, from, to, by, filter, series: [{ period, value, key? }], total, previous }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { withPermission } from "@/lib/auth/api-guard";
import { getKpiSeries } from "@/lib/kpi/get-kpi-series";
import { kpiQuerySchema } from "@/lib/kpi/kpi-query";
import { getKpi, KPIS } from "@/lib/kpi/registry";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("kpi:read", async (req, { user, params }) => {
  const kpi = getKpi((await params).id);
  if (!kpi) return apiError(404, "not_found", `Unknown KPI. Known: ${KPIS.map((k) => k.id).join(", ")}.`, [{ parameter: "id", message: "unknown KPI" }]);
  const parsed = parseQuery(req.nextUrl.searchParams, kpiQuerySchema(kpi));
  if (!parsed.ok) return parsed.response;
  return NextResponse.json(await getKpiSeries(pool(), user, kpi, parsed.data));
});
