// GET /api/v1/forecasts/promotions?limit=100 → { promotions: [{ promoId, name, code, scopeType, scopeValue, firstDay, lastDay, actualUnits, baselineUnits, uplift, lower95, upper95 }] }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { invalidParameters } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { limitSchema } from "@/lib/data/forecasts/forecast-params";
import { getPromoUplift } from "@/lib/data/forecasts/get-promo-uplift";

export const GET = withPermission("forecasts:view", async (req, { user }) => {
  const parsed = limitSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return invalidParameters(parsed.error, "query");
  return NextResponse.json({ promotions: await getPromoUplift(pool(), user, parsed.data) });
});
