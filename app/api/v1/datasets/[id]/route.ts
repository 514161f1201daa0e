// GET /api/v1/datasets/{id} — one dataset's catalogue entry.
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { withPermission } from "@/lib/auth/api-guard";
import { getCatalogue } from "@/lib/datasets/get-catalogue";
import { unknownDataset } from "@/lib/datasets/unknown-dataset";
import { getDataset } from "@/lib/datasets/registry";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = withPermission<Ctx>("datasets:read", async (_req, { user, params }) => {
  const ds = getDataset((await params).id);
  if (!ds) return unknownDataset();
  const [entry] = await getCatalogue(pool(), user, [ds]);
  return NextResponse.json(entry);
});
