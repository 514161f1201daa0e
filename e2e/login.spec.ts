// Sign-in failures: one generic message, then throttling; the language choice sticks per user.
import { expect, request, test, type Page } from "@playwright/test";
import { en, fr } from "../lib/i18n/messages";
import { storageStateOf } from "./roles";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(fr.login.email).fill(email);
  await page.getByLabel(fr.login.password).fill(password);
  await page.getByRole("button", { name: fr.login.submit }).click();
  return page.locator("form [role=alert]");
}

test("wrong password and unknown account get the same message, then throttling", async ({ page }) => {
  await page.goto("/login");
  await expect(await signIn(page, "finance@demo.local", "wrong-password")).toHaveText(fr.login.invalid);
  const target = `locked.${Date.now()}@example.test`;
  for (let i = 0; i < 5; i++) await expect(await signIn(page, target, "wrong-password")).toHaveText(fr.login.invalid);
  await expect(await signIn(page, target, "wrong-password")).toHaveText(fr.login.throttled);
});

test("the language switch persists for the user", async ({ page, baseURL }) => {
  // A user of its own, so other specs running in parallel keep seeing French.
  const email = `polyglot.${Date.now()}@example.test`;
  const admin = await request.newContext({ baseURL, storageState: storageStateOf("admin") });
  const created = await admin.post("/api/v1/users", { data: { email, name: "Polly Glot", role: "analyst", password: "long enough secret" } });
  expect(created.status()).toBe(201);
  await admin.dispose();

  await page.goto("/login");
  await signIn(page, email, "long enough secret");
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(fr.pages.analyst.title);
  await page.getByRole("button", { name: "en" }).click();
  await expect(h1).toHaveText(en.pages.analyst.title);
  await page.reload();
  await expect(h1).toHaveText(en.pages.analyst.title);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "fr" }).click();
  await expect(h1).toHaveText(fr.pages.analyst.title);
});
