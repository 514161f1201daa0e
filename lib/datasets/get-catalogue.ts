// The data catalogue: every dataset with its columns, row count, freshness and quality status.
// Row counts are exact under a million rows, else PostgreSQL's estimate (flagged), so the page
// stays instant on large tables.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { can } from "../auth/permissions";
import { getFreshness } from "../data/get-freshness";
import { visibleColumns } from "./dataset-sql";
import type { Dataset } from "./dataset-types";
import { DATASETS } from "./registry";

const EXACT_BELOW = 1_000_000;

export type QualityStatus = "passed" | "warning" | "failed" | "unknown";

export async function getCatalogue(pool: pg.Pool, actor: CurrentUser, only?: Dataset[]) {
  assertCan(actor, "datasets:read");
  const pii = can(actor.role, "pii:read");
  const freshness = await getFreshness(pool);
  const quality = freshness.lastRun
    ? (await pool.query<{ rule_id: string; severity: string; passed: boolean }>("SELECT rule_id, severity, passed FROM quality_result WHERE run_id = $1", [freshness.lastRun.id])).rows
    : [];
  return Promise.all(
    (only ?? DATASETS).map(async (ds) => {
      const rules = quality.filter((q) => ds.sources.includes(q.rule_id.split(".")[0]));
      const failed = rules.filter((r) => !r.passed);
      const status: QualityStatus = !freshness.lastRun ? "unknown" : failed.some((r) => r.severity === "error") ? "failed" : failed.length ? "warning" : "passed";
      const [rows, upTo] = await Promise.all([rowCount(pool, ds.baseTable), ds.dateExpr ? pool.query<{ d: string | null }>(`SELECT max(${ds.dateExpr})::text AS d FROM ${ds.from}`) : null]);
      return {
        id: ds.id,
        layer: ds.layer,
        title: ds.title,
        description: ds.description,
        dateFilter: ds.dateExpr !== null,
        columns: visibleColumns(ds, pii).map((c) => ({ name: c.name, type: c.type, description: c.description, pii: c.pii ?? false })),
        rowCount: rows.count,
        rowCountEstimated: rows.estimated,
        dataUpTo: upTo?.rows[0].d ?? null,
        refreshedAt: freshness.lastRun?.finishedAt?.toISOString() ?? null,
        quality: { status, rulesChecked: rules.length, rulesFailed: failed.map((r) => r.rule_id) },
      };
    }),
  );
}
export type CatalogueEntry = Awaited<ReturnType<typeof getCatalogue>>[number];

async function rowCount(pool: pg.Pool, table: string): Promise<{ count: number; estimated: boolean }> {
  const estimate = Number((await pool.query<{ n: number }>("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass", [table])).rows[0].n);
  if (estimate >= EXACT_BELOW) return { count: Math.round(estimate), estimated: true };
  return { count: Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n), estimated: false };
}
