// GET /api/v1/datasets — the data catalogue: each dataset's columns, row count, freshness and
// quality status.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { withPermission } from "@/lib/auth/api-guard";
import { getCatalogue } from "@/lib/datasets/get-catalogue";

export const dynamic = "force-dynamic";

export const GET = withPermission("datasets:read", async (_req, { user }) => NextResponse.json({ datasets: await getCatalogue(pool(), user) }));
