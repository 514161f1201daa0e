// An admin creates a user, changes the role, deactivates the account; the user's access follows.
import { expect, test, type Page } from "@playwright/test";
import { fr } from "../lib/i18n/messages";
import { storageStateOf } from "./roles";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(fr.login.email).fill(email);
  await page.getByLabel(fr.login.password).fill(password);
  await page.getByRole("button", { name: fr.login.submit }).click();
}

test("admin manages a user's lifecycle", async ({ browser }) => {
  const email = `new.user.${Date.now()}@example.test`;
  const password = "correct horse battery";
  const admin = await browser.newPage({ storageState: storageStateOf("admin") });
  await admin.goto("/admin/users");
  const create = admin.getByRole("region", { name: fr.users.create });
  await create.getByLabel(fr.users.name).fill("Nina Nouvelle");
  await create.getByLabel(fr.users.email).fill(email);
  await create.getByLabel(fr.users.role).selectOption("finance");
  await create.getByLabel(fr.users.password).fill(password);
  await create.getByRole("button", { name: fr.users.create }).click();
  await expect(create.getByRole("status")).toHaveText(fr.users.created);
  const row = admin.getByTestId(`user-${email}`);
  await expect(row).toContainText(fr.users.active);

  const user = await browser.newPage();
  await signIn(user, email, password);
  await expect(user).toHaveURL(/\/finance$/);

  // Role change takes effect on the user's next request, without signing in again.
  await row.getByLabel(new RegExp(fr.users.role)).selectOption("marketing");
  await row.getByRole("button", { name: fr.users.changeRole }).click();
  // The select shows "marketing" as soon as it is picked; the saved change is what the status confirms.
  await expect(row.getByRole("status")).toHaveText(fr.users.updated);
  await expect(row.getByLabel(new RegExp(fr.users.role))).toHaveValue("marketing");
  expect((await user.goto("/finance"))?.status()).toBe(403);
  expect((await user.goto("/marketing"))?.status()).toBe(200);

  await row.getByRole("button", { name: fr.users.deactivate }).click();
  await expect(row).toContainText(fr.users.inactive);
  await user.goto("/marketing");
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, email, password);
  await expect(user.locator("form [role=alert]")).toHaveText(fr.login.invalid);
});

test("an admin cannot deactivate themself", async ({ browser }) => {
  const admin = await browser.newPage({ storageState: storageStateOf("admin") });
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-admin@demo.local");
  await row.getByRole("button", { name: fr.users.deactivate }).click();
  await expect(row.getByRole("alert")).toContainText("cannot deactivate yourself");
  await expect(row).toContainText(fr.users.active);
});
