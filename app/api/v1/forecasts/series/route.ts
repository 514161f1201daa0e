// GET /api/v1/forecasts/series?metric=revenue|units&scope=total|<category>&horizon=7|30|90&historyDays=90
// → { metric, scope, horizon, historyDays, history: [{ day, value }], forecast: [{ day, point, lower80, upper80, lower95, upper95 }], accuracy }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { invalidParameters } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { forecastQuerySchema } from "@/lib/data/forecasts/forecast-params";
import { getForecast } from "@/lib/data/forecasts/get-forecast";

export const GET = withPermission("forecasts:view", async (req, { user }) => {
  const parsed = forecastQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return invalidParameters(parsed.error, "query");
  const series = await getForecast(pool(), user, parsed.data);
  if (!series.forecast.length) return apiError(404, "not_found", `No forecast for ${parsed.data.metric} / ${parsed.data.scope} (has the pipeline run?).`);
  return NextResponse.json(series);
});
