// The KPI layer over hand-written gold rows: ISO weeks across a year end (2026 has 53 ISO weeks),
// months, the previous period, ratios computed from sums, and the permission check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import type { CurrentUser } from "../auth/current-user";
import { ADMIN } from "../pipeline/testing/pipeline-run";
import { getKpiSeries } from "./get-kpi-series";
import type { Grain } from "./kpi-sql";
import { getKpi } from "./registry";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // day, channel, orders, revenue, units, cost
  await db.pool.query(`INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES
    ('2026-12-27', 'web', 1,  7.00, 0, 0, 1,  3.00),  -- Sunday: ISO 2026-W52
    ('2026-12-31', 'web', 1, 10.00, 0, 0, 2,  4.00),  -- Thursday: 2026-W53 (Monday 28 December)
    ('2027-01-01', 'web', 2, 30.00, 0, 0, 3, 12.00),  -- Friday: still 2026-W53
    ('2027-01-01', 'app', 1,  5.00, 0, 0, 1,  1.00),
    ('2027-01-04', 'app', 3,  9.00, 0, 0, 3,  0.00)   -- Monday: 2027-W01`);
});
afterAll(() => db?.drop());

const series = (id: string, from: string, to: string, grain: Grain, actor: CurrentUser = ADMIN) =>
  getKpiSeries(db.pool, actor, getKpi(id)!, { from, to, grain, by: null });

describe("getKpiSeries over gold rows", () => {
  it("labels ISO weeks with the ISO year: 1 January 2027 is in 2026-W53", async () => {
    const r = await series("revenue", "2026-12-27", "2027-01-04", "week");
    expect(r.series).toEqual([
      { period: "2026-W52", value: "7.00" },
      { period: "2026-W53", value: "45.00" }, // 10 + 30 + 5
      { period: "2027-W01", value: "9.00" },
    ]);
    expect(r.total).toBe("61.00"); // 7 + 45 + 9
  });

  it("computes ratios from the period's sums, not as averages of daily ratios", async () => {
    const r = await series("aov", "2026-12-27", "2027-01-04", "month");
    expect(r.series).toEqual([
      { period: "2026-12", value: "8.50" }, // (7 + 10) / (1 + 1)
      { period: "2027-01", value: "7.33" }, // (30 + 5 + 9) / (2 + 1 + 3) = 44 / 6 = 7.333…
    ]);
    expect(r.total).toBe("7.63"); // 61 / 8 = 7.625 → 7.63 (numeric rounds half away from zero)
  });

  it("compares with the same number of days just before", async () => {
    const r = await series("revenue", "2027-01-01", "2027-01-04", "day");
    expect(r.series).toEqual([
      { period: "2027-01-01", value: "35.00" },
      { period: "2027-01-04", value: "9.00" },
    ]);
    // 4 days → 28–31 December: only the 31st has sales
    expect(r.previous).toEqual({ from: "2026-12-28", to: "2026-12-31", total: "10.00" });
  });

  it("margin is revenue − cost over the range", async () => {
    expect((await series("margin", "2026-12-27", "2027-01-04", "month")).total).toBe("41.00"); // 61 − (3 + 4 + 12 + 1 + 0)
  });

  it("refuses a user without kpi:read", async () => {
    const nobody = { ...ADMIN, role: null } as unknown as CurrentUser;
    await expect(series("revenue", "2027-01-01", "2027-01-04", "day", nobody)).rejects.toThrow(/kpi:read/);
  });
});
