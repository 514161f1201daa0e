// Wraps route handlers: 401 JSON when the caller is not identified (no session, or an invalid,
// expired or revoked token), 403 JSON when the role — and for a token, its scopes — lack the
// permission. A handler cannot be exported without naming the permission it needs.
import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "../db";
import { env } from "../env";
import { apiError } from "../api/errors";
import { resolveApiToken } from "./api-tokens";
import { loadActiveUser, type CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";

/** `allows(p)`: whether this caller — role and, for a token, its scopes — holds p (for optional extras such as clear PII). */
type Handler<C> = (req: NextRequest, ctx: C & { user: CurrentUser; allows: (p: Permission) => boolean }) => Promise<Response> | Response;
type Options = { sessionOnly?: boolean };

type Caller = { user: CurrentUser; scopes: readonly string[] | null };

async function identify(req: NextRequest, options: Options): Promise<Caller | null> {
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    if (options.sessionOnly) return null;
    const caller = await resolveApiToken(db, bearer);
    return caller && { user: caller.user, scopes: caller.scopes };
  }
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const user = await loadActiveUser(db, token?.sub);
  return user && { user, scopes: null };
}

export function withPermission<C extends object>(permission: Permission | "signed-in", handler: Handler<C>, options: Options = {}) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    const caller = await identify(req, options);
    if (!caller) return apiError(401, "unauthenticated", options.sessionOnly ? "Sign in (API tokens cannot do this)." : "Sign in or send a valid API token (Authorization: Bearer …).");
    const allows = (p: Permission) => can(caller.user.role, p) && (!caller.scopes || caller.scopes.includes(p));
    if (permission !== "signed-in") {
      if (!can(caller.user.role, permission)) return apiError(403, "forbidden", `This action needs the '${permission}' permission.`);
      if (caller.scopes && !caller.scopes.includes(permission)) return apiError(403, "forbidden", `This token lacks the '${permission}' scope.`);
    }
    return handler(req, { ...ctx, user: caller.user, allows });
  };
}
