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
  /** Daily units of each sku a promotion targets. */
  skuUnits: Record<string, number[]>;
};

const CACHE = "series-cache.json";

export function loadGeneratedSeries(dir: string, manifest: GroundTruthManifest, log: (m: string) => void): GeneratedSeries {
  const cache = path.join(dir, CACHE);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as GeneratedSeries;
  log(`aggregating ${dir} (once; cached in ${CACHE})…`);
  // One file at a time: m-scale holds 2.5M order lines.
  const eachRow = (source: string, fn: (row: Record<string, string>) => void) => {
    for (const f of csvFilesOf(dir, source)) for (const row of parse(readFileSync(path.join(dir, f)), { columns: true }) as Record<string, string>[]) fn(row);
  };
  const category = new Map<string, string>();
  eachRow("products", (p) => category.set(p.sku, p.category));
  const latest = new Map<string, { at: number; status: string; day: string }>();
  eachRow("orders", (o) => {
    const at = Date.parse(o.updated_at);
    const prev = latest.get(o.order_id);
    if (!prev || at > prev.at) latest.set(o.order_id, { at, status: o.status, day: parisDate(o.ordered_at) });
  });
  const dates = manifest.daily.map((d) => d.date);
  const index = new Map(dates.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(dates.length).fill(0);
  const revenueCents: Record<string, number[]> = { total: zeros() };
  const units: Record<string, number[]> = { total: zeros() };
  const promoSkus = new Set(manifest.promotions.filter((p) => p.scopeType === "sku").map((p) => p.scopeValue as string));
  const skuUnits: Record<string, number[]> = Object.fromEntries([...promoSkus].map((s) => [s, zeros()]));
  eachRow("order_lines", (line) => {
    const order = latest.get(line.order_id);
    const i = order && order.status !== "cancelled" ? index.get(order.day) : undefined;
    if (i === undefined) return;
    const cat = category.get(line.sku) ?? "?";
    const cents = Number(line.quantity) * Math.round(Number(line.unit_price) * 100) - Math.round(Number(line.discount_amount) * 100);
    for (const key of ["total", cat]) {
      (revenueCents[key] ??= zeros())[i] += cents;
      (units[key] ??= zeros())[i] += Number(line.quantity);
    }
    if (promoSkus.has(line.sku)) skuUnits[line.sku][i] += Number(line.quantity);
  });
  manifest.daily.forEach((d, i) => {
    if (revenueCents.total[i] !== d.revenueCents) throw new Error(`${d.date}: files give ${revenueCents.total[i]} cents, the manifest ${d.revenueCents}`);
  });
  const revenue = Object.fromEntries(Object.entries(revenueCents).map(([k, xs]) => [k, xs.map((c) => c / 100)]));
  const series = { dates, revenue, units, skuUnits };
  writeFileSync(cache, JSON.stringify(series));
  return series;
}

function parisDate(iso: string): string {
  const d = new TZDate(Date.parse(iso), "Europe/Paris");
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
