import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { migrate, MigrationError } from "./migrate";

const repoMigrations = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe("migration runner", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it("applies every migration once and records it as Prisma Migrate does", async () => {
    const applied = await migrate(db.url, repoMigrations);
    expect(applied.length).toBeGreaterThan(0);
    const { rows } = await db.pool.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      const sql = await readFile(path.join(repoMigrations, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrate(db.url, repoMigrations)).toEqual([]);
  });

  it("rolls a failing migration back whole and does not mark it applied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    };
    await write("20990101000000_good", `CREATE TABLE "good_one" (id int);`);
    await write("20990102000000_bad", `CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;`);

    const error = await migrate(db.url, dir).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain("20990102000000_bad");
    expect(error.message).toContain('relation "no_such_table" does not exist');

    const tables = await db.pool.query(`SELECT to_regclass('good_one') AS good, to_regclass('half_done') AS half`);
    expect(tables.rows[0]).toEqual({ good: "good_one", half: null });
    const { rows } = await db.pool.query(
      `SELECT finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '20990102000000_bad'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).toBeNull();
    expect(rows[0].rolled_back_at).toBeInstanceOf(Date);
    expect(rows[0].logs).toContain("no_such_table");

    // Fixed, it applies on the next start.
    await writeFile(path.join(dir, "20990102000000_bad", "migration.sql"), `CREATE TABLE "half_done" (id int);`);
    expect(await migrate(db.url, dir)).toEqual(["20990102000000_bad"]);
  });
});
