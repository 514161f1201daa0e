// Stock alerts shared by a team: supply chain acknowledges one with a comment, and an admin who
// already has the alerts page open sees it acknowledged — who and the comment — without reloading.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { fr } from "../lib/i18n/messages";
import { storageStateOf } from "./roles";

let alertId: string;
test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const key = `stock_out:E2E-SKU-${Date.now()}:2026-11-20`;
  const { rows } = await client.query<{ id: string }>(
    "INSERT INTO alert (key, kind, day, scope_type, scope_value, observed, expected) VALUES ($1, 'stock_out', '2026-11-20', 'sku', 'E2E-SKU', 0, 5) RETURNING id::text",
    [key],
  );
  alertId = rows[0].id;
  await client.end();
});

test("a supply-chain user acknowledges a stock alert and an admin sees it acknowledged", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const supply = await browser.newContext({ storageState: storageStateOf("supply_chain") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/alerts");
  const seenByAdmin = adminPage.locator(`li[data-alert-id="${alertId}"]`);
  await expect(seenByAdmin).toContainText("E2E-SKU en rupture depuis le 20 novembre 2026");
  await expect(seenByAdmin).toHaveAttribute("data-status", "open");

  const supplyPage = await supply.newPage();
  await supplyPage.goto("/alerts");
  const item = supplyPage.locator(`li[data-alert-id="${alertId}"]`);
  await item.getByLabel(fr.alerts.feed.commentOptional).fill("Fournisseur relancé");
  await item.getByRole("button", { name: fr.alerts.feed.acknowledge }).click();
  await expect(item).toContainText("Prise en compte par Sacha Supply");

  // No reload: the admin's feed polls.
  await expect(seenByAdmin).toHaveAttribute("data-status", "acknowledged", { timeout: 45_000 }); // polls every 10 s; generous on a loaded machine
  await expect(seenByAdmin).toContainText("Prise en compte par Sacha Supply");
  await expect(seenByAdmin).toContainText("Fournisseur relancé");
  await admin.close();
  await supply.close();
});

test("finance sees no stock alert and cannot acknowledge", async ({ browser }) => {
  const finance = await browser.newContext({ storageState: storageStateOf("finance") });
  const page = await finance.newPage();
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: fr.alerts.feed.title, level: 2 })).toBeVisible();
  await expect(page.locator(`li[data-alert-id="${alertId}"]`)).toHaveCount(0);
  const res = await page.request.post(`/api/v1/alerts/${alertId}/acknowledge`, { data: {} });
  expect(res.status()).toBe(403);
  await finance.close();
});

test("an admin sets a threshold for one category and can remove it", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  const t = fr.alerts.thresholds;
  await page.goto("/admin/alert-thresholds");
  const form = page.getByRole("form", { name: t.title });
  const field = (label: string) => form.getByLabel(label, { exact: true });
  await field(t.metric).selectOption("revenue");
  await field(t.scope).selectOption("category");
  await field(t.scopeValue).fill("E2E-Mode");
  await field(t.sensitivity).fill("4,5");
  await field(t.minRel).fill("40");
  await field(t.direction).selectOption("drops");
  await form.getByRole("button", { name: t.save }).click();
  const row = page.getByRole("table", { name: t.title }).getByRole("row").filter({ hasText: "E2E-Mode" });
  await expect(row).toContainText("4.5");
  await expect(row).toContainText("40 %");
  await expect(row).toContainText(t.directions.drops);
  await row.getByRole("button", { name: t.remove }).click();
  await expect(row).toHaveCount(0);
  await admin.close();
});
