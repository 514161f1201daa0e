// The migrations must build exactly the schema that prisma/schema.prisma describes, and
// Prisma's own CLI must agree that our runner applied them all.
// How: database A is built by our runner from prisma/migrations; database B from the SQL that
// Prisma derives from schema.prisma alone (`migrate diff --from-empty --to-schema`); their
// catalogs (columns, types, defaults, indexes, constraints, enums) must be identical.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

function prisma(args: string[], databaseUrl: string) {
  return run(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/prisma-engine/schema-engine.mjs"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}

// Daily partitions (of silver_web_events) are data, created by the pipeline, not schema.
const PARTITIONS = "SELECT relname FROM pg_class WHERE relispartition";

async function describeSchema(pool: pg.Pool): Promise<string[]> {
  const queries = [
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable
            || ' default=' || coalesce(column_default, '') || ' len=' || coalesce(character_maximum_length::text, '')
            || ' num=' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
            || ' dt=' || coalesce(datetime_precision::text, '') AS line
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        AND table_name NOT IN (${PARTITIONS})`,
    // Partitioning is the one intended difference (Prisma cannot declare it): "ON ONLY".
    `SELECT 'index ' || replace(indexdef, ' ON ONLY ', ' ON ') FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        AND tablename NOT IN (${PARTITIONS})`,
    `SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> '_prisma_migrations'::regclass
        AND NOT conrelid::regclass::text IN (${PARTITIONS})`,
    `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  ];
  const lines: string[] = [];
  for (const sql of queries) lines.push(...(await pool.query(sql)).rows.map((r) => Object.values(r)[0] as string));
  return lines.sort();
}

describe("schema drift", () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;
  beforeAll(async () => {
    migrated = await createTestDatabase();
    fromSchema = await createTestDatabase({ migrate: false });
    const { stdout } = await prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"], fromSchema.url);
    await fromSchema.pool.query(stdout);
    // Prisma Migrate creates its table too; keep the comparison about the app's tables.
    await fromSchema.pool.query(`CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY)`);
  }, 90_000);
  afterAll(async () => {
    await migrated.drop();
    await fromSchema.drop();
  });

  it("the migrations produce exactly what schema.prisma describes", async () => {
    const expected = await describeSchema(fromSchema.pool);
    expect(expected.some((l) => l.startsWith("column app_user.email "))).toBe(true);
    expect(await describeSchema(migrated.pool)).toEqual(expected);
  });

  it("notices a difference (so the check can fail)", async () => {
    await migrated.pool.query(`ALTER TABLE app_user ADD COLUMN drifted integer`);
    expect(await describeSchema(migrated.pool)).not.toEqual(await describeSchema(fromSchema.pool));
    await migrated.pool.query(`ALTER TABLE app_user DROP COLUMN drifted`);
  });

  it("prisma migrate status agrees that every migration is applied", async () => {
    const { stdout } = await prisma(["migrate", "status"], migrated.url);
    expect(stdout).toContain("Database schema is up to date");
  }, 60_000);
});
