// Personal API tokens: shown once at creation, stored only as a SHA-256 hash, scoped to at most
// what the owner's role allows, revocable, optionally expiring.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { CurrentUser } from "./current-user";
import { loadActiveUser } from "./current-user";
import { can, type Permission } from "./permissions";

export const TOKEN_SCOPES = ["kpi:read", "datasets:read", "quality:read", "uploads:write", "pii:read", "segments:view", "segments:export"] as const satisfies readonly Permission[];
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const PREFIX = "eat_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export class TokenScopeError extends Error {
  constructor(readonly scopes: string[]) {
    super(`Your role cannot grant these scopes: ${scopes.join(", ")}.`);
    this.name = "TokenScopeError";
  }
}

export async function createApiToken(db: PrismaClient, owner: CurrentUser, input: { name: string; scopes: TokenScope[]; expiresAt: Date | null }) {
  const beyondRole = input.scopes.filter((s) => !can(owner.role, s));
  if (beyondRole.length) throw new TokenScopeError(beyondRole);
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId: owner.id, name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, tokenHash: hashToken(token) },
    select: { id: true, name: true, scopes: true, createdAt: true, expiresAt: true },
  });
  return { ...row, token };
}

export type TokenCaller = { user: CurrentUser; scopes: readonly string[]; tokenId: string };

/** The owner and scopes of a valid token (not revoked, not expired, owner active), or null. */
export async function resolveApiToken(db: PrismaClient, token: string): Promise<TokenCaller | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  const user = await loadActiveUser(db, row.userId);
  if (!user) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { user, scopes: row.scopes, tokenId: row.id };
}
