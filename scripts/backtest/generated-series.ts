// The daily series the backtest scores, aggregated straight from the generator's export files
// (latest status of each order, Paris order date, the products' latest category), cached as JSON
// beside them. Why not the real pipeline: loading m-scale (1M orders, 10M web events) takes far
// longer than the models on shared cores, and these sums follow the gold definition exactly —
// checked below against the manifest's daily revenue to the cent.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import { parse } from "csv-parse/sync";
import type { GroundTruthManifest } from "../../lib/generator/manifest";
import { csvFilesOf } from "../../lib/generator/test-support";

export type GeneratedSeries = {
  dates: string[];
  /** "total" and each category → daily revenue (€) and units. */
  revenue: Record<string, number[]>;
  units: Record<string, number[]>;
  /** Daily units of each sku, and its latest category. */
  skuUnits: Record<string, number[]>;
  skuCategory: Record<string, string>;
  /**
   * Per sku and day: false when its end-of-day available stock (on hand − reserved, all
   * warehouses) was ≤ 0, as gold_stock_daily.stockout says, or once it is withdrawn from sale;
   * true on other days without a snapshot.
   */
  skuInStock: Record<string, boolean[]>;
  version: number;
};

const CACHE = "series-cache.json";
/** Bumped when the cached shape changes: an older cache is rebuilt. */
const VERSION = 3;

export function loadGeneratedSeries(dir: string, manifest: GroundTruthManifest, log: (m: string) => void): GeneratedSeries {
  const cache = path.join(dir, CACHE);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, "utf8")) as GeneratedSeries;
    if (cached.version === VERSION) return cached;
  }
  log(`aggregating ${dir} (once; cached in ${CACHE})…`);
  const category = new Map<string, string>();
  // The Paris day a product was withdrawn from sale (a later version may bring it back).
  const withdrawn = new Map<string, string | null>();
  eachRow(dir, "products", (p) => {
    category.set(p.sku, p.category);
    if (p.active === "true") withdrawn.set(p.sku, null);
    else if (!withdrawn.get(p.sku)) withdrawn.set(p.sku, parisDate(p.updated_at));
  });
  const latest = new Map<string, { at: number; status: string; day: string }>();
  eachRow(dir, "orders", (o) => {
    const at = Date.parse(o.updated_at);
    const prev = latest.get(o.order_id);
    if (!prev || at > prev.at) latest.set(o.order_id, { at, status: o.status, day: parisDate(o.ordered_at) });
  });
  const dates = manifest.daily.map((d) => d.date);
  const index = new Map(dates.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(dates.length).fill(0);
  const revenueCents: Record<string, number[]> = { total: zeros() };
  const units: Record<string, number[]> = { total: zeros() };
  const skuUnits: Record<string, number[]> = Object.fromEntries([...category.keys()].map((s) => [s, zeros()]));
  eachRow(dir, "order_lines", (line) => {
    const order = latest.get(line.order_id);
    const i = order && order.status !== "cancelled" ? index.get(order.day) : undefined;
    if (i === undefined) return;
    const cat = category.get(line.sku) ?? "?";
    const cents = Number(line.quantity) * Math.round(Number(line.unit_price) * 100) - Math.round(Number(line.discount_amount) * 100);
    for (const key of ["total", cat]) {
      (revenueCents[key] ??= zeros())[i] += cents;
      (units[key] ??= zeros())[i] += Number(line.quantity);
    }
    (skuUnits[line.sku] ??= zeros())[i] += Number(line.quantity);
  });
  manifest.daily.forEach((d, i) => {
    if (revenueCents.total[i] !== d.revenueCents) throw new Error(`${d.date}: files give ${revenueCents.total[i]} cents, the manifest ${d.revenueCents}`);
  });
  const revenue = Object.fromEntries(Object.entries(revenueCents).map(([k, xs]) => [k, xs.map((c) => c / 100)]));
  const skuCategory = Object.fromEntries(category);
  const series = { dates, revenue, units, skuUnits, skuCategory, skuInStock: readInStock(dir, dates, index, withdrawn), version: VERSION };
  writeFileSync(cache, JSON.stringify(series));
  return series;
}

function readInStock(dir: string, dates: string[], index: Map<string, number>, withdrawn: Map<string, string | null>): Record<string, boolean[]> {
  const available: Record<string, (number | null)[]> = {};
  eachRow(dir, "stock_snapshots", (r) => {
    const i = index.get(r.snapshot_date);
    if (i === undefined) return;
    const days = (available[r.sku] ??= new Array<number | null>(index.size).fill(null));
    days[i] = (days[i] ?? 0) + Number(r.on_hand) - Number(r.reserved);
  });
  const onSale = (sku: string, i: number) => !withdrawn.get(sku) || dates[i] < (withdrawn.get(sku) as string);
  return Object.fromEntries([...withdrawn.keys()].map((sku) => [sku, dates.map((_, i) => onSale(sku, i) && (available[sku]?.[i] ?? 1) > 0)]));
}

/** One file at a time: m-scale holds 2.5M order lines. */
function eachRow(dir: string, source: string, fn: (row: Record<string, string>) => void) {
  for (const f of csvFilesOf(dir, source)) for (const row of parse(readFileSync(path.join(dir, f)), { columns: true }) as Record<string, string>[]) fn(row);
}

function parisDate(iso: string): string {
  const d = new TZDate(Date.parse(iso), "Europe/Paris");
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
