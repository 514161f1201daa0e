// Per-token rate limit: counts the token's logged requests over the last minute only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { createApiToken } from "./api-tokens";
import { listOwnTokenRequests, logTokenRequest, rateLimitWait } from "./token-requests";

describe("token request log and rate limit", () => {
  let db: TestDatabase;
  let tokenId: string;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const user = await db.prisma.user.create({ data: { email: "ds@example.fr", name: "DS", role: "data_scientist", passwordHash: "x" } });
    userId = user.id;
    tokenId = (await createApiToken(db.prisma, { ...user }, { name: "nb", scopes: ["datasets:read"], expiresAt: null })).id;
  });
  afterAll(() => db.drop());

  const log = (secondsAgo: number) =>
    db.prisma.apiRequest.create({ data: { tokenId, userId, method: "GET", path: "/api/v1/datasets", status: 200, durationMs: 3, at: new Date(Date.now() - secondsAgo * 1000) } });

  it("lets a token through under its limit and holds it at the limit until the oldest call leaves the minute", async () => {
    await log(90); // outside the window
    await log(50);
    await log(10);
    expect(await rateLimitWait(db.prisma, tokenId, 3)).toBe(0);
    const wait = await rateLimitWait(db.prisma, tokenId, 2);
    // The call 50 s ago leaves the window in ~10 s.
    expect(wait).toBeGreaterThanOrEqual(9);
    expect(wait).toBeLessThanOrEqual(11);
  });

  it("logs who, what, when and the outcome, listed newest first for the owner", async () => {
    await logTokenRequest(db.prisma, { tokenId, userId, method: "GET", path: "/api/v1/datasets/orders/download", query: "format=csv", status: 200, durationMs: 12 });
    const [latest] = await listOwnTokenRequests(db.prisma, userId);
    expect(latest).toMatchObject({ method: "GET", path: "/api/v1/datasets/orders/download", query: "format=csv", status: 200, durationMs: 12, token: { name: "nb" } });
    expect(await listOwnTokenRequests(db.prisma, "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});
