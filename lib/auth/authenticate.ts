// Checks an email + password: throttled, constant-time, one generic failure for any reason.
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { clearFailures, isThrottled, recordFailure, type ThrottleLimits } from "./login-throttle";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; locale: string };
export type AuthResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled" };

export async function authenticate(
  db: PrismaClient,
  input: { email: string; password: string; address: string | null },
  limits: ThrottleLimits,
): Promise<AuthResult> {
  const email = input.email.trim().toLowerCase();
  if (await isThrottled(db, email, input.address, limits)) return { ok: false, reason: "throttled" };
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !valid || !user.active) {
    await recordFailure(db, email, input.address);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, email);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } };
}
