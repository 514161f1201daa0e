// What each API token did (who, what, when, outcome) and the per-token rate limit, which counts
// the same log over the last minute — one table, so the limit holds across app processes.
import type { PrismaClient } from "../generated/prisma/client";

export type TokenRequest = { tokenId: string; userId: string; method: string; path: string; query: string; status: number; durationMs: number };

/** Seconds until the token may call again, or 0 when it is under its per-minute limit. */
export async function rateLimitWait(db: PrismaClient, tokenId: string, perMinute: number): Promise<number> {
  const since = new Date(Date.now() - 60_000);
  const recent = await db.apiRequest.findMany({ where: { tokenId, at: { gt: since } }, select: { at: true }, orderBy: { at: "desc" }, take: perMinute });
  if (recent.length < perMinute) return 0;
  // The oldest of the last `perMinute` requests leaves the window first.
  return Math.max(1, Math.ceil((recent[recent.length - 1].at.getTime() + 60_000 - Date.now()) / 1000));
}

export async function logTokenRequest(db: PrismaClient, r: TokenRequest): Promise<void> {
  await db.apiRequest.create({ data: { ...r, query: r.query || null } });
}

/** The latest requests made with the user's own tokens (for the token page). */
export async function listOwnTokenRequests(db: PrismaClient, userId: string, limit = 50) {
  return db.apiRequest.findMany({
    where: { userId },
    select: { id: true, at: true, method: true, path: true, query: true, status: true, durationMs: true, token: { select: { name: true } } },
    orderBy: { at: "desc" },
    take: limit,
  });
}
