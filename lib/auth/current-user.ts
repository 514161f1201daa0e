// Who is asking, re-read from the database on every request so that a role change or a
// deactivation takes effect at once rather than when the session expires.
import type { PrismaClient } from "../generated/prisma/client";
import type { Role, Locale } from "../generated/prisma/enums";

export type CurrentUser = { id: string; email: string; name: string; role: Role; locale: Locale };

export async function loadActiveUser(db: PrismaClient, id: unknown): Promise<CurrentUser | null> {
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, active: true },
  });
  if (!user?.active) return null;
  const { active: _active, ...rest } = user;
  return rest;
}
