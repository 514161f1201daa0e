// --dirty: every planted defect must be caught by contract validation or a simple check,
// and removing the planted lines must give back exactly the clean files.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CONTRACTS, type SourceName } from "../pipeline/contracts";
import { generate } from "./generate";
import type { GroundTruthManifest } from "./manifest";
import { csvFilesOf, listFiles, readCsv } from "./test-support";

const OPTIONS = { from: "2025-05-01", to: "2025-06-09", scale: "s", seed: 11 } as const;
const root = mkdtempSync(path.join(os.tmpdir(), "generator-dirty-"));
const clean = path.join(root, "clean");
const dirty = path.join(root, "dirty");
let manifest: GroundTruthManifest;

beforeAll(async () => {
  await generate({ ...OPTIONS, outDir: clean });
  manifest = await generate({ ...OPTIONS, outDir: dirty, dirty: true });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** "file:line" of every line flagged by validation, duplicate keys, unknown skus or returns before their order. */
function flaggedLines(dir: string): Set<string> {
  const flagged = new Set<string>();
  const skus = new Set<string>();
  const orderedAt = new Map<string, number>();
  const parsed = new Map<string, ReturnType<typeof readCsv>>();
  for (const source of ["products", "orders", "order_lines", "returns", "payments", "customers"] as SourceName[]) {
    for (const file of csvFilesOf(dir, source)) {
      const csv = readCsv(path.join(dir, file));
      parsed.set(file, csv);
      csv.rejected.forEach((r) => flagged.add(`${file}:${r.line}`));
      const seen = new Set<string>();
      for (const { raw, line } of csv.rows) {
        const key = CONTRACTS[source].def.key.map((k) => raw[k]).join("|");
        if (!CONTRACTS[source].validateRow(raw).ok || seen.has(key)) flagged.add(`${file}:${line}`);
        seen.add(key);
        if (source === "products") skus.add(raw.sku);
        if (source === "orders" && !orderedAt.has(raw.order_id) && CONTRACTS.orders.validateRow(raw).ok) orderedAt.set(raw.order_id, Date.parse(raw.ordered_at));
      }
    }
  }
  for (const [file, csv] of parsed) {
    for (const { raw, line } of csv.rows) {
      if (file.startsWith("order_lines/") && !skus.has(raw.sku)) flagged.add(`${file}:${line}`);
      if (file.startsWith("returns/") && Date.parse(raw.returned_at) < (orderedAt.get(raw.order_id) ?? 0)) flagged.add(`${file}:${line}`);
    }
  }
  return flagged;
}

it("plants every kind of defect and lists each with its file and line", () => {
  const { defects } = manifest;
  expect(defects).not.toBeNull();
  for (const [kind, count] of Object.entries(defects?.counts ?? {})) expect(count, kind).toBeGreaterThan(0);
});

it("flags every planted defect, and nothing in the clean export", () => {
  expect(flaggedLines(clean)).toEqual(new Set());
  const flagged = flaggedLines(dirty);
  const lineDefects = (manifest.defects?.items ?? []).filter((d) => d.line !== null);
  for (const d of lineDefects) expect(flagged.has(`${d.file}:${d.line}`), `${d.kind} ${d.file}:${d.line}`).toBe(true);
  expect(flagged.size).toBe(lineDefects.length);
});

it("writes one Latin-1 Excel file that is not valid UTF-8", () => {
  const files = (manifest.defects?.items ?? []).filter((d) => d.kind === "latin1_excel_file");
  expect(files).toHaveLength(1);
  const bytes = readFileSync(path.join(dirty, files[0].file));
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  expect(new TextDecoder("windows-1252").decode(bytes)).toMatch(/;[^;]*é[^;]*;/);
});

it("gives back the clean files once the planted lines are removed", () => {
  const planted = new Map<string, Set<number>>();
  for (const d of manifest.defects?.items ?? []) if (d.line !== null) planted.set(d.file, (planted.get(d.file) ?? new Set()).add(d.line));
  const cleanFiles = listFiles(clean).filter((f) => f !== "ground_truth.json");
  expect(listFiles(dirty).filter((f) => f !== "ground_truth.json" && !f.includes("_excel"))).toEqual(cleanFiles);
  for (const file of cleanFiles) {
    const skip = planted.get(file) ?? new Set<number>();
    const lines = readFileSync(path.join(dirty, file), "utf8").split("\n");
    const repaired = lines.filter((_, i) => !skip.has(i + 1)).join("\n");
    expect(repaired, file).toBe(readFileSync(path.join(clean, file), "utf8"));
  }
});
