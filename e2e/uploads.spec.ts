// An admin uploads exports through the browser: progress, summary with the rejected lines,
// rejects as CSV, duplicate detection, and a foreign file mapped to the orders contract once.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { fr } from "../lib/i18n/messages";
import { CONTRACTS } from "../lib/pipeline/contracts";
import { ORDER_CHANNELS, ORDER_STATUSES } from "../lib/pipeline/contracts/orders";
import { storageStateOf } from "./roles";

const t = fr.uploads;
test.use({ storageState: storageStateOf("admin") });

// Unique per run so that reruns against the same database are not duplicates.
const stamp = Date.now();
const runDigits = String(stamp % 1_000_000).padStart(6, "0");
const orderId = (series: number, i: number) => `ORD-${(Number(runDigits) * 100 + series * 50 + i).toString().padStart(8, "0").slice(-8)}`;
const customerId = (i: number) => `C${String((stamp + i) % 10_000_000).padStart(7, "0")}`;
const two = (n: number) => String(n).padStart(2, "0");

/** One valid orders row, by contract column; `bad` overrides some values. */
function orderValues(i: number, bad: Record<string, string> = {}): Record<string, string> {
  return {
    order_id: orderId(0, i),
    customer_id: customerId(i),
    ordered_at: `2026-10-01T10:${two(i)}:00+02:00`,
    status: ORDER_STATUSES[i % ORDER_STATUSES.length],
    channel: ORDER_CHANNELS[i % ORDER_CHANNELS.length],
    currency: "EUR",
    shipping_amount: i % 3 === 0 ? "0.00" : "4.90",
    promo_code: "",
    updated_at: `2026-10-02T09:${two(i)}:00+02:00`,
    ...bad,
  };
}

function ordersCsv(rows: Record<string, string>[]): string {
  const columns = CONTRACTS.orders.columnNames;
  const line = (row: Record<string, string>) =>
    columns
      .map((c) => {
        if (!(c in row)) throw new Error(`test data has no value for orders.${c}`);
        return row[c];
      })
      .join(",");
  return [columns.join(","), ...rows.map(line)].join("\n") + "\n";
}

async function upload(page: Page, file: { name: string; content: string }, source = "") {
  const form = page.getByRole("region", { name: t.formTitle });
  await form.getByRole("combobox", { name: t.source, exact: true }).selectOption(source);
  await form.getByLabel(t.file, { exact: true }).setInputFiles({ name: file.name, mimeType: "text/csv", buffer: Buffer.from(file.content, "utf8") });
  await form.getByRole("button", { name: t.submit, exact: true }).click();
}

test("upload with bad rows: progress, summary, rejects CSV, then duplicate", async ({ page }) => {
  // 20 rows; data row k (0-based) is on line k + 2 (line 1 is the header).
  const BAD_AMOUNT = 4; // line 6
  const BAD_STATUS = 12; // line 14
  const rows = Array.from({ length: 20 }, (_, i) =>
    orderValues(i, i === BAD_AMOUNT ? { shipping_amount: "-4.90" } : i === BAD_STATUS ? { status: "unknown" } : {}),
  );
  const file = { name: `orders_e2e_${stamp}.csv`, content: ordersCsv(rows) };

  await page.goto("/admin/uploads");
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await upload(page, file);

  const progress = page.getByRole("progressbar", { name: t.progressLabel });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });

  const summary = page.getByRole("region", { name: t.summaryTitle });
  await expect(summary.getByTestId("upload-status")).toHaveText(t.statuses.loaded);
  await expect(summary.getByTestId("rows-read")).toHaveText("20");
  await expect(summary.getByTestId("rows-loaded")).toHaveText("18");
  await expect(summary.getByTestId("rows-rejected")).toHaveText("2");

  const rejected = summary.getByRole("table", { name: t.firstRejected });
  const bodyRows = rejected.locator("tbody tr");
  await expect(bodyRows).toHaveCount(2);
  await expect(bodyRows.nth(0).locator("td")).toHaveText(["6", "shipping_amount", /below minimum 0/]);
  await expect(bodyRows.nth(1).locator("td")).toHaveText(["14", "status", /not one of/]);

  const [download] = await Promise.all([page.waitForEvent("download"), summary.getByRole("link", { name: t.downloadRejects }).click()]);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toMatch(/^6,shipping_amount,/m);
  expect(csv).toMatch(/^14,status,/m);

  // The list of received files shows it (the page refreshes after the result).
  const recent = page.getByRole("table", { name: t.recentTitle });
  await expect(recent).toContainText(file.name);

  // The same content again is recognised and not loaded twice.
  await upload(page, file);
  await expect(summary.getByTestId("upload-status")).toHaveText(t.statuses.duplicate, { timeout: 30_000 });
  await expect(summary.getByTestId("upload-message")).toContainText("Same content");
  await expect(summary.getByRole("link", { name: t.downloadRejects })).toHaveCount(0);
});

test("a foreign file is refused, its columns are mapped once, then it loads", async ({ page }) => {
  // A French export: other column names, ';' separator, decimal comma, dd/mm/yyyy dates, and a
  // column unique to this run so that a mapping saved by an earlier run does not match it.
  const extra = `lot_${stamp}`;
  const foreign: Record<string, string> = {
    order_id: "numero_commande",
    customer_id: "client",
    ordered_at: "date_commande",
    status: "statut",
    channel: "canal",
    currency: "devise",
    shipping_amount: "frais_port",
    promo_code: "code_promo",
    updated_at: "date_maj",
  };
  const header = [...Object.values(foreign), extra];
  const rows = Array.from({ length: 5 }, (_, i) =>
    [orderId(1, i), customerId(100 + i), `01/10/2026 1${i}:15`, "paid", "web", "EUR", i % 2 ? "4,90" : "0,00", "", `02/10/2026 0${i}:30`, "A"].join(";"),
  );
  const file = { name: `commandes_${stamp}.csv`, content: [header.join(";"), ...rows].join("\n") + "\n" };

  await page.goto("/admin/uploads");
  await upload(page, file, "orders");
  const summary = page.getByRole("region", { name: t.summaryTitle });
  await expect(summary.getByTestId("upload-status")).toHaveText(t.statuses.rejected, { timeout: 30_000 });
  await expect(summary.getByTestId("upload-message")).toContainText("missing required orders columns");
  await expect(summary.getByTestId("upload-message")).toContainText("order_id");

  // The mapping panel opens by itself with the file's columns to choose from.
  const mapping = page.getByRole("region", { name: t.mapping.title });
  await expect(mapping.getByLabel("order_id", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(mapping.getByLabel(t.mapping.source)).toHaveValue("orders");
  for (const [column, fileColumn] of Object.entries(foreign)) {
    await mapping.getByLabel(column, { exact: true }).selectOption(fileColumn);
  }
  await mapping.getByLabel(t.mapping.decimalSeparator).selectOption(",");
  await mapping.getByLabel(t.mapping.dateFormat).selectOption("dmy");
  await mapping.getByRole("button", { name: t.mapping.preview, exact: true }).click();

  // The first rows as they will be parsed: every mapped value, no issue.
  const preview = mapping.getByRole("table", { name: t.mapping.previewTitle });
  await expect(preview.locator("tbody tr")).toHaveCount(5);
  await expect(preview.locator("tbody tr").first()).toContainText(orderId(1, 0));
  await expect(preview.locator("tbody tr").filter({ hasText: t.mapping.noIssue })).toHaveCount(5);

  await mapping.getByRole("button", { name: t.mapping.save }).click();
  await expect(mapping.getByRole("status")).toHaveText(t.mapping.saved);

  // Uploaded again, the saved mapping is applied by the server.
  await mapping.getByRole("button", { name: t.mapping.uploadAgain }).click();
  await expect(summary.getByTestId("upload-status")).toHaveText(t.statuses.loaded, { timeout: 30_000 });
  await expect(summary.getByTestId("rows-read")).toHaveText("5");
  await expect(summary.getByTestId("rows-loaded")).toHaveText("5");
  await expect(summary.getByTestId("rows-rejected")).toHaveText("0");
});
