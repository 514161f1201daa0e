// A user's own API tokens: list, create (scopes within the role), revoke.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { createApiToken, TOKEN_SCOPES } from "./api-tokens";
import type { CurrentUser } from "./current-user";

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "a name is required").max(80),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, "at least one scope"),
  expiresInDays: z.number().int().min(1).max(366).nullable().default(90),
});

export async function listOwnTokens(db: PrismaClient, user: CurrentUser) {
  return db.apiToken.findMany({
    where: { userId: user.id },
    select: { id: true, name: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function createOwnToken(db: PrismaClient, user: CurrentUser, input: z.infer<typeof createTokenInput>) {
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return createApiToken(db, user, { name: input.name, scopes: input.scopes, expiresAt });
}

/** Revokes one of the user's tokens; false when it is not theirs or does not exist. */
export async function revokeOwnToken(db: PrismaClient, user: CurrentUser, id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}
