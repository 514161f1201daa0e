import { describe, expect, it } from "vitest";
import { kpiSeriesCsv } from "./kpi-series-csv";
import type { KpiSeries } from "./get-kpi-series";

const base = { kpi: "revenue", unit: "eur", grain: "day", from: "2026-10-01", to: "2026-10-02", filter: {}, total: null, previous: { from: "", to: "", total: null } } as const;

describe("kpiSeriesCsv", () => {
  it("writes period and value, negative numbers kept as numbers", () => {
    const s = { ...base, by: null, series: [{ period: "2026-10-01", value: "156.00" }, { period: "2026-10-02", value: "-20.00" }] } as unknown as KpiSeries;
    expect(kpiSeriesCsv(s)).toBe("period,revenue\r\n2026-10-01,156.00\r\n2026-10-02,-20.00\r\n");
  });

  it("names the dimension, quotes commas and neutralises formula-like keys", () => {
    const s = { ...base, by: "category", series: [{ period: "2026-10", key: "=HYPERLINK(1)", value: "1.00" }, { period: "2026-10", key: "Linge, bain", value: null }] } as unknown as KpiSeries;
    expect(kpiSeriesCsv(s)).toBe("period,category,revenue\r\n2026-10,'=HYPERLINK(1),1.00\r\n2026-10,\"Linge, bain\",\r\n");
  });
});
