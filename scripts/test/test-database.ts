// A throwaway database for one test file: created empty, migrated, dropped afterwards.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDbClients, type DbClients } from "../../lib/db/clients";
import { withDatabase } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";

export type TestDatabase = DbClients & { url: string; drop: () => Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  if (options.migrate !== false) await migrate(url, path.resolve(import.meta.dirname, "../../prisma/migrations"));
  const clients = createDbClients(url, 4);
  return {
    ...clients,
    url,
    drop: async () => {
      await clients.close();
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
