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
import { logTokenRequest, rateLimitWait } from "./token-requests";
import { loadActiveUser, type CurrentUser } from "./current-user";
import { can, type Permission } from "./permissions";

/**
 * scopes: a token's scopes, or null for a signed-in session (bounded by the role alone);
 * allows(p): whether this caller — role and, for a token, its scopes — holds p (for optional extras such as clear PII).
 */
type Handler<C> = (req: NextRequest, ctx: C & { user: CurrentUser; scopes: readonly string[] | null; allows: (p: Permission) => boolean }) => Promise<Response> | Response;
type Options = { sessionOnly?: boolean };

type Caller = { user: CurrentUser; scopes: readonly string[] | null; tokenId?: string };

async function identify(req: NextRequest, options: Options): Promise<Caller | null> {
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    if (options.sessionOnly) return null;
    const caller = await resolveApiToken(db, bearer);
    return caller && { user: caller.user, scopes: caller.scopes, tokenId: caller.tokenId };
  }
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const user = await loadActiveUser(db, token?.sub);
  return user && { user, scopes: null };
}

/** Whether the caller may do `permission`: its role allows it and, for a token, a scope grants it. */
export const callerCan = (caller: { user: CurrentUser; scopes: readonly string[] | null }, permission: Permission) =>
  can(caller.user.role, permission) && (!caller.scopes || caller.scopes.includes(permission));

export function withPermission<C extends object>(permission: Permission | "signed-in", handler: Handler<C>, options: Options = {}) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    const caller = await identify(req, options);
    if (caller?.tokenId) return tokenRequest(req, caller as Caller & { tokenId: string }, () => authorise(req, ctx, caller, permission, handler));
    return authorise(req, ctx, caller, permission, handler, options);
  };
}

// Token calls are rate-limited per token and logged with their outcome (streamed bodies: the
// status and the time to the first byte).
async function tokenRequest(req: NextRequest, caller: Caller & { tokenId: string }, run: () => Promise<Response>): Promise<Response> {
  const started = Date.now();
  const wait = await rateLimitWait(db, caller.tokenId, env().API_TOKEN_REQUESTS_PER_MINUTE);
  const response = wait
    ? apiError(429, "rate_limited", `Too many requests with this token (limit ${env().API_TOKEN_REQUESTS_PER_MINUTE} a minute); retry in ${wait} s.`, { retryAfterSeconds: wait })
    : await run();
  if (wait) response.headers.set("Retry-After", String(wait));
  await logTokenRequest(db, {
    tokenId: caller.tokenId,
    userId: caller.user.id,
    method: req.method,
    path: req.nextUrl.pathname,
    query: req.nextUrl.search.slice(1),
    status: response.status,
    durationMs: Date.now() - started,
  });
  return response;
}

async function authorise<C extends object>(req: NextRequest, ctx: C, caller: Caller | null, permission: Permission | "signed-in", handler: Handler<C>, options: Options = {}): Promise<Response> {
  if (!caller) return apiError(401, "unauthenticated", options.sessionOnly ? "Sign in (API tokens cannot do this)." : "Sign in or send a valid API token (Authorization: Bearer …).");
  if (permission !== "signed-in") {
    if (!can(caller.user.role, permission)) return apiError(403, "forbidden", `This action needs the '${permission}' permission.`);
    if (caller.scopes && !caller.scopes.includes(permission)) return apiError(403, "forbidden", `This token lacks the '${permission}' scope.`);
  }
  return handler(req, { ...ctx, user: caller.user, scopes: caller.scopes, allows: (p: Permission) => callerCan(caller, p) });
}
