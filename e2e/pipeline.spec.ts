// An admin starts a pipeline run from the Pipeline page, follows it live to its end, then opens
// it and sees its steps. On an empty database a run with nothing to do still ends in success.
import { expect, test } from "@playwright/test";
import { fr } from "../lib/i18n/messages";
import { storageStateOf } from "./roles";

const t = fr.pipeline;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "Exécution n° {id} terminée : {status} en {duration}." as a pattern capturing id and status. */
const ended = new RegExp(
  escape(t.runNow.ended)
    .replace(escape("{id}"), "(\\d+)")
    .replace(escape("{status}"), "(.+?)")
    .replace(escape("{duration}"), ".+"),
);

test.describe("as admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("runs the pipeline now, follows it live and opens its steps", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/admin/pipeline");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    const form = page.getByRole("region", { name: t.runNow.title });
    await expect(form.getByLabel(t.runNow.full)).not.toBeChecked();
    await expect(form.getByLabel(t.runNow.from)).toHaveValue("");
    await form.getByRole("button", { name: t.runNow.submit }).click();

    const status = form.getByRole("status");
    await expect(status).toHaveText(ended, { timeout: 150_000 });
    const [, id, outcome] = (await status.textContent())!.match(ended)!;
    expect(outcome).toBe(t.statuses.SUCCESS);
    await expect(form.getByTestId("live-run")).toHaveAttribute("data-status", "SUCCESS");

    // The refreshed table lists the run; its link opens the details.
    const row = page.getByTestId(`run-${id}`);
    await expect(row).toContainText(t.statuses.SUCCESS);
    await expect(row).toContainText(t.triggers.manual);
    await row.getByRole("link", { name: t.open.replace("{id}", id) }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]run=${id}\\b`));
    const detail = page.getByTestId("run-detail");
    await expect(detail.getByRole("heading", { name: t.detailTitle.replace("{id}", id) })).toBeVisible();
    const steps = detail.getByRole("table", { name: t.stepsTitle });
    for (const name of ["silver", "quality", "gold", "retention"] as const) {
      const step = steps.getByTestId(`step-${name}`);
      await expect(step.getByRole("rowheader")).toHaveText(t.steps[name]);
      await expect(step).toContainText(t.statuses.SUCCESS);
    }
    await expect(detail.getByRole("img", { name: new RegExp(escape(t.timelineLabel.replace("{id}", id))) })).toBeVisible();
    await expect(page.getByRole("region", { name: t.quarantineTitle })).toBeVisible();
  });

  test("refuses an invalid run request, naming the parameter", async ({ page }) => {
    const res = await page.request.post("/api/v1/pipeline/runs", { data: { from: "2024-02-30" } });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.message).toContain("from");
  });
});

test.describe("as finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("is refused the Pipeline page", async ({ page }) => {
    const response = await page.goto("/admin/pipeline");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: fr.forbidden.title })).toBeVisible();
  });
});
