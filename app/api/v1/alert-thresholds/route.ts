// GET /api/v1/alert-thresholds — admin-set anomaly thresholds and the defaults per metric;
// PUT — { metric, scopeType, scopeValue?, sensitivity?, minAbsChange?, minRelChange?, direction?,
// minHistoryDays? } creates or replaces one (empty fields keep the default); DELETE
// ?metric=&scopeType=&scopeValue= removes one. Admins (thresholds:manage).
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { deleteThreshold, listThresholds, saveThreshold, thresholdInput, thresholdKey } from "@/lib/alerts/manage-thresholds";

export const dynamic = "force-dynamic";

export const GET = withPermission("thresholds:manage", async (_req, { user }) => NextResponse.json(await listThresholds(pool(), user)));

export const PUT = withPermission("thresholds:manage", async (req, { user }) => {
  const input = await parseJsonBody(req, thresholdInput);
  if (!input.ok) return input.response;
  await saveThreshold(pool(), user, input.data);
  return NextResponse.json({ saved: true });
});

export const DELETE = withPermission("thresholds:manage", async (req, { user }) => {
  const p = req.nextUrl.searchParams;
  const key = thresholdKey.safeParse({ metric: p.get("metric"), scopeType: p.get("scopeType"), scopeValue: p.get("scopeValue") ?? "" });
  if (!key.success) return apiError(400, "invalid_parameters", key.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return (await deleteThreshold(pool(), user, key.data)) ? NextResponse.json({ deleted: true }) : apiError(404, "not_found", "No such threshold.");
});
