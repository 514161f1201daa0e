// Command-line tools use DATABASE_URL, or else the embedded database that `npm start` keeps in
// .data/postgres (started for the duration of the command if it is not running).
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

export async function withLocalDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/ecommerce`;
  if (await reachable(url)) return work(url);
  const server = await startEmbeddedPostgres({ dir: path.resolve(import.meta.dirname, "../../.data/postgres"), port, persistent: true });
  try {
    await ensureDatabase(server.url("postgres"), "ecommerce");
    return await work(url);
  } finally {
    await server.stop();
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
