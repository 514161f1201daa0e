// Demo mode: one account per role, <role>@demo.local / demo1234. Never created against a
// configured DATABASE_URL unless `--demo` is passed.
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { hashPassword } from "./password";
import { ROLES } from "./permissions";

export const DEMO_PASSWORD = "demo1234";

const DEMO_NAMES: Record<Role, string> = {
  admin: "Alice Admin",
  finance: "Fabien Finance",
  marketing: "Maud Marketing",
  supply_chain: "Sacha Supply",
  merchandising: "Mehdi Merch",
  analyst: "Anaïs Analyst",
  data_scientist: "Dora Data",
};

export const demoAccounts = () => ROLES.map((role) => ({ role, email: `${role}@demo.local`, name: DEMO_NAMES[role] }));

/** Creates the missing demo accounts; existing ones (and any password change) are kept. */
export async function ensureDemoAccounts(db: PrismaClient): Promise<number> {
  const existing = new Set((await db.user.findMany({ select: { email: true } })).map((u) => u.email));
  const missing = demoAccounts().filter((a) => !existing.has(a.email));
  if (!missing.length) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.createMany({ data: missing.map((a) => ({ ...a, passwordHash })), skipDuplicates: true });
  return missing.length;
}
