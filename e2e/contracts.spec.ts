// Analysts can read the source data contracts in the app; roles without datasets:read get a 403.
import { expect, test } from "@playwright/test";
import { fr } from "../lib/i18n/messages";
import { ORDER_STATUSES } from "../lib/pipeline/contracts/orders";
import { CONTRACTS, SOURCES } from "../lib/pipeline/contracts";
import { storageStateOf } from "./roles";

test.describe("as analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("reads every source contract, with columns, allowed values and rules", async ({ page }) => {
    const response = await page.goto("/contracts");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: fr.contracts.title })).toBeVisible();
    await expect(page.getByRole("navigation", { name: fr.nav.mainNavigation }).getByRole("link", { name: fr.nav.contracts })).toHaveAttribute(
      "aria-current",
      "page",
    );

    // The table of contents links to one section per source.
    const toc = page.getByRole("navigation", { name: fr.contracts.toc });
    await expect(toc.getByRole("link")).toHaveText(SOURCES.map(String));
    for (const source of SOURCES) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${source} \\(v${CONTRACTS[source].def.version}\\)$`) })).toBeVisible();
    }

    await toc.getByRole("link", { name: "orders", exact: true }).click();
    await expect(page).toHaveURL(/\/contracts#contract-orders$/);
    const orders = page.getByRole("region", { name: "orders (v1)" });
    await expect(orders.getByRole("columnheader", { name: fr.contracts.checks })).toBeVisible();
    const versionColumn = orders.locator("dt", { hasText: fr.contracts.versionColumn }).locator("xpath=following-sibling::dd[1]");
    await expect(versionColumn).toHaveText("updated_at");

    const status = orders.getByTestId("column-orders-status");
    await expect(status.getByRole("rowheader")).toHaveText("status");
    await expect(status.getByRole("cell").first()).toHaveText("enum");
    // Read from lib/pipeline/contracts/orders.ts by hand, and from the definition itself.
    await expect(status.getByRole("listitem")).toHaveText(["placed", "paid", "shipped", "delivered", "cancelled"]);
    await expect(status.getByRole("listitem")).toHaveText([...ORDER_STATUSES]);

    // A decimal with its checks, a PII column, and a dataset rule.
    await expect(orders.getByTestId("column-orders-shipping_amount")).toContainText(`${fr.contracts.min} 0`);
    await expect(orders.getByTestId("column-orders-shipping_amount")).toContainText(`2 ${fr.contracts.scale}`);
    await expect(orders.getByTestId("column-orders-customer_id").getByRole("cell").nth(3)).toHaveText("customer_id");
    const rule = orders.getByTestId("rule-orders.has_lines");
    await expect(rule).toContainText(fr.contracts.severityError);
    await expect(rule).toContainText(fr.contracts.scopeDataset);
    await expect(rule).toContainText("every order has at least one order_lines row");
  });
});

test.describe("as finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("is refused the contracts page", async ({ page }) => {
    const response = await page.goto("/contracts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: fr.forbidden.title })).toBeVisible();
  });
});
