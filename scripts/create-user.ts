// `npm run user:create -- --email E --name N --role R [--password P]`: creates an account from
// the command line, e.g. the first admin of a production install. Without --password a random
// one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDbClients } from "../lib/db/clients";
import { hashPassword } from "../lib/auth/password";
import { createUserInput } from "../lib/users/schemas";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" }, password: { type: "string" } },
});

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database of the install.");
  const password = values.password ?? randomBytes(12).toString("base64url");
  const input = createUserInput.parse({ ...values, password });
  const db = createDbClients(url, 1);
  try {
    await db.prisma.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) } });
    await db.prisma.auditLog.create({ data: { action: "user.created", target: input.email, details: { role: input.role, via: "cli" } } });
  } finally {
    await db.close();
  }
  console.log(`created ${input.role} ${input.email}${values.password ? "" : ` with password: ${password}`}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
