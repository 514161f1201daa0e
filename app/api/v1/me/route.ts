// GET /api/v1/me — the caller's identity, role and permissions.
import { NextResponse } from "next/server";
import { withPermission } from "@/lib/auth/api-guard";
import { permissionsOf } from "@/lib/auth/permissions";

export const GET = withPermission("signed-in", (_req, { user }) =>
  NextResponse.json({ ...user, permissions: permissionsOf(user.role) }),
);
