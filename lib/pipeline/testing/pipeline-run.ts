// Helpers for pipeline database tests: a temporary drop folder, files dropped with `.done`
// markers, a pipeline run with test defaults, and checksums of the gold tables.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { CurrentUser } from "../../auth/current-user";
import { runPipeline, type PipelineOptions } from "../run-pipeline";
import type { FixtureFile } from "./fixture";

export const PII_KEY = "fixture-pii-key-0123456789";
export const TIME_ZONE = "Europe/Paris";
export const ADMIN = { id: "00000000-0000-4000-8000-000000000001", email: "admin@example.fr", name: "Admin", role: "admin", locale: "fr" } as CurrentUser;

export async function newInbox(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "pipeline-inbox-"));
}

/** Writes files as INBOX/<source>/<name> with a `<name>.done` marker beside each. */
export async function dropFiles(inbox: string, files: readonly FixtureFile[]): Promise<void> {
  for (const f of files) {
    await mkdir(path.join(inbox, f.source), { recursive: true });
    const file = path.join(inbox, f.source, f.name);
    await writeFile(file, f.content);
    await writeFile(`${file}.done`, "");
  }
}

/** Drops `files` then runs the whole pipeline over the inbox. */
export async function runWith(pool: pg.Pool, inbox: string, files: readonly FixtureFile[], over: Partial<PipelineOptions> = {}) {
  await dropFiles(inbox, files);
  return runPipeline(pool, { trigger: "cli", inboxDir: inbox, timeZone: TIME_ZONE, piiKey: PII_KEY, stableSeconds: 0, webRetentionDays: 100_000, ...over });
}

export const GOLD_TABLES = [
  "gold_sales_daily",
  "gold_product_daily",
  "gold_refunds_daily",
  "gold_promo_orders_daily",
  "gold_stock_daily",
  "gold_web_daily",
  "gold_customer_value",
] as const;

/** md5 of each gold table's rows (as text, sorted); `where` filters rows (e.g. by day). */
export async function goldChecksums(pool: pg.Pool, where: Partial<Record<(typeof GOLD_TABLES)[number], string>> = {}): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const table of GOLD_TABLES) {
    const filter = where[table] ? `WHERE ${where[table]}` : "";
    const { rows } = await pool.query<{ sum: string | null; n: number }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum, count(*)::int AS n FROM ${table} t ${filter}`);
    out[table] = rows[0].sum && `${rows[0].n}:${rows[0].sum}`;
  }
  return out;
}
