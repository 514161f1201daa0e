// GET /api/v1/alerts — the alerts the caller's role may see (stock alerts: supply chain; metric
// anomalies: every KPI reader), newest first. ?status=open|acknowledged|resolved|active, ?kind=
// stock_out|low_stock|anomaly (repeatable), ?limit= (1–500, default 100).
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { invalidParameters } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { alertListQuery, listAlerts } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

export const GET = withPermission("signed-in", async (req, { user }) => {
  const params = req.nextUrl.searchParams;
  const kinds = params.getAll("kind");
  const parsed = alertListQuery.safeParse({ status: params.get("status") ?? undefined, kind: kinds.length ? kinds : undefined, limit: params.get("limit") ?? undefined });
  if (!parsed.success) return invalidParameters(parsed.error, "query");
  const { status, kind, limit } = parsed.data;
  return NextResponse.json({ alerts: await listAlerts(pool(), user, { status, kinds: kind, limit }) });
});
