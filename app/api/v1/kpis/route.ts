// GET /api/v1/kpis — the KPI glossary: ids, labels, units, definitions, dimensions.
import { NextResponse } from "next/server";
import { withPermission } from "@/lib/auth/api-guard";
import { KPIS } from "@/lib/kpi/registry";

export const GET = withPermission("kpi:read", () =>
  NextResponse.json({ kpis: KPIS.map(({ id, label, definition, unit, dimensions }) => ({ id, label, definition, unit, dimensions })) }),
);
