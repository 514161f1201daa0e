import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { ForbiddenError } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { verifyPassword } from "../auth/password";
import { countActiveUsersByRole } from "./count-active-users-by-role";
import { createUser, listUsers, updateUser, UserError } from "./manage-users";

describe("user management", () => {
  let db: TestDatabase;
  let admin: CurrentUser;
  const finance: CurrentUser = { id: "00000000-0000-4000-8000-000000000001", email: "f@example.test", name: "F", role: "finance", locale: "fr" };

  beforeAll(async () => {
    db = await createTestDatabase();
    const row = await db.prisma.user.create({
      data: { email: "root@example.test", name: "Root", role: "admin", passwordHash: "x" },
    });
    admin = { id: row.id, email: row.email, name: row.name, role: "admin", locale: "fr" };
  });
  afterAll(() => db.drop());

  it("creates a user with a hashed password and audits it", async () => {
    const user = await createUser(db.prisma, admin, { email: "new@example.test", name: "New", role: "marketing", password: "long password" });
    expect(user).toMatchObject({ email: "new@example.test", role: "marketing", active: true });
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("long password", stored.passwordHash)).toBe(true);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.created", target: user.id } });
    expect(audit.actorId).toBe(admin.id);
    await expect(createUser(db.prisma, admin, { email: "new@example.test", name: "Dup", role: "finance", password: "long password" })).rejects.toMatchObject({
      code: "email_taken",
    });
  });

  it("refuses every operation to a non-admin", async () => {
    await expect(listUsers(db.prisma, finance)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUser(db.prisma, finance, { email: "x@example.test", name: "X", role: "admin", password: "long password" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updateUser(db.prisma, finance, admin.id, { active: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countActiveUsersByRole(db.prisma, finance)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes a role and deactivates, recording before and after", async () => {
    const target = await db.prisma.user.findUniqueOrThrow({ where: { email: "new@example.test" } });
    await updateUser(db.prisma, admin, target.id, { role: "supply_chain" });
    const updated = await updateUser(db.prisma, admin, target.id, { active: false });
    expect(updated).toMatchObject({ role: "supply_chain", active: false });
    const audits = await db.prisma.auditLog.findMany({ where: { action: "user.updated", target: target.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([
      { before: { role: "marketing", active: true, name: "New" }, after: { role: "supply_chain" } },
      { before: { role: "supply_chain", active: true, name: "New" }, after: { active: false } },
    ]);
  });

  it("never leaves the platform without an active admin, nor lets admins lock themselves out", async () => {
    await expect(updateUser(db.prisma, admin, admin.id, { active: false })).rejects.toMatchObject({ code: "self_lockout" });
    const other = await createUser(db.prisma, admin, { email: "second@example.test", name: "Second", role: "admin", password: "long password" });
    await updateUser(db.prisma, admin, other.id, { role: "analyst" });
    await db.prisma.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    const error = await updateUser(db.prisma, { ...admin, id: other.id }, admin.id, { active: false }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe("last_admin");
    await expect(updateUser(db.prisma, admin, "00000000-0000-4000-8000-00000000ffff", { active: false })).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts active users per role, zeros included", async () => {
    const counts = Object.fromEntries((await countActiveUsersByRole(db.prisma, admin)).map((c) => [c.role, c.count]));
    expect(counts).toEqual({ admin: 1, finance: 0, marketing: 0, supply_chain: 0, merchandising: 0, analyst: 1, data_scientist: 0 });
  });
});
