// GET /api/v1/forecasts → { forecasts: [{ metric, scope, next7, next30, next90, mase7, naiveMase7, mase30, naiveMase30, coverage80 }] }.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { withPermission } from "@/lib/auth/api-guard";
import { getForecastSummary } from "@/lib/data/forecasts/get-forecast-summary";

export const GET = withPermission("forecasts:view", async (_req, { user }) => NextResponse.json({ forecasts: await getForecastSummary(pool(), user) }));
