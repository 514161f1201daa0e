import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { DEMO_PASSWORD, ensureDemoAccounts } from "./demo-accounts";
import { verifyPassword } from "./password";

describe("demo accounts", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("creates <role>@demo.local for the seven roles, once, keeping later changes", async () => {
    expect(await ensureDemoAccounts(db.prisma)).toBe(7);
    const users = await db.prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => `${u.email}=${u.role}`)).toEqual([
      "admin@demo.local=admin",
      "analyst@demo.local=analyst",
      "data_scientist@demo.local=data_scientist",
      "finance@demo.local=finance",
      "marketing@demo.local=marketing",
      "merchandising@demo.local=merchandising",
      "supply_chain@demo.local=supply_chain",
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0].passwordHash)).toBe(true);

    await db.prisma.user.update({ where: { email: "finance@demo.local" }, data: { passwordHash: "changed" } });
    expect(await ensureDemoAccounts(db.prisma)).toBe(0);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "finance@demo.local" } })).passwordHash).toBe("changed");
  });
});
