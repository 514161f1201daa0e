// A read-only PostgreSQL login for analysts' own tools (Metabase, Superset, Excel, notebooks):
// it reads the gold tables and the `analytics` schema, whose views are the published datasets
// without clear personal data; nothing else (no bronze, no customer_pii, no silver tables), and
// it can write nothing. Re-running refreshes the views and the grants (new gold tables included).
import type pg from "pg";
import { datasetSql } from "../datasets/dataset-sql";
import { DATASETS } from "../datasets/registry";

export const ANALYTICS_SCHEMA = "analytics";
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export async function createSqlAccess(pool: pg.Pool, opts: { role: string; password: string }): Promise<{ views: string[]; goldTables: string[] }> {
  if (!IDENT.test(opts.role)) throw new Error("role: lower-case letters, digits and _ only");
  const role = `"${opts.role}"`;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [opts.role])).rowCount;
    const password = client.escapeLiteral(opts.password);
    await client.query(`${exists ? "ALTER" : "CREATE"} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${password}`);
    // Belt and braces: every transaction of this role is read-only even if a grant slipped.
    await client.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ANALYTICS_SCHEMA}`);
    const views: string[] = [];
    for (const ds of DATASETS) {
      const { text } = datasetSql(ds, { encoding: "view", pii: false, range: null });
      await client.query(`DROP VIEW IF EXISTS ${ANALYTICS_SCHEMA}.${ds.id}`);
      await client.query(`CREATE VIEW ${ANALYTICS_SCHEMA}.${ds.id} AS ${text}`);
      await client.query(`COMMENT ON VIEW ${ANALYTICS_SCHEMA}.${ds.id} IS ${client.escapeLiteral(ds.description.en)}`);
      views.push(`${ANALYTICS_SCHEMA}.${ds.id}`);
    }
    const goldTables = (await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'gold\\_%' ORDER BY 1")).rows.map((r) => r.t);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public, ${ANALYTICS_SCHEMA} TO ${role}`);
    for (const t of goldTables) await client.query(`GRANT SELECT ON public."${t}" TO ${role}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${ANALYTICS_SCHEMA} TO ${role}`);
    await client.query("COMMIT");
    return { views, goldTables };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
