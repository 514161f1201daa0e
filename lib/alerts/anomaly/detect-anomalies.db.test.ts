// Detection over gold on a constructed shop (weekly rhythm, deterministic ±3% wobble, 100 days
// from 2026-03-01): two channels, two categories. Three things happen:
// - days 50–52: category Maison's best seller (80% of its sales) is out of stock: Maison sells
//   80% less, which the stock-outs explain — not a sales anomaly;
// - days 70–72: Maison's pages are broken: it sells 85% less with everything in stock;
// - days 80–82: the app collapses to 35% of its orders (all orders −26%); the web's share rises by a third,
//   but web orders do not change — the app's incident only.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { detectAnomalies } from "./detect-anomalies";

let db: TestDatabase;
const WEEKLY = [1.15, 1.1, 1.02, 0.98, 0.95, 0.9, 0.86];
const N = 100;
const day = (i: number) => new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10); // a Sunday
const jitter = (i: number, k: number) => 1 + 0.03 * Math.sin(i * 1.7 + k);
const wobble = (i: number, k: number) => WEEKLY[i % 7] * jitter(i, k);
const inRange = (i: number, from: number) => i >= from && i < from + 3;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(
    `INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line)
     VALUES ('A', 'Lampe', 'Maison', 'B', 1, 2, true, now(), 1, 1), ('B', 'Vase', 'Maison', 'B', 1, 2, true, now(), 1, 2),
            ('C', 'Robe', 'Mode', 'B', 1, 2, true, now(), 1, 3)`,
  );
  for (let i = 0; i < N; i++) {
    const web = Math.round(120 * wobble(i, 0));
    const app = Math.round(80 * wobble(i, 1) * (inRange(i, 80) ? 0.35 : 1));
    for (const [channel, orders] of [["web", web], ["app", app]] as const) {
      await db.pool.query("INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES ($1, $2, $3, $3 * 50, 0, 0, $3, 0)", [day(i), channel, orders]);
    }
    const total = 50 * (web + app);
    const broken = inRange(i, 70) ? 0.15 : 1;
    const aOut = inRange(i, 50);
    const sales: [string, number][] = [
      ["A", aOut ? 0 : 0.32 * total * jitter(i, 2) * broken],
      ["B", 0.08 * total * jitter(i, 3) * broken],
      ["C", 0.6 * total * jitter(i, 4)],
    ];
    for (const [sku, revenue] of sales) {
      if (revenue > 0) await db.pool.query("INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned) VALUES ($1, $2, 'web', 1, 1, $3, 0, 0, 0)", [day(i), sku, revenue.toFixed(2)]);
      await db.pool.query("INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout) VALUES ($1, $2, true, $3, $3, $4)", [day(i), sku, aOut && sku === "A" ? 0 : 10, aOut && sku === "A"]);
    }
  }
});
afterAll(() => db?.drop());

it("finds the app collapse and the broken category, not the web's share nor the stock-out days", async () => {
  const found = await detectAnomalies(db.pool, "Europe/Paris", []);
  // The stock-out rate has its own (extreme) alerts, like the per-SKU stock alerts: not judged here.
  const sales = found.filter((a) => a.metric !== "stockout_rate").map((a) => `${a.day} ${a.metric} ${a.scopeType}=${a.scopeValue ?? ""}`);
  expect(sales.sort()).toEqual(
    [
      ...[80, 81, 82].flatMap((i) => [`${day(i)} orders channel=app`, `${day(i)} revenue channel=app`]),
      ...[70, 71, 72].map((i) => `${day(i)} revenue category=Maison`),
    ].sort(),
  );
  // Expected on a broken day: what Maison sells in stock, ≈ 40% of the day's revenue.
  const broken = found.find((a) => a.day === day(71) && a.metric === "revenue" && a.scopeType === "category")!;
  const total = 50 * (Math.round(120 * wobble(71, 0)) + Math.round(80 * wobble(71, 1)));
  expect(Math.abs(broken.expected / (0.4 * total) - 1)).toBeLessThan(0.06);
});
