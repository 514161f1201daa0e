// GET /api/v1/users — list users; POST /api/v1/users — create one. Admins (users:manage).
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { createUserInput } from "@/lib/users/schemas";
import { createUser, listUsers, UserError } from "@/lib/users/manage-users";

export const GET = withPermission("users:manage", async (_req, { user }) => NextResponse.json({ users: await listUsers(db, user) }));

export const POST = withPermission("users:manage", async (req, { user }) => {
  const input = await parseJsonBody(req, createUserInput);
  if (!input.ok) return input.response;
  try {
    return NextResponse.json({ user: await createUser(db, user, input.data) }, { status: 201 });
  } catch (error) {
    if (error instanceof UserError) return apiError(409, error.code, error.message);
    throw error;
  }
});
