// The forecasts page on a constructed history (a pure weekly pattern per category and a ×1.5
// two-week promotion on Déco, plus a little noise), loaded into gold and run through the real forecast phases: the
// page shows the stored figures, which match what was constructed.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { fr } from "../lib/i18n/messages";
import { buildForecasts } from "../lib/pipeline/analytics/forecasts-phase";
import { buildPromoUplift } from "../lib/pipeline/analytics/promo-uplift-phase";
import { storageStateOf } from "./roles";

const t = fr.forecasts;
const FIRST = Date.UTC(2026, 0, 5); // a Monday
const DAYS = 140;
const KITCHEN = [10, 12, 14, 16, 18, 30, 40];
const DECO = [20, 22, 24, 26, 28, 30, 35];
const day = (i: number) => new Date(FIRST + i * 86_400_000).toISOString().slice(0, 10);
const promoDay = (i: number) => i >= 112 && i < 126;
// A little deterministic noise (−2…+2, mean 0): a perfectly regular series has no naive error
// to scale the accuracy by.
const noise = (i: number) => ((i * 37) % 5) - 2;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await pool.query(`INSERT INTO silver_products (sku, name, category, brand, unit_cost, list_price, active, updated_at, src_file_id, src_line) VALUES
      ('E2E-K', 'Bol e2e', 'Cuisine', 'B', 1, 10, true, now(), 1, 2), ('E2E-D', 'Vase e2e', 'Déco', 'B', 1, 20, true, now(), 1, 3) ON CONFLICT DO NOTHING`);
    const rows = Array.from({ length: DAYS }, (_, i) => {
      const k = KITCHEN[i % 7] + noise(i);
      const d = Math.round(DECO[i % 7] * (promoDay(i) ? 1.5 : 1)) + noise(i + 2);
      return `('${day(i)}', 'E2E-K', 'web', 1, ${k}, ${k * 10}, 0, 0, 0), ('${day(i)}', 'E2E-D', 'web', 1, ${d}, ${d * 20}, 0, 0, 0)`;
    });
    await pool.query(`INSERT INTO gold_product_daily (day, sku, channel, orders, units, revenue, discount, cost, units_returned) VALUES ${rows.join(",")} ON CONFLICT DO NOTHING`);
    await pool.query(`INSERT INTO silver_promotions (promo_id, name, code, kind, value, starts_at, ends_at, scope_type, scope_value, src_file_id, src_line) VALUES
      ('PRM-E2E', 'Semaine Déco e2e', 'DECOE2E', 'percent', 20, '${day(112)} 00:00 Europe/Paris', '${day(126)} 00:00 Europe/Paris', 'category', 'Déco', 1, 2) ON CONFLICT DO NOTHING`);
    await pool.query(`INSERT INTO gold_stock_daily (day, sku, active, on_hand, available, stockout) VALUES
      ('${day(DAYS - 1)}', 'E2E-K', true, 3, 3, false), ('${day(DAYS - 1)}', 'E2E-D', true, 100000, 100000, false) ON CONFLICT DO NOTHING`);
    await buildForecasts(pool, "Europe/Paris");
    await buildPromoUplift(pool, "Europe/Paris");
  } finally {
    await pool.end();
  }
});

test.describe("as supply chain", () => {
  test.use({ storageState: storageStateOf("supply_chain") });

  test("sees forecasts with their accuracy, stock cover and promotion uplift", async ({ page }) => {
    await page.goto("/forecasts?metric=units&scope=total&horizon=30");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    // Next 7 days of units: one week of both patterns, 140 + 185 = 325, within 5%.
    const next7 = page.getByTestId("summary-units-total").getByRole("cell").nth(1);
    const shown = Number((await next7.innerText()).replace(/\s/g, "").replace(",", "."));
    expect(Math.abs(shown / 325 - 1)).toBeLessThan(0.05);
    await expect(page.getByTestId("summary-units-total")).toContainText(t.mase);
    await expect(page.getByTestId("series-accuracy")).toContainText(t.coverage80);
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
    await page.getByText(t.tableCaption).click();
    await expect(page.getByTestId("forecast-days").locator("tbody tr")).toHaveCount(30);
    // 3 in stock against ≥ 10 a day: no full day of cover, reorder soon. 100 000 lasts the 90 days.
    await expect(page.getByTestId("cover-E2E-K").getByTestId("days")).toHaveText("0");
    await expect(page.getByTestId("cover-E2E-K")).toContainText(t.reorderSoon);
    await expect(page.getByTestId("cover-E2E-D").getByTestId("days")).toHaveText(`90 ${t.orMore}`);
    // Constructed uplift ×1.5, shown as +50 % give or take 4 points.
    const uplift = await page.getByTestId("uplift-PRM-E2E").getByTestId("uplift").innerText();
    expect(Math.abs(Number(uplift.replace(/[^\d]/g, "")) - 50)).toBeLessThanOrEqual(4);
  });
});
