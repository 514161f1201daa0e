// DELETE /api/v1/tokens/{id} — revoke one of your tokens.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { withPermission } from "@/lib/auth/api-guard";
import { revokeOwnToken } from "@/lib/auth/manage-tokens";

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = withPermission<Ctx>(
  "signed-in",
  async (_req, { user, params }) => {
    const { id } = await params;
    const revoked = /^[0-9a-f-]{36}$/i.test(id) && (await revokeOwnToken(db, user, id));
    return revoked ? NextResponse.json({ revoked: true }) : apiError(404, "not_found", "No such active token of yours.");
  },
  { sessionOnly: true },
);
