// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does, without
// Prisma's native engine: same `_prisma_migrations` table, same checksum (sha256 of the
// file), same advisory lock, so `prisma migrate status/deploy` elsewhere agree with us.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl } from "./connection";

// The lock id Prisma Migrate itself takes, so our runner and Prisma's never interleave.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} failed and was rolled back (nothing applied): ${detail}`);
    this.name = "MigrationError";
  }
}

export const defaultMigrationsDir = () => path.resolve(process.cwd(), "prisma/migrations");

export async function readMigrations(dir = defaultMigrationsDir()): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies pending migrations in order; returns the names applied. */
export async function migrate(url: string, dir = defaultMigrationsDir()): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const known = applied.get(m.name);
      if (known) {
        // Prisma only warns about an edited applied migration; so do we, loudly.
        if (known !== m.checksum) console.warn(`warning: applied migration ${m.name} was edited since`);
        continue;
      }
      await applyOne(client, m);
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

// One transaction per migration: a failure leaves the schema untouched. The attempt is
// still logged, as rolled back, so `prisma migrate status` shows it as not applied.
async function applyOne(client: pg.Client, m: Migration) {
  const id = randomUUID();
  const startedAt = new Date();
  try {
    await client.query("BEGIN");
    await client.query(m.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, $4, 1)`,
      [id, m.checksum, m.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, rolled_back_at, started_at)
       VALUES ($1, $2, $3, $4, now(), $5)`,
      [id, m.checksum, m.name, error instanceof Error ? error.message : String(error), startedAt],
    );
    throw new MigrationError(m.name, error);
  }
}
