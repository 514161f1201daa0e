// The anomaly step end to end on a small gold table: a constructed daily series (weekly rhythm,
// deterministic ±2% wobble) with one tripled day and a promotion week, raised once as an alert
// with its context, and nothing new on a re-run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import { ForbiddenError } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { deleteThreshold, listThresholds, saveThreshold } from "./manage-thresholds";
import { raiseAnomalyAlerts } from "./raise-anomaly-alerts";

let db: TestDatabase;
const WEEKLY = [1.15, 1.1, 1.02, 0.98, 0.95, 0.9, 0.86];
const day = (i: number) => new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10); // 2026-03-01, a Sunday
const orders = (i: number) => Math.round(200 * WEEKLY[i % 7] * (1 + 0.02 * Math.sin(i * 1.7)) * (i === 80 ? 3 : 1) * (i >= 60 && i < 65 ? 2 : 1));

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 0; i < 100; i++) {
    await db.pool.query("INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES ($1, 'web', $2, $2 * 50, 0, 0, $2, 0)", [day(i), orders(i)]);
  }
  // A promotion on days 60–64 (ends_at exclusive, Paris midnight): its doubled days are not anomalies.
  await db.pool.query(
    `INSERT INTO silver_promotions (promo_id, name, code, kind, value, starts_at, ends_at, scope_type, scope_value, src_file_id, src_line)
     VALUES ('P1', 'Printemps', 'SPRING', 'percent', 20, ($1::date)::timestamp AT TIME ZONE 'Europe/Paris', ($2::date)::timestamp AT TIME ZONE 'Europe/Paris', 'all', NULL, 1, 1)`,
    [day(60), day(65)],
  );
});
afterAll(() => db?.drop());

describe("anomaly alerts", () => {
  it("raises the tripled day for orders and revenue, with expected value, range and chart", async () => {
    const r = await raiseAnomalyAlerts(db.pool, null, "Europe/Paris");
    expect(r.raised).toHaveLength(2);
    const { rows } = await db.pool.query("SELECT key, day::text, observed::float AS observed, expected::float AS expected, expected_low::float AS low, expected_high::float AS high, context FROM alert ORDER BY key");
    expect(rows.map((a) => a.key)).toEqual([`anomaly:orders:total::${day(80)}`, `anomaly:revenue:total::${day(80)}`]);
    const o = rows[0];
    expect(o.observed).toBe(orders(80));
    // An ordinary day 80 (a Wednesday): 200 × 0.98 × (1 + 0.02 sin(136)) ≈ 196.
    expect(Math.abs(o.expected - 196) / 196).toBeLessThan(0.04);
    expect(o.low).toBeLessThan(o.expected);
    expect(o.high).toBeLessThan(o.observed);
    expect(o.context.direction).toBe("spike");
    expect(o.context.series.map((p: { day: string }) => p.day)).toContain(day(80));
    expect(o.context.series.find((p: { day: string }) => p.day === day(80)).value).toBe(orders(80));
  });

  it("raises nothing new on a re-run", async () => {
    expect((await raiseAnomalyAlerts(db.pool, null, "Europe/Paris")).raised).toEqual([]);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM alert")).rows[0].n).toBe(2);
  });

  it("honours an admin's threshold: orders judged on drops only, then back to the default", async () => {
    const admin = { id: "00000000-0000-4000-8000-000000000001", role: "admin" } as CurrentUser;
    const finance = { id: "00000000-0000-4000-8000-000000000002", role: "finance" } as CurrentUser;
    await expect(saveThreshold(db.pool, finance, { metric: "orders", scopeType: "total", scopeValue: "", direction: "drops" })).rejects.toBeInstanceOf(ForbiddenError);
    await saveThreshold(db.pool, admin, { metric: "orders", scopeType: "total", scopeValue: "", direction: "drops" });
    expect((await listThresholds(db.pool, admin)).rows).toEqual([
      { metric: "orders", scopeType: "total", scopeValue: "", sensitivity: null, minAbsChange: undefined, minRelChange: null, direction: "drops", minHistoryDays: null },
    ]);
    await db.pool.query("DELETE FROM alert");
    await raiseAnomalyAlerts(db.pool, null, "Europe/Paris");
    expect((await db.pool.query("SELECT key FROM alert ORDER BY key")).rows.map((r) => r.key)).toEqual([`anomaly:revenue:total::${day(80)}`]);
    expect(await deleteThreshold(db.pool, admin, { metric: "orders", scopeType: "total", scopeValue: "" })).toBe(true);
    expect((await raiseAnomalyAlerts(db.pool, null, "Europe/Paris")).raised).toHaveLength(1);
  });
});
