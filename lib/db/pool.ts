// pg pools that survive a lost connection: a connection the server drops (restart, failover,
// pg_terminate_backend) emits 'error' on its client; with no listener that would kill the
// process. The query in flight still fails and is handled by its caller; pg-pool discards the
// broken connection instead of lending it again.
import pg from "pg";

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  pool.on("connect", (client) => client.on("error", (error) => console.error(`[db] connection lost: ${error.message}`)));
  return pool;
}
