// Logs in once per role through the real login form and saves each session for the specs.
import { expect, test as setup } from "@playwright/test";
import { ROLE_HOME } from "../lib/navigation";
import { DEMO_PASSWORD, emailOf, ROLES, storageStateOf } from "./roles";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(/e-mail|email/i).fill(emailOf(role));
    await page.getByLabel(/mot de passe|password/i).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /se connecter|sign in/i }).click();
    await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[role]}$`));
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
