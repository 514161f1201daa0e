// Merges one source's new bronze files into silver, in the caller's transaction:
// stage typed rows → quarantine rows breaking a row rule (with rule and reason) → keep the
// latest version of each key → mark what the change invalidates in gold → upsert, a newer
// version always winning over the stored one whatever order files arrive in.
import type pg from "pg";
import { CONTRACTS } from "../contracts";
import { sqlLiteral } from "../sql/literal";
import { ROW_RULES_SQL } from "./row-rules-sql";
import type { SilverSpec } from "./silver-specs";
import { stageSelectSql, type FileGroup } from "./stage-sql";

export type MergeCounts = { staged: number; quarantined: number; merged: number };
export type MergeParams = { timeZone: string; piiKey: string };

const q = (name: string) => `"${name}"`;

export async function mergeSource(
  client: pg.PoolClient,
  spec: SilverSpec,
  groups: FileGroup[],
  params: MergeParams,
  beforeInsert?: (client: pg.PoolClient) => Promise<void>,
): Promise<MergeCounts> {
  await client.query("DROP TABLE IF EXISTS stage");
  const staged = (await client.query(`CREATE TEMP TABLE stage ON COMMIT DROP AS ${stageSelectSql(spec.source, groups, params.timeZone)}`)).rowCount ?? 0;
  const quarantined = await quarantineRuleBreakers(client, spec);

  const keyCols = spec.key.map(q).join(", ");
  const projected = Object.entries(spec.columns)
    .map(([col, expr]) => `${expr.replace(/:tz\b/g, () => sqlLiteral(params.timeZone)).replace(/:pii\b/g, () => sqlLiteral(params.piiKey))} AS ${q(col)}`)
    .join(", ");
  const order = [...(spec.version ? [`${q(spec.version)} DESC`] : []), "src_file_id DESC", "src_line DESC"].join(", ");
  // Insert-only sources skip the sort: the insert below ignores a key already seen, stored or
  // earlier in the batch (rows come in file and line order), so the first event received stays.
  const latest = spec.insertOnly
    ? `SELECT src_file_id, src_line, ${projected} FROM stage`
    : `SELECT DISTINCT ON (${keyCols}) * FROM (SELECT src_file_id, src_line, ${projected} FROM stage) s ORDER BY ${keyCols}, ${order}`;
  await client.query(`DROP TABLE IF EXISTS latest; CREATE TEMP TABLE latest ON COMMIT DROP AS ${latest}`);
  // Insert-only sources mark after their insert: the two web batches run side by side, and the
  // second waits at its first new partition (which locks the parent) until the first commits —
  // marks taken before that wait could deadlock with the first batch's marks of shared days.
  if (!spec.insertOnly) await markDirty(client, spec);
  await beforeInsert?.(client);

  const lineage = spec.insertOnly ? [] : ["src_file_id", "src_line"];
  const cols = [...lineage, ...Object.keys(spec.columns)];
  const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `${q(c)} = excluded.${q(c)}`).join(", ");
  const rank = (t: string) => [...(spec.version ? [`${t}.${q(spec.version)}`] : []), `${t}.src_file_id`, `${t}.src_line`].join(", ");
  const conflict = spec.insertOnly ? "DO NOTHING" : `DO UPDATE SET ${updates} WHERE (${rank("excluded")}) >= (${rank("t")})`;
  const res = await client.query(`INSERT INTO ${spec.table} AS t (${cols.map(q).join(", ")}) SELECT ${cols.map(q).join(", ")} FROM latest ON CONFLICT (${keyCols}) ${conflict}`);
  if (spec.insertOnly) await markDirty(client, spec);
  return { staged, quarantined, merged: res.rowCount ?? 0 };
}

// A row breaking several rules is quarantined under the first one, in two passes over the stage
// whatever the number of rules (web events are millions of rows).
async function quarantineRuleBreakers(client: pg.PoolClient, spec: SilverSpec): Promise<number> {
  const rules = CONTRACTS[spec.source].def.rules.filter((r) => r.scope === "row" && r.severity === "error");
  if (!rules.length) return 0;
  const broken = (id: string) => `NOT coalesce((${ROW_RULES_SQL[id]}), true)`;
  const firstBroken = `CASE ${rules.map((r, i) => `WHEN ${broken(r.id)} THEN ${i + 1}`).join(" ")} END`;
  const res = await client.query(
    `INSERT INTO ingest_reject (file_id, line_no, rule, reason)
     SELECT src_file_id, src_line, (($1::text[])[n]), (($2::text[])[n]) FROM (SELECT src_file_id, src_line, ${firstBroken} AS n FROM stage) s WHERE n IS NOT NULL`,
    [rules.map((r) => r.id), rules.map((r) => r.description)],
  );
  if (res.rowCount) await client.query(`DELETE FROM stage WHERE ${rules.map((r) => broken(r.id)).join(" OR ")}`);
  return res.rowCount ?? 0;
}

// The incoming rows and the stored rows they replace both invalidate gold (an order can move day),
// unless a row comes again unchanged — dimensions often arrive as full daily snapshots, and
// those must not rebuild two years of gold. Insert-only sources replace nothing (a repeated
// event is ignored), so only their new rows count.
async function markDirty(client: pg.PoolClient, spec: SilverSpec) {
  const keyMatch = spec.key.map((k) => `t.${q(k)} = l.${q(k)}`).join(" AND ");
  const content = Object.keys(spec.columns).map(q);
  const unchanged = `(${content.map((c) => `t.${c}`).join(", ")}) IS NOT DISTINCT FROM (${content.map((c) => `l.${c}`).join(", ")})`;
  const changes = spec.insertOnly ? "latest" : "changed";
  if (!spec.insertOnly) {
    await client.query(`DROP TABLE IF EXISTS changed; CREATE TEMP TABLE changed ON COMMIT DROP AS
      SELECT l.* FROM latest l WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${keyMatch} AND ${unchanged})`);
  }
  for (const d of spec.dirty) {
    const sql = d.key
      ? `SELECT DISTINCT $1, k FROM (SELECT (${d.key})::text AS k FROM ${changes}
           ${d.newRowsOnly || spec.insertOnly ? "" : `UNION ALL SELECT (${d.key})::text FROM (SELECT t.* FROM ${spec.table} t JOIN changed l ON ${keyMatch}) replaced`}) x WHERE k IS NOT NULL`
      : `SELECT $1, 'all' WHERE EXISTS (SELECT 1 FROM ${changes})`;
    await client.query(`INSERT INTO gold_dirty (kind, key) ${sql} ON CONFLICT DO NOTHING`, [d.kind]);
  }
}
