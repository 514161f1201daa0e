// GET /api/v1/forecasts/days-of-cover?limit=100 → { reorderSoonDays, products: [{ sku, name, category, available, forecastUnits30, daysOfCover, coverCapped, reorderSoon, … }] }, lowest cover first.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { invalidParameters } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { limitSchema } from "@/lib/data/forecasts/forecast-params";
import { getDaysOfCover, REORDER_SOON_DAYS } from "@/lib/data/forecasts/get-days-of-cover";

export const GET = withPermission("forecasts:view", async (req, { user }) => {
  const parsed = limitSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return invalidParameters(parsed.error, "query");
  return NextResponse.json({ reorderSoonDays: REORDER_SOON_DAYS, products: await getDaysOfCover(pool(), user, parsed.data) });
});
