// GET /api/v1/forecasts/promotions?limit=100 → { promotions: [{ promoId, name, code, scopeType, scopeValue, firstDay, lastDay, actualUnits, baselineUnits, uplift, lower95, upper95 }] }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { issuesOf, limitSchema } from "@/lib/data/forecasts/forecast-params";
import { getPromoUplift } from "@/lib/data/forecasts/get-promo-uplift";

export const GET = withPermission("forecasts:view", async (req, { user }) => {
  const parsed = limitSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return apiError(400, "invalid_parameters", issuesOf(parsed.error).map((d) => `${d.parameter}: ${d.message}`).join("; "), issuesOf(parsed.error));
  return NextResponse.json({ promotions: await getPromoUplift(pool(), user, parsed.data) });
});
