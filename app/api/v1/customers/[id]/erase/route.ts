// POST /api/v1/customers/{id}/erase — right to be forgotten for one customer (admins: pii:erase).
import { NextResponse } from "next/server";
import { db, pool } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { eraseCustomer } from "@/lib/privacy/erase-customer";

type Ctx = { params: Promise<{ id: string }> };

export const POST = withPermission<Ctx>(
  "pii:erase",
  async (_req, { user, params }) => {
    const { id } = await params;
    if (!/^[\w-]{1,64}$/.test(id)) return apiError(400, "invalid_parameters", "id: not a customer id");
    const report = await eraseCustomer(pool(), db, user, id);
    return report.found ? NextResponse.json(report) : apiError(404, "not_found", `No customer ${id} in silver.`);
  },
  { sessionOnly: true },
);
