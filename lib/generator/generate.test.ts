// Generates a short period and checks the files against their contracts and the manifest's
// truths, recomputing everything from the files with a real CSV parser.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, SOURCES } from "../pipeline/contracts";
import { generate, type GenerateOptions } from "./generate";
import type { GroundTruthManifest } from "./manifest";
import { csvFilesOf, listFiles, readCsv, readNdjson } from "./test-support";

const OPTIONS = { from: "2025-02-20", to: "2025-04-20", scale: "s", seed: 7 } as const;
const root = mkdtempSync(path.join(os.tmpdir(), "generator-test-"));
const dirA = path.join(root, "a");
let manifest: GroundTruthManifest;

async function run(dir: string, extra: Partial<GenerateOptions> = {}) {
  return generate({ ...OPTIONS, outDir: dir, ...extra });
}

function rowsOf(source: string) {
  return csvFilesOf(dirA, source).flatMap((f) => readCsv(path.join(dirA, f)).rows.map((r) => ({ file: f, ...r })));
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex")]));
}

function parisDate(iso: string): string {
  const d = new TZDate(Date.parse(iso), "Europe/Paris");
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const cents = (text: string) => Math.round(Number(text) * 100);

beforeAll(async () => {
  manifest = await run(dirA);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("clean exports", () => {
  it("validate against their contracts, file by file and row by row", () => {
    let checked = 0;
    for (const source of SOURCES.filter((s) => s !== "web_events")) {
      const contract = CONTRACTS[source];
      const files = csvFilesOf(dirA, source);
      expect(files.length, source).toBeGreaterThan(0);
      for (const file of files) {
        const parsed = readCsv(path.join(dirA, file));
        expect(contract.checkHeader(parsed.header), file).toEqual([]);
        expect(parsed.rejected, file).toEqual([]);
        for (const { raw, line } of parsed.rows) {
          const result = contract.validateRow(raw);
          if (!result.ok) throw new Error(`${file}:${line} ${result.issues.join("; ")}`);
          checked++;
        }
      }
    }
    for (const file of listFiles(dirA).filter((f) => f.startsWith("web_events/"))) {
      for (const { raw, line } of readNdjson(path.join(dirA, file))) {
        const result = CONTRACTS.web_events.validateRow(raw);
        if (!result.ok) throw new Error(`${file}:${line} ${result.issues.join("; ")}`);
        expect(parisDate(raw.ts), file).toBe(file.slice(-17, -7));
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 180_000); // CPU-bound: every row of every file; slow when the machine is shared

  it("keep keys unique per file and refer to known products", () => {
    const skus = new Set(rowsOf("products").map((r) => r.raw.sku));
    for (const source of ["orders", "order_lines", "payments", "returns", "customers"] as const) {
      const seen = new Set<string>();
      for (const r of rowsOf(source)) {
        const key = `${r.file}|${CONTRACTS[source].def.key.map((k) => r.raw[k]).join("|")}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    for (const r of rowsOf("order_lines")) expect(skus.has(r.raw.sku)).toBe(true);
  });

  it("write Paris local times with the right offset, including late-evening orders", () => {
    const orders = rowsOf("orders");
    for (const o of orders) expect(o.raw.ordered_at.slice(0, 10)).toBe(parisDate(o.raw.ordered_at));
    const offsets = new Set(orders.map((o) => o.raw.ordered_at.slice(-6)));
    expect([...offsets].sort()).toEqual(["+01:00", "+02:00"]);
    expect(orders.some((o) => o.raw.ordered_at.slice(11, 13) === "23")).toBe(true);
  });

  it("re-export orders as their status changes, with newer updated_at", () => {
    const versions = new Map<string, { status: string; updated: string }[]>();
    for (const o of rowsOf("orders")) versions.set(o.raw.order_id, [...(versions.get(o.raw.order_id) ?? []), { status: o.raw.status, updated: o.raw.updated_at }]);
    const delivered = [...versions.values()].filter((v) => v.some((x) => x.status === "delivered"));
    expect(delivered.length).toBeGreaterThan(1000);
    for (const v of delivered) expect(v.map((x) => x.status)).toEqual(["paid", "shipped", "delivered"]);
    for (const v of versions.values()) for (let i = 1; i < v.length; i++) expect(Date.parse(v[i].updated)).toBeGreaterThan(Date.parse(v[i - 1].updated));
  });

  it("give every web/app order exactly one purchase event", () => {
    const purchases = new Map<string, number>();
    const sessions = new Set<string>();
    for (const file of listFiles(dirA).filter((f) => f.startsWith("web_events/"))) {
      for (const { raw } of readNdjson(path.join(dirA, file))) {
        sessions.add(raw.session_id);
        if (raw.type === "purchase") purchases.set(raw.order_id, (purchases.get(raw.order_id) ?? 0) + 1);
      }
    }
    const placed = rowsOf("orders").filter((o) => o.raw.status === "paid" || o.raw.status === "placed");
    for (const o of placed) expect(purchases.get(o.raw.order_id) ?? 0, o.raw.order_id).toBe(o.raw.channel === "marketplace" ? 0 : 1);
    expect(purchases.size / sessions.size).toBeGreaterThan(0.08);
    expect(purchases.size / sessions.size).toBeLessThan(0.18);
  });
});

describe("ground truth", () => {
  it("daily revenue and order counts recompute from orders + order_lines to the cent", () => {
    const latest = new Map<string, Record<string, string>>();
    for (const { raw } of rowsOf("orders")) {
      const prev = latest.get(raw.order_id);
      if (!prev || Date.parse(raw.updated_at) > Date.parse(prev.updated_at)) latest.set(raw.order_id, raw);
    }
    const revenue = new Map<string, number>();
    const placed = new Map<string, number>();
    const cancelled = new Map<string, number>();
    for (const o of latest.values()) {
      const date = parisDate(o.ordered_at);
      placed.set(date, (placed.get(date) ?? 0) + 1);
      if (o.status === "cancelled") cancelled.set(date, (cancelled.get(date) ?? 0) + 1);
    }
    for (const { raw } of rowsOf("order_lines")) {
      const order = latest.get(raw.order_id);
      if (!order || order.status === "cancelled") continue;
      const date = parisDate(order.ordered_at);
      revenue.set(date, (revenue.get(date) ?? 0) + Number(raw.quantity) * cents(raw.unit_price) - cents(raw.discount_amount));
    }
    expect(manifest.daily).toHaveLength(60);
    for (const day of manifest.daily) {
      expect(revenue.get(day.date) ?? 0, day.date).toBe(day.revenueCents);
      expect(placed.get(day.date) ?? 0, day.date).toBe(day.ordersPlaced);
      expect(cancelled.get(day.date) ?? 0, day.date).toBe(day.ordersCancelled);
    }
    expect(manifest.counts.orders).toBe(latest.size);
  });

  it("shows each promotion's uplift in its scope's units against the two weeks before", () => {
    const products = new Map(readCsv(path.join(dirA, csvFilesOf(dirA, "products")[0])).rows.map((r) => [r.raw.sku, r.raw.category]));
    const orderDate = new Map(rowsOf("orders").map((o) => [o.raw.order_id, parisDate(o.raw.ordered_at)]));
    const lines = rowsOf("order_lines");
    const promos = manifest.promotions.filter((p) => p.scopeType !== "all" && p.lastDay !== null);
    expect(promos.length).toBeGreaterThan(0);
    for (const promo of promos) {
      const before = (d: string) => Date.parse(d) < Date.parse(promo.firstDay) && Date.parse(d) >= Date.parse(promo.firstDay) - 14 * 86_400_000;
      const during = (d: string) => d >= promo.firstDay && d <= (promo.lastDay ?? "");
      const units = { in: [0, 0], out: [0, 0] };
      for (const { raw } of lines) {
        const date = orderDate.get(raw.order_id) ?? "";
        const inScope = promo.scopeType === "sku" ? raw.sku === promo.scopeValue : products.get(raw.sku) === promo.scopeValue;
        const bucket = inScope ? units.in : units.out;
        if (before(date)) bucket[0] += Number(raw.quantity) / 14;
        if (during(date)) bucket[1] += Number(raw.quantity);
      }
      const days = (Date.parse(promo.lastDay ?? "") - Date.parse(promo.firstDay)) / 86_400_000 + 1;
      // Difference in differences: out-of-scope sales carry the seasonality, which cancels out.
      const measured = (units.in[1] / days / units.in[0]) / (units.out[1] / days / units.out[0]);
      expect(measured, `${promo.promoId} ${promo.scopeType}`).toBeGreaterThan(promo.unitsUplift * 0.7);
      expect(measured, `${promo.promoId} ${promo.scopeType}`).toBeLessThan(promo.unitsUplift * 1.3);
    }
  });

  it("sells nothing of a product during its stock-out episodes", () => {
    expect(manifest.stockOuts.length).toBeGreaterThan(0);
    const orderDate = new Map(rowsOf("orders").map((o) => [o.raw.order_id, parisDate(o.raw.ordered_at)]));
    const salesBySku = new Map<string, string[]>();
    for (const { raw } of rowsOf("order_lines")) salesBySku.set(raw.sku, [...(salesBySku.get(raw.sku) ?? []), orderDate.get(raw.order_id) ?? ""]);
    for (const ep of manifest.stockOuts) {
      const during = (salesBySku.get(ep.sku) ?? []).filter((d) => d >= ep.from && d <= ep.to);
      expect(during, `${ep.sku} ${ep.from}..${ep.to}`).toEqual([]);
    }
    const snapshotZero = rowsOf("stock_snapshots").filter((r) => Number(r.raw.on_hand) - Number(r.raw.reserved) <= 0);
    expect(snapshotZero.length).toBeGreaterThan(0);
  });
});

describe("determinism", () => {
  it("same seed and arguments give byte-identical files; another seed does not", async () => {
    const dirB = path.join(root, "b");
    const dirC = path.join(root, "c");
    await run(dirB);
    await run(dirC, { seed: 8 });
    const a = hashes(dirA);
    expect(hashes(dirB)).toEqual(a);
    const c = hashes(dirC);
    expect(Object.keys(c)).toEqual(Object.keys(a));
    expect(c["ground_truth.json"]).not.toBe(a["ground_truth.json"]);
    expect(c["orders/orders_2025-03-01.csv"]).not.toBe(a["orders/orders_2025-03-01.csv"]);
  }, 120_000);
});

describe("row writers", () => {
  it("write columns in the contract's order", () => {
    for (const source of SOURCES.filter((s) => s !== "web_events")) {
      expect(readCsv(path.join(dirA, csvFilesOf(dirA, source)[0])).header).toEqual(CONTRACTS[source].columnNames);
    }
    const event = readNdjson(path.join(dirA, listFiles(dirA).find((f) => f.startsWith("web_events/")) ?? ""))[0];
    expect(Object.keys(event.raw)).toEqual(CONTRACTS.web_events.columnNames);
  });
});
