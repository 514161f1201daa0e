// Wraps route handlers: 401 JSON when nobody is signed in, 403 JSON when the role lacks the
// permission. A handler cannot be exported without naming the permission it needs.
import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "../db";
import { env } from "../env";
import { apiError } from "../api/errors";
import { loadActiveUser, type CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";

type Handler<C> = (req: NextRequest, ctx: C & { user: CurrentUser }) => Promise<Response> | Response;

export function withPermission<C extends object>(permission: Permission | "signed-in", handler: Handler<C>) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
    const user = await loadActiveUser(db, token?.sub);
    if (!user) return apiError(401, "unauthenticated", "Sign in or send an API token.");
    if (permission !== "signed-in" && !can(user.role, permission)) {
      return apiError(403, "forbidden", `This action needs the '${permission}' permission.`);
    }
    return handler(req, { ...ctx, user });
  };
}

