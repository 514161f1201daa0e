// User management for admins: list, create, change role, (de)activate. Every change is audited.
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { hashPassword } from "../auth/password";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

export class UserError extends Error {
  constructor(
    readonly code: "email_taken" | "not_found" | "last_admin" | "self_lockout",
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  locale: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

export async function listUsers(db: PrismaClient, actor: CurrentUser) {
  assertCan(actor, "users:manage");
  return db.user.findMany({ select: publicFields, orderBy: [{ active: "desc" }, { email: "asc" }] });
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function createUser(db: PrismaClient, actor: CurrentUser, input: CreateUserInput) {
  assertCan(actor, "users:manage");
  if (await db.user.findUnique({ where: { email: input.email } })) {
    throw new UserError("email_taken", `A user with the email ${input.email} already exists.`);
  }
  const user = await db.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: publicFields,
  });
  await db.auditLog.create({
    data: { actorId: actor.id, action: "user.created", target: user.id, details: { email: user.email, role: user.role } },
  });
  return user;
}

export async function updateUser(db: PrismaClient, actor: CurrentUser, id: string, input: UpdateUserInput) {
  assertCan(actor, "users:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new UserError("not_found", "No such user.");
    if (id === actor.id && (input.active === false || (input.role && input.role !== "admin"))) {
      throw new UserError("self_lockout", "You cannot deactivate yourself or remove your own admin role.");
    }
    const losesAdmin = before.role === "admin" && before.active && (input.active === false || (input.role && input.role !== "admin"));
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", active: true } })) <= 1) {
      throw new UserError("last_admin", "The last active admin cannot be demoted or deactivated.");
    }
    const user = await tx.user.update({ where: { id }, data: input, select: publicFields });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "user.updated",
        target: id,
        details: { before: { role: before.role, active: before.active, name: before.name }, after: input },
      },
    });
    return user;
  });
}

export async function setOwnLocale(db: PrismaClient, actor: CurrentUser, locale: "fr" | "en") {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
