// GET /api/v1/tokens — your API tokens; POST — create one (the token is shown once).
// Signed-in sessions only: a token cannot mint tokens.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { TokenScopeError } from "@/lib/auth/api-tokens";
import { createOwnToken, createTokenInput, listOwnTokens } from "@/lib/auth/manage-tokens";

export const GET = withPermission("signed-in", async (_req, { user }) => NextResponse.json({ tokens: await listOwnTokens(db, user) }), { sessionOnly: true });

export const POST = withPermission(
  "signed-in",
  async (req, { user }) => {
    const input = await parseJsonBody(req, createTokenInput);
    if (!input.ok) return input.response;
    try {
      return NextResponse.json(await createOwnToken(db, user, input.data), { status: 201 });
    } catch (error) {
      if (error instanceof TokenScopeError) return apiError(403, "forbidden", error.message);
      throw error;
    }
  },
  { sessionOnly: true },
);
