// Merges one source's new bronze files into silver, in the caller's transaction:
// stage typed rows → quarantine rows breaking a row rule (with rule and reason) → keep the
// latest version of each key → mark what the change invalidates in gold → upsert, a newer
// version always winning over the stored one whatever order files arrive in.
import type pg from "pg";
import { CONTRACTS } from "../contracts";
import { sqlIdent as q, sqlLiteral } from "../sql/literal";
import { lockIfEmpty, withIndexesRebuilt } from "../sql/bulk-load";
import { buildNewDays, createDayPartitions } from "./day-partitions";
import { ROW_RULES_SQL } from "./row-rules-sql";
import { dayTableOf, type SilverSpec } from "./silver-specs";
import { summariseExpiredWebDays } from "./web-summaries";
import { stageSelectSql, type FileGroup } from "./stage-sql";

export type MergeCounts = { staged: number; quarantined: number; merged: number };
export type MergeParams = {
  timeZone: string;
  piiKey: string;
  /** Set when raw web events past this many days are not kept at all: such days, first loaded, are summarised (see web-summaries). */
  summariseWebDaysOlderThan?: number;
};

/** newDays: days of a day-partitioned source this batch builds (see planDays). */
export async function mergeSource(client: pg.PoolClient, spec: SilverSpec, groups: FileGroup[], params: MergeParams, newDays: readonly string[] = []): Promise<MergeCounts> {
  await client.query("DROP TABLE IF EXISTS stage");
  const staged = (await client.query(`CREATE TEMP TABLE stage ON COMMIT DROP AS ${stageSelectSql(spec.source, groups, params.timeZone)}`)).rowCount ?? 0;
  const quarantined = await quarantineRuleBreakers(client, spec);

  const keyCols = spec.key.map(q).join(", ");
  const projected = Object.entries(spec.columns)
    .map(([col, expr]) => `${expr.replace(/:tz\b/g, () => sqlLiteral(params.timeZone)).replace(/:pii\b/g, () => sqlLiteral(params.piiKey))} AS ${q(col)}`)
    .join(", ");
  if (spec.insertOnly) {
    // No sort: the insert ignores a key already seen, stored or earlier in the batch (rows come
    // in file and line order), so the first event received stays. Nor are the rows written a
    // second time: `latest` is a view over the stage, dropped with it at commit.
    await client.query(`CREATE TEMP VIEW latest AS SELECT ${projected} FROM stage`);
    return { staged, quarantined, merged: await insertNewRows(client, spec, newDays, params) };
  }
  const order = [...(spec.version ? [`${q(spec.version)} DESC`] : []), "src_file_id DESC", "src_line DESC"].join(", ");
  await client.query(`DROP TABLE IF EXISTS latest; CREATE TEMP TABLE latest ON COMMIT DROP AS
    SELECT DISTINCT ON (${keyCols}) * FROM (SELECT src_file_id, src_line, ${projected} FROM stage) s ORDER BY ${keyCols}, ${order}`);
  const firstLoad = await lockIfEmpty(client, spec.table);
  await markDirty(client, spec, firstLoad);
  const cols = ["src_file_id", "src_line", ...Object.keys(spec.columns)];
  const colList = cols.map(q).join(", ");
  if (firstLoad) {
    const res = await withIndexesRebuilt(client, spec.table, () => client.query(`INSERT INTO ${spec.table} (${colList}) SELECT ${colList} FROM latest`));
    return { staged, quarantined, merged: res.rowCount ?? 0 };
  }
  const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `${q(c)} = excluded.${q(c)}`).join(", ");
  const rank = (t: string) => [...(spec.version ? [`${t}.${q(spec.version)}`] : []), `${t}.src_file_id`, `${t}.src_line`].join(", ");
  const res = await client.query(
    `INSERT INTO ${spec.table} AS t (${colList}) SELECT ${colList} FROM latest
     ON CONFLICT (${keyCols}) DO UPDATE SET ${updates} WHERE (${rank("excluded")}) >= (${rank("t")})`,
  );
  return { staged, quarantined, merged: res.rowCount ?? 0 };
}

const NO_PARTITION = "23514";

// Insert-only sources (events): one pass inserts the rows whose key is new and keeps the gold
// keys they touch — a repeated event changes nothing. Day-partitioned: the batch's new days are
// built whole first (buildNewDays); a row whose partition does not exist yet fails the insert:
// the partitions are created and the insert runs again. Marks are taken after the insert: the
// two web batches run side by side, and a batch can wait on the other's rows.
async function insertNewRows(client: pg.PoolClient, spec: SilverSpec, newDays: readonly string[], params: MergeParams): Promise<number> {
  const columns = Object.keys(spec.columns);
  const cols = columns.map(q).join(", ");
  const keys = spec.dirty.map((d, i) => ({ ...d, col: `k${i}`, expr: `(${d.key ?? "'all'"})::text AS k${i}` }));
  await client.query(`DROP TABLE IF EXISTS new_keys; CREATE TEMP TABLE new_keys (${keys.map((k) => `${k.col} text`).join(", ")}) ON COMMIT DROP`);
  const days = dayTableOf(spec);
  let inserted = 0;
  let source = "latest";
  let router: string | null = null;
  if (spec.source === "web_events" && newDays.length && params.summariseWebDaysOlderThan !== undefined) {
    const summarised = await summariseExpiredWebDays(client, newDays, { retentionDays: params.summariseWebDaysOlderThan, timeZone: params.timeZone });
    source = summarised.rest;
    inserted += summarised.events;
    newDays = newDays.filter((d) => !summarised.expired.includes(d));
    // Web events' one gold key is their day.
    if (summarised.summarised.length) await client.query("INSERT INTO new_keys SELECT unnest($1::text[])", [summarised.summarised]);
  }
  if (days && newDays.length) {
    const built = await buildNewDays(client, days, newDays, source, columns, { table: "new_keys", exprs: keys.map((k) => k.expr) });
    ({ rest: source, router } = built);
    inserted += built.inserted;
  }
  const insert = async () => {
    const { rows } = await client.query<{ n: number }>(
      `WITH ins AS (INSERT INTO ${spec.table} (${cols}) SELECT ${cols} FROM ${source} ON CONFLICT (${spec.key.map(q).join(", ")}) DO NOTHING
                    RETURNING ${keys.map((k) => k.expr).join(", ")}),
            kept AS (INSERT INTO new_keys SELECT DISTINCT * FROM ins)
       SELECT count(*)::int AS n FROM ins`,
    );
    return rows[0].n;
  };
  if (!days) inserted += await insert();
  else {
    await client.query("SAVEPOINT before_insert");
    try {
      inserted += await insert();
    } catch (error) {
      if ((error as { code?: string }).code !== NO_PARTITION) throw error;
      await client.query("ROLLBACK TO SAVEPOINT before_insert");
      const { rows } = await client.query<{ d: string }>(`SELECT DISTINCT ${q(days.dayColumn)}::text AS d FROM ${source} ORDER BY 1`);
      await createDayPartitions(client, days, rows.map((r) => r.d));
      inserted += await insert();
    }
    if (router) await client.query(`DROP TABLE ${router}`);
  }
  for (const k of keys) {
    await client.query(
      `INSERT INTO gold_dirty (kind, key) SELECT DISTINCT $1, k FROM (
         SELECT ${k.col} AS k FROM new_keys UNION ALL SELECT (${k.col}::date + shift)::text FROM new_keys CROSS JOIN unnest($2::int[]) shift) x
       WHERE k IS NOT NULL ON CONFLICT DO NOTHING`,
      [k.kind, k.alsoDays ?? []],
    );
  }
  return inserted;
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
// those must not rebuild two years of gold. Into an empty table every incoming row is a change.
async function markDirty(client: pg.PoolClient, spec: SilverSpec, firstLoad: boolean) {
  const keyMatch = spec.key.map((k) => `t.${q(k)} = l.${q(k)}`).join(" AND ");
  const content = Object.keys(spec.columns).map(q);
  const unchanged = `(${content.map((c) => `t.${c}`).join(", ")}) IS NOT DISTINCT FROM (${content.map((c) => `l.${c}`).join(", ")})`;
  const changed = firstLoad ? "latest" : "changed";
  if (!firstLoad) {
    await client.query(`DROP TABLE IF EXISTS changed; CREATE TEMP TABLE changed ON COMMIT DROP AS
      SELECT l.* FROM latest l WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${keyMatch} AND ${unchanged})`);
  }
  // The marks not there yet, inserted plainly in key order: ON CONFLICT DO NOTHING took 2.5 times
  // as long for the million order marks of a first load at m. Safe because within a run (runs
  // never overlap) only this lane writes these kinds: no other transaction adds the same mark.
  for (const d of spec.dirty) {
    const keys = d.key
      ? `SELECT DISTINCT k FROM (SELECT (${d.key})::text AS k FROM ${changed}
           ${d.newRowsOnly || firstLoad ? "" : `UNION ALL SELECT (${d.key})::text FROM (SELECT t.* FROM ${spec.table} t JOIN changed l ON ${keyMatch}) replaced`}) x WHERE k IS NOT NULL`
      : `SELECT 'all' AS k WHERE EXISTS (SELECT 1 FROM ${changed})`;
    await client.query(
      `INSERT INTO gold_dirty (kind, key) SELECT $1, k FROM (${keys}) m
        WHERE NOT EXISTS (SELECT 1 FROM gold_dirty g WHERE g.kind = $1 AND g.key = m.k) ORDER BY k`,
      [d.kind],
    );
  }
}
