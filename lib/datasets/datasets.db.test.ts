// Dataset exports on the hand-made fixture: every dataset's Parquet file, read back by an
// independent reader (DuckDB), equals the database value for value; CSV cells are safe in a
// spreadsheet; clear personal data needs pii:read; hand-computed customer features.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { ForbiddenError } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { allFixtureFiles } from "../pipeline/testing/fixture";
import { ADMIN, newInbox, runWith } from "../pipeline/testing/pipeline-run";
import { datasetSql } from "./dataset-sql";
import type { Dataset } from "./dataset-types";
import { exportDataset } from "./export-dataset";
import { DATASETS, getDataset } from "./registry";

const ANALYST = { ...ADMIN, id: "00000000-0000-4000-8000-000000000002", role: "analyst" } as CurrentUser;
const all = { format: "csv" as const, range: null, pii: false };

describe("dataset exports", () => {
  let db: TestDatabase;
  let dir: string;
  const csv = async (id: string, q = {}, actor = ADMIN) => parse(await buffer((await exportDataset(db.pool, actor, getDataset(id)!, { ...all, ...q })).body), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "datasets-"));
    // The admin exists: clear-data exports are written to the audit log under their id.
    await db.pool.query("INSERT INTO app_user (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Admin', 'admin', 'x', now())", [ADMIN.id, ADMIN.email]);
    expect((await runWith(db.pool, await newInbox(), allFixtureFiles())).status).toBe("SUCCESS");
  }, 120_000);
  afterAll(() => db.drop());

  // DuckDB renders every cell as text in the same canonical form PostgreSQL is asked for below.
  const duck = async (file: string, ds: Dataset, pii: boolean) => {
    const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false" });
    const conn = await instance.connect();
    const cols = ds.columns.filter((c) => pii || !c.pii);
    const select = cols.map((c) => (c.type === "timestamp" ? `epoch_ms("${c.name}")::VARCHAR` : c.type === "boolean" ? `lower("${c.name}"::VARCHAR)` : `"${c.name}"::VARCHAR`)).join(", ");
    const reader = await conn.runAndReadAll(`SELECT ${select} FROM read_parquet('${file}')`);
    const rows = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
    conn.closeSync();
    return rows;
  };
  const fromDb = async (ds: Dataset, pii: boolean) => {
    const { text, values, columns } = datasetSql(ds, { encoding: "view", pii, range: null });
    const select = columns.map((c) => (c.type === "timestamp" ? `round(extract(epoch FROM "${c.name}") * 1000)::bigint::text` : `"${c.name}"::text`)).join(", ");
    return (await db.pool.query({ text: `SELECT ${select} FROM (${text}) d`, values, rowMode: "array" })).rows;
  };

  for (const ds of DATASETS) {
    it(`${ds.id}: the Parquet file read by DuckDB equals the database`, async () => {
      const pii = ds.columns.some((c) => c.pii);
      const file = path.join(dir, `${ds.id}.parquet`);
      await writeFile(file, await buffer((await exportDataset(db.pool, ADMIN, ds, { format: "parquet", range: null, pii })).body));
      const expected = await fromDb(ds, pii);
      expect(expected.length).toBeGreaterThan(0);
      expect(await duck(file, ds, pii)).toEqual(expected);
    });
  }

  it("order lines: hand-computed net amounts, and the date range filters on the order day", async () => {
    const rows = await csv("order_lines", { range: { from: "2026-10-01", to: "2026-10-01" } });
    expect(new Set(rows.map((r) => r.order_date))).toEqual(new Set(["2026-10-01"]));
    const ord3 = rows.filter((r) => r.order_id === "ORD-00000003").map((r) => [r.line_no, r.net_amount]);
    expect(ord3).toEqual([["1", "36.00"], ["2", "40.00"]]);
  });

  it("customer features: recency, frequency, monetary, tenure and returns by hand", async () => {
    const rows = new Map((await csv("customer_features")).map((r) => [r.customer_id, r]));
    expect(rows.get("C0000001")).toMatchObject({ frequency: "2", monetary: "160.00",  as_of: "2026-10-03", first_order_date: "2026-10-01", last_order_date: "2026-10-02", recency_days: "1", tenure_days: "2", returns: "0", last_segment: "" });
    expect(rows.get("C0000003")).toMatchObject({ monetary: "76.00", frequency: "1", returns: "1", units_returned: "1", refunds: "20.00", clv: "56.00" });
  });

  it("CSV neutralises text cells a spreadsheet would run as formulas, not negative numbers", async () => {
    await db.pool.query("UPDATE silver_products SET name = '=HYPERLINK(\"x\")', brand = '@SUM(1)' WHERE sku = 'SKU-00001'");
    await db.pool.query("UPDATE silver_products SET name = '-2+3', unit_cost = -1.50 WHERE sku = 'SKU-00002'");
    const rows = new Map((await csv("products")).map((r) => [r.sku, r]));
    expect(rows.get("SKU-00001")).toMatchObject({ name: `'=HYPERLINK("x")`, brand: "'@SUM(1)" });
    expect(rows.get("SKU-00002")).toMatchObject({ name: "'-2+3", unit_cost: "-1.50" });
  });

  it("clear personal data only when asked and allowed", async () => {
    const pseudonymised = await csv("customers");
    expect(Object.keys(pseudonymised[0])).not.toContain("email");
    expect(JSON.stringify(pseudonymised)).not.toContain("helene.martin@example.fr");
    const clear = await csv("customers", { pii: true });
    expect(clear.map((r) => r.email)).toContain("helene.martin@example.fr");
    await expect(exportDataset(db.pool, ANALYST, getDataset("customers")!, { ...all, pii: true })).rejects.toThrow(ForbiddenError);
    const audit = await db.pool.query("SELECT DISTINCT target FROM audit_log WHERE action = 'dataset.export_pii'");
    expect(audit.rows).toEqual([{ target: "customers" }]);
  });
});
