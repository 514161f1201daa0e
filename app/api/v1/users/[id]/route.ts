// PATCH /api/v1/users/{id} — change a user's role, name or active flag. Admins (users:manage).
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { apiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withPermission } from "@/lib/auth/api-guard";
import { updateUserInput } from "@/lib/users/schemas";
import { updateUser, UserError } from "@/lib/users/manage-users";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = withPermission<Ctx>("users:manage", async (req, { user, params }) => {
  const input = await parseJsonBody(req, updateUserInput);
  if (!input.ok) return input.response;
  const { id } = await params;
  try {
    return NextResponse.json({ user: await updateUser(db, user, id, input.data) });
  } catch (error) {
    if (error instanceof UserError) return apiError(error.code === "not_found" ? 404 : 409, error.code, error.message);
    throw error;
  }
});
