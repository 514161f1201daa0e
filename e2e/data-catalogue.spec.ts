// The data catalogue and the token page as a data scientist uses them: every dataset listed
// with its columns, a CSV downloaded from the form, a token created (shown once), used, revoked.
import { readFile } from "node:fs/promises";
import { expect, request, test } from "@playwright/test";
import { OPERATIONS } from "../lib/api/openapi/operations";
import { DATASETS } from "../lib/datasets/registry";
import { fr } from "../lib/i18n/messages";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("data_scientist") });

test("the catalogue lists every dataset and downloads a CSV from the form", async ({ page }) => {
  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1, name: fr.data.catalogue.title })).toBeVisible();
  for (const ds of DATASETS) await expect(page.getByTestId(`dataset-${ds.id}`)).toContainText(ds.title.fr);
  const card = page.getByTestId("dataset-customer_features");
  await card.getByText(fr.data.catalogue.columns).click();
  await expect(card.getByRole("cell", { name: "recency_days" })).toBeVisible();
  // No clear personal data for a data scientist: neither the columns nor the option.
  const customers = page.getByTestId("dataset-customers");
  await expect(customers.getByRole("cell", { name: "first_name", exact: true })).toHaveCount(0);
  await expect(customers.getByLabel(fr.data.catalogue.pii)).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByTestId("dataset-orders").getByRole("button", { name: fr.data.catalogue.download }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("orders.csv");
  expect((await readFile(await file.path(), "utf8")).split("\n")[0]).toBe("order_id,customer_id,ordered_at,order_date,status,channel,currency,shipping_amount,promo_code");
});

test("the API reference shows every documented route", async ({ page }) => {
  await page.goto("/data/api");
  await expect(page.getByRole("heading", { level: 1, name: fr.data.reference.title })).toBeVisible();
  // One card per documented operation, headed by its method and path.
  await expect(page.getByRole("heading", { level: 2, name: /\/api\/v1\// })).toHaveCount(OPERATIONS.length);
  for (const op of OPERATIONS) await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${op.method}\\s*/api/v1${op.path.replace(/[{}]/g, "\\$&")}$`, "i") })).toBeVisible();
  await expect(page.getByRole("table", { name: `${fr.data.reference.parameters} /forecasts/series` }).getByRole("columnheader", { name: fr.data.reference.description })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
});

test("a token is created on the page, shown once, works, and is revoked", async ({ page, baseURL }) => {
  await page.goto("/tokens");
  await page.getByLabel(fr.data.tokens.name).fill("notebook");
  await page.getByLabel("datasets:read").check();
  await expect(page.getByLabel("pii:read")).toHaveCount(0);
  await page.getByRole("button", { name: fr.data.tokens.create }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^eat_/);
  const api = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await api.get("/api/v1/datasets")).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("table", { name: fr.data.tokens.requests })).toContainText("GET /api/v1/datasets");
  await page.getByTestId("token-notebook").getByRole("button", { name: fr.data.tokens.revoke }).click();
  await expect(page.getByTestId("token-notebook")).toContainText(fr.data.tokens.revoked);
  expect((await api.get("/api/v1/datasets")).status()).toBe(401);
});
