// The generated dataset's ground truth (written by the generator, independent of the
// pipeline), summed the way each KPI is defined, for the dashboard specs to compare with.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { GroundTruthManifest } from "../../lib/generator/manifest";
import { formatKpiValue } from "../../lib/format";

export const truth = (): GroundTruthManifest => JSON.parse(readFileSync(process.env.E2E_TRUTH!, "utf8"));

const days = (from: string, to: string) => truth().daily.filter((d) => d.date >= from && d.date <= to);

/** Revenue in cents over [from, to], optionally of one category. */
export const revenueCents = (from: string, to: string, category?: string) =>
  days(from, to).reduce((s, d) => s + (category ? d.revenueCentsByCategory[category] : d.revenueCents), 0);
export const orders = (from: string, to: string) => days(from, to).reduce((s, d) => s + d.ordersPlaced - d.ordersCancelled, 0);
export const units = (from: string, to: string) => days(from, to).reduce((s, d) => s + d.units, 0);

/** Cents as the decimal string the screens format (exact, no float). */
export const cents = (c: number) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
export const eur = (c: number, locale: "fr" | "en" = "fr") => formatKpiValue(cents(c), "eur", locale);
export const count = (n: number, locale: "fr" | "en" = "fr") => formatKpiValue(String(n), "count", locale);

/** A period of the dataset, as dashboard URL params. */
export const range = (from: string, to: string, extra = "") => `range=custom&from=${from}&to=${to}${extra ? `&${extra}` : ""}`;

/** Full-page screenshot kept as a CI artifact (e2e-screenshots/). */
export async function keepScreenshot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(import.meta.dirname, "../../e2e-screenshots", `${name}.png`), fullPage: true });
}
