import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";

const limits = { perAccount: 3, perAddress: 5, windowMinutes: 15 };

describe("authenticate", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const passwordHash = await hashPassword("right password");
    await db.prisma.user.createMany({
      data: [
        { email: "ana@example.test", name: "Ana", role: "analyst", passwordHash },
        { email: "gone@example.test", name: "Gone", role: "finance", passwordHash, active: false },
      ],
    });
  });
  beforeEach(() => db.prisma.loginFailure.deleteMany());
  afterAll(() => db.drop());

  const tryLogin = (email: string, password: string, address: string | null = "192.0.2.10") =>
    authenticate(db.prisma, { email, password, address }, limits);

  it("signs in with the right password, case-insensitive email, and stamps the login", async () => {
    const result = await tryLogin(" ANA@example.test ", "right password");
    expect(result).toMatchObject({ ok: true, user: { email: "ana@example.test", role: "analyst", locale: "fr" } });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "ana@example.test" } });
    expect(user.lastLoginAt).toBeInstanceOf(Date);
  });

  it("gives the same answer for a wrong password, an unknown account and a deactivated one", async () => {
    expect(await tryLogin("ana@example.test", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await tryLogin("nobody@example.test", "right password")).toEqual({ ok: false, reason: "invalid" });
    expect(await tryLogin("gone@example.test", "right password")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    for (let i = 0; i < 3; i++) expect((await tryLogin("ana@example.test", "wrong", null)).ok).toBe(false);
    expect(await tryLogin("ana@example.test", "right password", null)).toEqual({ ok: false, reason: "throttled" });
  });

  it("forgets old failures outside the window and clears them on success", async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    await db.prisma.loginFailure.createMany({ data: Array.from({ length: 3 }, () => ({ key: "email:ana@example.test", attemptedAt: old })) });
    expect((await tryLogin("ana@example.test", "wrong")).ok).toBe(false);
    expect((await tryLogin("ana@example.test", "right password")).ok).toBe(true);
    expect(await db.prisma.loginFailure.count({ where: { key: "email:ana@example.test" } })).toBe(0);
  });

  it("throttles an address spraying many accounts", async () => {
    for (let i = 0; i < 5; i++) await tryLogin(`user${i}@example.test`, "guess", "203.0.113.66");
    expect(await tryLogin("ana@example.test", "right password", "203.0.113.66")).toEqual({ ok: false, reason: "throttled" });
    expect((await tryLogin("ana@example.test", "right password", "203.0.113.67")).ok).toBe(true);
  });
});
