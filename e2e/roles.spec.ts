// Every role lands on its own home, sees only its sections, and gets a 403 page elsewhere.
import { expect, test } from "@playwright/test";
import { ROLE_HOME, SECTIONS, sectionsFor } from "../lib/navigation";
import { fr } from "../lib/i18n/messages";
import { ROLES, storageStateOf } from "./roles";

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("lands on its home page with its sections only", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[role]}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const nav = page.getByRole("navigation", { name: fr.nav.mainNavigation });
      const expected = sectionsFor(role).map((s) => fr.nav[s.label]);
      await expect(nav.getByRole("link")).toHaveText(expected);
      // Not empty: until the pipeline lands, the first screen says how to get data in.
      await expect(page.getByRole("heading", { name: fr.empty.title })).toBeVisible();
      await expect(page.locator("main pre")).toContainText("npm run generate");
    });

    const forbidden = SECTIONS.filter((s) => !sectionsFor(role).includes(s));
    for (const section of forbidden) {
      test(`is refused ${section.href}`, async ({ page }) => {
        const response = await page.goto(section.href);
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { name: fr.forbidden.title })).toBeVisible();
      });
    }
    if (!forbidden.length) {
      test("opens every section", async ({ page }) => {
        for (const section of SECTIONS) expect((await page.goto(section.href))?.status(), section.href).toBe(200);
      });
    }
  });
}

test.describe("anonymous", () => {
  for (const section of SECTIONS) {
    test(`is sent to login from ${section.href}`, async ({ page }) => {
      await page.goto(section.href);
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(section.href)}$`));
      await expect(page.getByRole("heading", { name: fr.login.title })).toBeVisible();
    });
  }
});
