// The app's one Prisma client and raw pg pool (for the pipeline's COPY and set-based SQL).
// Server-only: importing it from a client component fails the build.
import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { createDbClients, type DbClients } from "./db/clients";

const globalForDb = globalThis as unknown as { __db?: DbClients };

function clients(): DbClients {
  globalForDb.__db ??= createDbClients(env().DATABASE_URL, env().DB_POOL_MAX);
  return globalForDb.__db;
}

/** Prisma client, created on first use so `next build` never needs a database. */
export const db = new Proxy({} as PrismaClient, {
  get: (_target, prop) => Reflect.get(clients().prisma, prop),
});

export const pool = () => clients().pool;
