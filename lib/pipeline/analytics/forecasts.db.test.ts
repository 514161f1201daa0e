// The forecast and promotion-uplift phases on series whose truth is constructed: a pure weekly
// pattern the model must continue, and a category promotion with a known ×1.5 uplift on units
// (plus an earlier site-wide one the counterfactual must ignore), with one Déco product out of
// stock in the promotion's second week and another withdrawn from sale before it: their missing
// units are hidden demand, not a smaller uplift.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { addDays } from "../../dates/add-days";
import { buildForecasts, FORECAST_HORIZON_DAYS } from "./forecasts-phase";
import { inTransaction } from "../../db/in-transaction";
import { buildPromoUplift } from "./promo-uplift-phase";

const FIRST = "2026-01-05"; // a Monday
const DAYS = 140;
const LAST = addDays(FIRST, DAYS - 1);
// Units per weekday, Monday first.
const KITCHEN = [10, 12, 14, 16, 18, 30, 40];
const DECO = [20, 22, 24, 26, 28, 30, 35];
const DECO_OUT = [6, 6, 7, 8, 9, 12, 14]; // SKU-D2, out of stock on days OUT_FROM…
const OUT_FROM = 119;
const DECO_GONE = [4, 4, 4, 4, 4, 6, 6]; // SKU-X, withdrawn on day WITHDRAWN
const WITHDRAWN = 100;
const PROMO = { start: 112, end: 126, uplift: 1.5 }; // two weeks on Déco
const SITE_PROMO = { start: 60, end: 67, uplift: 1.3 }; // one week on everything

const units = (pattern: number[], i: number, inDeco: boolean) => {
  let u = pattern[i % 7];
  if (i >= SITE_PROMO.start && i < SITE_PROMO.end) u *= SITE_PROMO.uplift;
  if (inDeco && i >= PROMO.start && i < PROMO.end) u *= PROMO.uplift;
  return Math.round(u);
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line) VALUES
    ('SKU-K', 'Bol', 'Cuisine', 'B', 1, 10, true, now(), 1, 2), ('SKU-D', 'Vase', 'Déco', 'B', 1, 20, true, now(), 1, 3),
    ('SKU-D2', 'Cadre', 'Déco', 'B', 1, 20, true, now(), 1, 4), ('SKU-X', 'Bougie', 'Déco', 'B', 1, 20, false, now(), 1, 5)`);
  await db.pool.query(`INSERT INTO silver_product_versions (sku, updated_at, unit_cost, list_price, active) VALUES
    ('SKU-X', '${FIRST} 09:00 Europe/Paris', 1, 20, true), ('SKU-X', '${addDays(FIRST, WITHDRAWN)} 08:00 Europe/Paris', 1, 20, false)`);
  const row = (i: number, sku: string, u: number) => `('${addDays(FIRST, i)}', '${sku}', 'web', 1, ${u}, ${u * 20}, 0, 0, 0)`;
  const rows = Array.from({ length: DAYS }, (_, i) => [
    `('${addDays(FIRST, i)}', 'SKU-K', 'web', 1, ${units(KITCHEN, i, false)}, ${units(KITCHEN, i, false) * 10}, 0, 0, 0)`,
    row(i, "SKU-D", units(DECO, i, true)),
    ...(i < OUT_FROM ? [row(i, "SKU-D2", units(DECO_OUT, i, true))] : []),
    ...(i < WITHDRAWN ? [row(i, "SKU-X", units(DECO_GONE, i, true))] : []),
  ]).flat();
  await db.pool.query(`INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned) VALUES ${rows.join(",")}`);
  const stock = Array.from({ length: DAYS }, (_, i) => `('${addDays(FIRST, i)}', 'SKU-D2', true, ${i < OUT_FROM ? 50 : 0}, ${i < OUT_FROM ? 50 : 0}, ${i >= OUT_FROM})`);
  await db.pool.query(`INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout) VALUES ${stock.join(",")}`);
  const promo = (id: string, scope: string, value: string | null, p: { start: number; end: number }) =>
    `('${id}', '${id}', '${id}', 'percent', 20, '${addDays(FIRST, p.start)} 00:00 Europe/Paris', '${addDays(FIRST, p.end)} 00:00 Europe/Paris', '${scope}', ${value ? `'${value}'` : "NULL"}, 1, 2)`;
  await db.pool.query(`INSERT INTO silver_promotions (promo_id, name, code, kind, value, starts_at, ends_at, scope_type, scope_value, src_file_id, src_line) VALUES
    ${promo("PRM-SITE", "all", null, SITE_PROMO)}, ${promo("PRM-DECO", "category", "Déco", PROMO)}, ${promo("PRM-GONE", "sku", "SKU-X", PROMO)}`);
  await buildForecasts(db.pool, "Europe/Paris");
  await buildPromoUplift(db.pool, "Europe/Paris");
}, 120_000);
afterAll(() => db?.drop());

type Row = { day: string; point: string; lower80: string; upper80: string; lower95: string; upper95: string };
const forecastOf = async (metric: string, scope: string) =>
  (await db.pool.query<Row>(`SELECT day::text, point::text, lower_80::text AS lower80, upper_80::text AS upper80, lower_95::text AS lower95, upper_95::text AS upper95
     FROM gold_forecast WHERE metric = $1 AND scope = $2 ORDER BY day`, [metric, scope])).rows;

describe("forecasts phase", () => {
  it("stores 90 consecutive days after the last actual for each metric and scope", async () => {
    const { rows } = await db.pool.query("SELECT metric, scope, count(*)::int AS n, min(day)::text AS first, max(day)::text AS last FROM gold_forecast GROUP BY 1, 2 ORDER BY 1, 2");
    const expected = { n: FORECAST_HORIZON_DAYS, first: addDays(LAST, 1), last: addDays(LAST, FORECAST_HORIZON_DAYS) };
    expect(rows).toEqual(["revenue", "units"].flatMap((metric) => ["Cuisine", "Déco", "total"].map((scope) => ({ metric, scope, ...expected }))));
  });

  it("nests the intervals: lower95 ≤ lower80 ≤ point ≤ upper80 ≤ upper95, none negative", async () => {
    for (const r of await forecastOf("units", "total")) {
      const [l95, l80, p, u80, u95] = [r.lower95, r.lower80, r.point, r.upper80, r.upper95].map(Number);
      expect(l95).toBeGreaterThanOrEqual(0);
      expect(l95 <= l80 && l80 <= p && p <= u80 && u80 <= u95, JSON.stringify(r)).toBe(true);
    }
  });

  it("continues a pure weekly pattern within 5% over the first four weeks", async () => {
    const rows = (await forecastOf("units", "Cuisine")).slice(0, 28);
    rows.forEach((r, h) => {
      const weekday = (DAYS + h) % 7; // day index from a Monday
      expect(Math.abs(Number(r.point) / KITCHEN[weekday] - 1), r.day).toBeLessThan(0.05);
      expect(Number(r.lower80), r.day).toBeLessThanOrEqual(KITCHEN[weekday]);
      expect(Number(r.upper80), r.day).toBeGreaterThanOrEqual(KITCHEN[weekday]);
    });
    const revenue = (await forecastOf("revenue", "Cuisine")).slice(0, 7);
    revenue.forEach((r, h) => expect(Math.abs(Number(r.point) / (KITCHEN[(DAYS + h) % 7] * 10) - 1)).toBeLessThan(0.05));
  });

  it("stores the backtest accuracy beside each forecast: a pure pattern beats seasonal naive", async () => {
    const { rows } = await db.pool.query("SELECT *, last_actual_day::text AS last FROM gold_forecast_accuracy WHERE metric = 'units' AND scope = 'Cuisine'");
    expect(rows).toHaveLength(1);
    expect([rows[0].last, rows[0].history_days]).toEqual([LAST, DAYS]);
    expect(rows[0].origins).toBeGreaterThan(0);
    expect(Number(rows[0].mase_7)).toBeLessThan(Number(rows[0].naive_mase_7));
    expect(Number(rows[0].mase_30)).toBeLessThan(Number(rows[0].naive_mase_30));
  });

  it("is idempotent: a second run replaces, never duplicates", async () => {
    const before = (await db.pool.query("SELECT count(*)::int AS n FROM gold_forecast")).rows[0].n;
    await buildForecasts(db.pool, "Europe/Paris");
    expect((await db.pool.query("SELECT count(*)::int AS n FROM gold_forecast")).rows[0].n).toBe(before);
  });

  it("keeps the previous forecasts when a rebuild fails half-way", async () => {
    const count = async () => (await db.pool.query("SELECT count(*)::int AS n FROM gold_forecast")).rows[0].n;
    const before = await count();
    const failing = inTransaction(db.pool, async (client) => {
      await client.query("DELETE FROM gold_forecast");
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    expect(await count()).toBe(before);
  });
});

describe("promotion uplift phase", () => {
  it("recovers the constructed ×1.5 uplift within 5%, with an interval around it", async () => {
    const { rows } = await db.pool.query("SELECT promo_id, first_day::text, last_day::text, actual_units, uplift::float8, lower_95::float8, upper_95::float8 FROM gold_promo_uplift WHERE promo_id = 'PRM-DECO'");
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect([r.first_day, r.last_day]).toEqual([addDays(FIRST, PROMO.start), addDays(FIRST, PROMO.end - 1)]);
    // The units of the products in stock: SKU-D every day, SKU-D2 until it ran out.
    const promoDays = Array.from({ length: PROMO.end - PROMO.start }, (_, k) => PROMO.start + k);
    const actual = promoDays.reduce((s, i) => s + units(DECO, i, true) + (i < OUT_FROM ? units(DECO_OUT, i, true) : 0), 0);
    expect(r.actual_units).toBe(actual);
    expect(Math.abs(r.uplift / PROMO.uplift - 1)).toBeLessThan(0.05);
    expect(r.lower_95).toBeLessThanOrEqual(r.uplift);
    expect(r.upper_95).toBeGreaterThanOrEqual(r.uplift);
  });

  it("leaves out a promotion on a product withdrawn from sale before it: nothing to measure", async () => {
    const { rows } = await db.pool.query("SELECT promo_id FROM gold_promo_uplift ORDER BY promo_id");
    expect(rows.map((r) => r.promo_id)).toEqual(["PRM-DECO", "PRM-SITE"]);
  });

  it("estimates the site-wide week too (total units, ×1.3)", async () => {
    const { rows } = await db.pool.query("SELECT uplift::float8 FROM gold_promo_uplift WHERE promo_id = 'PRM-SITE'");
    expect(Math.abs(rows[0].uplift / SITE_PROMO.uplift - 1)).toBeLessThan(0.05);
  });
});
