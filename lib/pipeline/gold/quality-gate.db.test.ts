// The quality gate: a run whose new data breaks an error rule (an order line for an unknown
// sku) is FAILED and publishes nothing; gold keeps the previous figures until data is fixed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { allFixtureFiles, csvFile, line, order, payment } from "../testing/fixture";
import { goldChecksums, newInbox, runWith } from "../testing/pipeline-run";

let db: TestDatabase;
let inbox: string;
let published: Record<string, string | null>;
beforeAll(async () => {
  db = await createTestDatabase();
  inbox = await newInbox();
  expect((await runWith(db.pool, inbox, allFixtureFiles())).status).toBe("SUCCESS");
  published = await goldChecksums(db.pool);
});
afterAll(() => db?.drop());

// ORD-8 (C0000001, 5 October) sells 2 × SKU-09999 at 15.00, a sku the catalogue does not have.
const unknownSku = [
  csvFile("orders", "orders_2026-10-05.csv", [order(8, 1, "2026-10-05T11:00:00", "paid", "web", "4.90", "2026-10-05T11:01:00")]),
  csvFile("order_lines", "order_lines_2026-10-05.csv", [line(8, 1, 9999, 2, "15.00")]),
];

describe("quality gate", () => {
  let runId: string;

  it("fails the run when an order line's sku is unknown", async () => {
    const outcome = await runWith(db.pool, inbox, unknownSku);
    runId = outcome.runId;
    expect(outcome).toMatchObject({ status: "FAILED", qualityGate: "failed" });
    const run = await db.pool.query("SELECT status, quality_gate, error FROM pipeline_run WHERE id = $1", [runId]);
    expect(run.rows[0]).toMatchObject({ status: "FAILED", quality_gate: "failed" });
    expect(run.rows[0].error).toMatch(/quality gate/);

    const failing = await db.pool.query("SELECT rule_id, severity, failing_rows::int AS n, details FROM quality_result WHERE run_id = $1 AND NOT passed AND severity = 'error'", [runId]);
    expect(failing.rows.map((r) => [r.rule_id, r.n])).toEqual([["order_lines.sku_exists", 1]]);
    expect(failing.rows[0].details).toContain("ORD-00000008/1");
  });

  it("leaves gold exactly as the previous run published it, with the new day still waiting", async () => {
    const steps = await db.pool.query("SELECT name FROM pipeline_step WHERE run_id = $1 ORDER BY id", [runId]);
    expect(steps.rows.map((r) => r.name)).toEqual(["ingest", "silver-early", "silver", "quality"]);
    expect(await goldChecksums(db.pool)).toEqual(published);
    const waiting = await db.pool.query("SELECT key FROM gold_dirty WHERE kind = 'order_day'");
    expect(waiting.rows).toEqual([{ key: "2026-10-05" }]);
  });

  it("publishes the day once the missing product arrives", async () => {
    const product = csvFile("products", "products_2026-10-05.csv", [
      { sku: "SKU-09999", name: "Bougie", category: "Déco", brand: "Maison Test", unit_cost: "5.00", list_price: "15.00", active: "true", updated_at: "2026-10-05T07:00:00+02:00" },
    ]);
    const outcome = await runWith(db.pool, inbox, [product]);
    expect(outcome).toMatchObject({ status: "SUCCESS", qualityGate: "passed" });
    const sales = await db.pool.query("SELECT orders, revenue::text, units, cost::text FROM gold_sales_daily WHERE day = '2026-10-05'");
    expect(sales.rows).toEqual([{ orders: 1, revenue: "30.00", units: 2, cost: "10.00" }]); // 2 × 15.00; cost 2 × 5.00
    expect(await goldChecksums(db.pool, { gold_sales_daily: "day < '2026-10-05'", gold_product_daily: "day < '2026-10-05'" })).toMatchObject({
      gold_sales_daily: published.gold_sales_daily,
      gold_product_daily: published.gold_product_daily,
    });
  });
});

describe("captured payments against what the order is due (a warning)", () => {
  it("flags the order paid a wrong amount, not the one paid in two parts, nor the cancelled one, and still publishes", async () => {
    // Due = Σ(quantity × unit_price − discount) + shipping, SKU-00001 and SKU-00002 from the catalogue:
    // ORD-9: 2 × 30.00 − 5.00 + 4.90 = 59.90, 60.00 captured → flagged (0.10 too much).
    // ORD-10: 1 × 40.00 + 0.00 = 40.00, captured as 25.00 + 15.00, plus a failed 40.00 → matches.
    // ORD-11: cancelled, 1 × 40.00 + 4.90 = 44.90 due, 10.00 captured → not checked.
    const files = [
      csvFile("orders", "orders_2026-10-06.csv", [
        order(9, 1, "2026-10-06T10:00:00", "paid", "web", "4.90", "2026-10-06T10:01:00"),
        order(10, 2, "2026-10-06T11:00:00", "paid", "app", "0.00", "2026-10-06T11:01:00"),
        order(11, 2, "2026-10-06T12:00:00", "cancelled", "web", "4.90", "2026-10-06T12:01:00"),
      ]),
      csvFile("order_lines", "order_lines_2026-10-06.csv", [line(9, 1, 1, 2, "30.00", "5.00"), line(10, 1, 2, 1, "40.00"), line(11, 1, 2, 1, "40.00")]),
      csvFile("payments", "payments_2026-10-06.csv", [
        payment(90, 9, "card", "60.00", "captured", "2026-10-06T10:01:00"),
        payment(91, 10, "card", "25.00", "captured", "2026-10-06T11:01:00"),
        payment(92, 10, "paypal", "15.00", "captured", "2026-10-06T11:02:00"),
        payment(93, 10, "card", "40.00", "failed", "2026-10-06T11:00:30"),
        payment(94, 11, "card", "10.00", "captured", "2026-10-06T12:01:00"),
      ]),
    ];
    const outcome = await runWith(db.pool, inbox, files);
    expect(outcome).toMatchObject({ status: "SUCCESS", qualityGate: "passed" });
    const { rows } = await db.pool.query("SELECT severity, passed, failing_rows::int AS n, details FROM quality_result WHERE run_id = $1 AND rule_id = 'payments.captured_matches_order'", [outcome.runId]);
    expect(rows).toEqual([{ severity: "warning", passed: false, n: 1, details: expect.stringContaining("Examples: ORD-00000009") }]);
  });
});
