import type { PrismaClient } from "../generated/prisma/client";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { ROLES } from "../auth/permissions";

/** Active accounts per role, every role listed (zero included). */
export async function countActiveUsersByRole(db: PrismaClient, actor: CurrentUser) {
  assertCan(actor, "admin:view");
  const groups = await db.user.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } });
  const byRole = new Map(groups.map((g) => [g.role, g._count._all]));
  return ROLES.map((role) => ({ role, count: byRole.get(role) ?? 0 }));
}
