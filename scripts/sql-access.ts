// `npm run sql-access -- --create [--role analytics_reader] [--password P]`: creates (or
// refreshes) the read-only PostgreSQL login for analysts' tools; see README "Read-only SQL".
// Without --password a random one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDbClients } from "../lib/db/clients";
import { createSqlAccess } from "../lib/db/sql-access";

const { values } = parseArgs({ options: { create: { type: "boolean" }, role: { type: "string", default: "analytics_reader" }, password: { type: "string" } } });

async function main() {
  if (!values.create) throw new Error("usage: npm run sql-access -- --create [--role NAME] [--password P]");
  // Without DATABASE_URL: the embedded server of `npm start` (which must be running).
  const url = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54320}/ecommerce`;
  const password = values.password ?? randomBytes(18).toString("base64url");
  const db = createDbClients(url, 1);
  try {
    const { views, goldTables } = await createSqlAccess(db.pool, { role: values.role!, password });
    const target = new URL(url);
    console.log(`role ${values.role} can read ${goldTables.length} gold tables and the views ${views.join(", ")}`);
    console.log(`connect with: postgresql://${values.role}:${values.password ? "<your password>" : password}@${target.host}${target.pathname}`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
