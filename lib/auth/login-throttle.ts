// Throttles sign-in per account and per client address, counting recent failures in the
// database so the limit holds across app instances and restarts.
import type { PrismaClient } from "../generated/prisma/client";

export type ThrottleLimits = { perAccount: number; perAddress: number; windowMinutes: number };

const accountKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `ip:${address}`;

export async function isThrottled(db: PrismaClient, email: string, address: string | null, limits: ThrottleLimits) {
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const [account, fromAddress] = await Promise.all([
    db.loginFailure.count({ where: { key: accountKey(email), attemptedAt: { gte: since } } }),
    address ? db.loginFailure.count({ where: { key: addressKey(address), attemptedAt: { gte: since } } }) : 0,
  ]);
  return account >= limits.perAccount || fromAddress >= limits.perAddress;
}

export async function recordFailure(db: PrismaClient, email: string, address: string | null) {
  const keys = [accountKey(email), ...(address ? [addressKey(address)] : [])];
  await db.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
}

export async function clearFailures(db: PrismaClient, email: string) {
  await db.loginFailure.deleteMany({ where: { key: accountKey(email) } });
}
