// Builds a Prisma client and a pg pool for one database. The app's singleton lives in
// lib/db.ts; scripts and tests call this directly with their own URL.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { pgConfigFromUrl } from "./connection";
import { createPool } from "./pool";

export type DbClients = { prisma: PrismaClient; pool: pg.Pool; close: () => Promise<void> };

export function createDbClients(url: string, max = 10): DbClients {
  const config = { ...pgConfigFromUrl(url), max };
  const pool = createPool(config);
  const prisma = new PrismaClient({ adapter: new PrismaPg(config) });
  return {
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
