// The segments page and the segment CSV export over real HTTP, on the hand-made orders of
// lib/segments/testing/segments-fixture.ts (scores, segments and cohorts worked out by hand in
// lib/segments/segments.db.test.ts), loaded into silver and rebuilt by the pipeline's step.
import { expect, test } from "@playwright/test";
import { createPool } from "../lib/db/pool";
import { formatDate, formatKpiValue } from "../lib/format";
import { fr } from "../lib/i18n/messages";
import { buildSegments } from "../lib/segments/build-segments";
import { insertSegmentsFixture } from "../lib/segments/testing/segments-fixture";
import { storageStateOf } from "./roles";

const t = fr.segments;
const HEADER = "customer_key,segment,r,f,m,recency_days,last_order_date,orders,revenue";

test.beforeAll(async () => {
  const pool = createPool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    await insertSegmentsFixture(pool);
    await buildSegments(pool);
  } finally {
    await pool.end();
  }
});

test.describe("as marketing", () => {
  test.use({ storageState: storageStateOf("marketing") });

  test("sees segments, movement and cohorts with their figures", async ({ page }) => {
    await page.goto("/marketing/segments");
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByTestId("segments-as-of")).toHaveText(`${t.asOf} ${formatDate("2026-03-20", "fr")}`);
    const cell = (id: string) => page.getByTestId(id);
    await expect(cell("segment-total-customers")).toHaveText("7");
    await expect(cell("segment-champions-customers")).toHaveText("1");
    await expect(cell("segment-champions-revenue")).toHaveText(formatKpiValue("230.00", "eur", "fr"));
    await expect(cell("segment-loyal-customers")).toHaveText("2");
    await expect(cell("segment-loyal-revenue")).toHaveText(formatKpiValue("150.00", "eur", "fr"));
    await expect(cell("segment-hibernating-revenue")).toHaveText(formatKpiValue("305.00", "eur", "fr"));
    await expect(page.getByTestId("segment-rules").getByRole("row", { name: t.names.cannot_lose })).toContainText("4–5");
    // February → March: G went from Champions to Cannot lose them, B woke up, E is new.
    await expect(cell("move-champions-cannot_lose")).toHaveText("1");
    await expect(cell("move-hibernating-loyal")).toHaveText("1");
    await expect(cell("move-acquired-new")).toHaveText("1");
    await expect(cell("move-loyal-champions")).toHaveText("0");
    // January cohort (5 customers): 1 ordered in February, 2 in March; 755 € over 5 by March.
    await expect(cell("cohort-retention-2026-01-01-1")).toHaveText(formatKpiValue("0.2000", "ratio", "fr"));
    await expect(cell("cohort-retention-2026-01-01-2")).toHaveText(formatKpiValue("0.4000", "ratio", "fr"));
    await expect(cell("cohort-cumulativePerCustomer-2026-01-01-2")).toHaveText(formatKpiValue("151.00", "eur", "fr"));
    const curves = page.getByTestId("cohort-curves");
    await expect(curves.getByRole("row", { name: new RegExp(`^${t.cohorts.month.replace("+", "\\+")}2 `), includeHidden: true })).toContainText(formatKpiValue("151.00", "eur", "fr"));
  });

  test("exports a segment with pseudonymous keys only", async ({ page }) => {
    await page.goto("/marketing/segments");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: `${t.summary.exportLabel} ${t.names.hibernating}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("segment-hibernating-2026-03-01.csv");
    const res = await page.request.get("/api/v1/segments/hibernating/customers");
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(await res.text()).toBe(`${HEADER}\nC,hibernating,1,1,5,59,2026-01-20,1,300.00\n'-F,hibernating,1,1,1,77,2026-01-02,1,5.00\n`);
    expect((await page.request.get("/api/v1/segments/nobody/customers")).status()).toBe(404);
  });
});

test.describe("as admin (pii:read)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("exports clear email and name, formula cells neutralised", async ({ page }) => {
    const res = await page.request.get("/api/v1/segments/hibernating/customers?month=2026-02-01");
    expect(await res.text()).toBe(`${HEADER},email,name\nB,hibernating,2,1,2,49,2026-01-10,1,20.00,,\n'-F,hibernating,1,1,1,57,2026-01-02,1,5.00,'+33@example.test,'@Fabien Roux\n`);
  });

  test("an API token gets clear PII only with the pii:read scope", async ({ page, playwright, baseURL }) => {
    const csvWith = async (scopes: string[]) => {
      const created = await page.request.post("/api/v1/tokens", { data: { name: `segments ${scopes.join(" ")}`, scopes } });
      expect(created.status()).toBe(201);
      const { token } = await created.json();
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const res = await api.get("/api/v1/segments/new/customers");
      const body = await res.text();
      await api.dispose();
      return body;
    };
    expect(await csvWith(["segments:export"])).toBe(`${HEADER}\nE,new,4,1,1,19,2026-03-01,1,10.00\n`);
    expect(await csvWith(["segments:export", "pii:read"])).toBe(`${HEADER},email,name\nE,new,4,1,1,19,2026-03-01,1,10.00,,\n`);
  });
});

test.describe("as analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("sees the segments but cannot export them", async ({ page }) => {
    await page.goto("/marketing/segments");
    await expect(page.getByTestId("segment-total-customers")).toHaveText("7");
    await expect(page.getByRole("link", { name: new RegExp(t.summary.exportLabel) })).toHaveCount(0);
    expect((await page.request.get("/api/v1/segments/champions/customers")).status()).toBe(403);
  });
});

test.describe("as finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("is refused the segments page", async ({ page }) => {
    expect((await page.goto("/marketing/segments"))?.status()).toBe(403);
  });
});
