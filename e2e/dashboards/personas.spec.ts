// Each persona page on the generated dataset: figures equal to the generator's ground truth
// (summed independently in ./truth.ts), filters that change them, a screenshot of every page.
import { expect, request, test } from "@playwright/test";
import { en, fr } from "../../lib/i18n/messages";
import { storageStateOf } from "../roles";
import { cents, count, eur, keepScreenshot, orders, range, revenueCents, units } from "./truth";

const AUG = ["2026-08-01", "2026-08-31"] as const;
const JUL = ["2026-07-01", "2026-07-31"] as const; // the 31 days before August
const d = fr.dashboard;

test.describe("finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("shows August's topline against July, exactly as generated", async ({ page }) => {
    await page.goto(`/finance?${range(...AUG)}`);
    const revenue = revenueCents(...AUG);
    await expect(page.getByTestId("kpi-revenue-value")).toHaveText(eur(revenue));
    await expect(page.getByTestId("kpi-orders-value")).toHaveText(count(orders(...AUG)));
    await expect(page.getByTestId("kpi-aov-value")).toHaveText(eur(Math.round(revenue / orders(...AUG))));
    await expect(page.getByTestId("kpi-revenue")).toContainText(`(${eur(revenueCents(...JUL))})`);
    await expect(page.getByTestId("comparison-period")).toContainText("2026-07-01 → 2026-07-31");
    // The trend draws (lines, not an empty frame) and its table holds every day.
    await expect(page.getByTestId("trend-revenue").locator(".recharts-line-curve").first()).toBeVisible();
    await expect(page.getByTestId("trend-revenue").locator("tbody tr")).toHaveCount(31);
    await expect(page.getByTestId("reconciliation-order-value")).not.toHaveText("");
    await keepScreenshot(page, "finance");
  });

  test("a category filter changes the figures to that category's", async ({ page }) => {
    await page.goto(`/finance?${range(...AUG)}`);
    await page.getByRole("combobox", { name: d.filters.category }).selectOption("Mode");
    await expect(page).toHaveURL(/category=Mode/);
    await expect(page.getByTestId("kpi-revenue-value")).toHaveText(eur(revenueCents(...AUG, "Mode")));
    // Orders cannot be split by category: the tile says so and keeps the whole figure.
    await expect(page.getByTestId("kpi-orders")).toContainText(d.notFiltered);
    await expect(page.getByTestId("kpi-orders-value")).toHaveText(count(orders(...AUG)));
  });

  test("revenue by category: the table alternative of the bars", async ({ page }) => {
    await page.goto(`/finance?${range(...AUG)}`);
    const bars = page.getByTestId("breakdown-revenue-category");
    await bars.getByText(d.chart.table).click();
    await expect(bars.getByRole("row", { name: /^Chaussures/ })).toContainText(eur(revenueCents(...AUG, "Chaussures")));
  });
});

test.describe("in English", () => {
  test("labels and amounts switch to English (en-GB formatting), per user", async ({ page, baseURL }) => {
    // A user of its own, so the other specs keep seeing French.
    const email = `cfo.${Date.now()}@example.test`;
    const admin = await request.newContext({ baseURL, storageState: storageStateOf("admin") });
    expect((await admin.post("/api/v1/users", { data: { email, name: "Chief Finance", role: "finance", password: "long enough secret" } })).status()).toBe(201);
    await admin.dispose();
    await page.goto("/login");
    await page.getByLabel(/e-mail|email/i).fill(email);
    await page.getByLabel(/mot de passe|password/i).fill("long enough secret");
    await page.getByRole("button", { name: /se connecter|sign in/i }).click();
    await page.getByRole("button", { name: "en" }).click();
    // The switch is a server action: leaving before it answers would cancel it.
    await expect(page.getByRole("button", { name: "en" })).toHaveAttribute("aria-pressed", "true");
    await page.goto(`/finance?${range(...AUG)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.pages.finance.title);
    await expect(page.getByTestId("kpi-revenue-value")).toHaveText(eur(revenueCents(...AUG), "en"));
    await expect(page.getByTestId("kpi-revenue")).toContainText(en.dashboard.vsPrevious);
    await keepScreenshot(page, "finance-en");
  });
});

test.describe("marketing", () => {
  test.use({ storageState: storageStateOf("marketing") });

  test("promotions, funnel and campaigns on real data", async ({ page }) => {
    await page.goto(`/marketing?${range(...AUG)}`);
    await expect(page.getByTestId("kpi-revenue-value")).toHaveText(eur(revenueCents(...AUG)));
    await expect(page.getByTestId("promotions-table").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("funnel-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("campaigns-table").locator("tbody tr").first()).toBeVisible();
    await keepScreenshot(page, "marketing");
  });
});

test.describe("supply chain", () => {
  test.use({ storageState: storageStateOf("supply_chain") });

  test("units sold, stock by category and warehouse, SKUs at risk", async ({ page }) => {
    await page.goto(`/supply-chain?${range(...AUG)}`);
    await expect(page.getByTestId("kpi-units-value")).toHaveText(count(units(...AUG)));
    await expect(page.getByTestId("stock-by-category").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("stock-by-warehouse").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("skus-at-risk").locator("tbody tr").first()).toBeVisible();
    await keepScreenshot(page, "supply-chain");
  });
});

test.describe("merchandising", () => {
  test.use({ storageState: storageStateOf("merchandising") });

  test("top products, pricing, and a product's file", async ({ page }) => {
    await page.goto(`/merchandising?${range(...AUG)}`);
    await expect(page.getByTestId("kpi-units-value")).toHaveText(count(units(...AUG)));
    await expect(page.getByTestId("breakdown-revenue-product").locator(".recharts-bar-rectangle")).toHaveCount(10);
    await keepScreenshot(page, "merchandising");
    const first = page.getByTestId("pricing").locator("tbody tr").first().getByRole("link");
    const name = await first.innerText();
    await first.click();
    await expect(page.getByTestId("product-name")).toContainText(name);
    await expect(page.getByTestId("price-history").locator("tbody tr").first()).toBeVisible();
    await keepScreenshot(page, "product");
  });
});

test.describe("analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("explores revenue by category per month, exports it and saves it", async ({ page }) => {
    await page.goto(`/analyst?${range(...AUG, "kpi=revenue&by=category&grain=month")}`);
    const explorer = page.getByTestId("card-explorer");
    await explorer.getByText(d.chart.table).click();
    await expect(explorer.getByRole("row", { name: /^2026-08/ })).toContainText(eur(revenueCents(...AUG, "Mode")));
    const csv = await page.request.get(await explorer.getByRole("link", { name: d.explorer.exportCsv }).getAttribute("href").then((h) => h!));
    expect(await csv.text()).toContain(`2026-08,Mode,${cents(revenueCents(...AUG, "Mode"))}`);
    await expect(page.getByTestId("quality-rules").locator("tbody tr").first()).toBeVisible();
    await keepScreenshot(page, "analyst");

    const title = `Mode et al. ${Date.now()}`;
    await page.getByLabel(d.explorer.chartTitle).fill(title);
    await page.getByRole("button", { name: d.explorer.save }).click();
    const saved = page.getByTestId("saved-chart").filter({ hasText: title });
    await expect(saved).toBeVisible();
    await saved.getByRole("button", { name: d.explorer.remove }).click();
    await expect(saved).toHaveCount(0);
  });
});
