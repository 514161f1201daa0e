import { describe, expect, it } from "vitest";
import { filtersToSearch, parseFilters, presetRange } from "./date-range";

describe("dashboard date ranges", () => {
  const anchor = "2026-03-10"; // a Tuesday

  it("anchors presets on the last day with data", () => {
    expect(presetRange("yesterday", anchor)).toEqual({ from: "2026-03-10", to: "2026-03-10" });
    expect(presetRange("7d", anchor)).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(presetRange("30d", anchor)).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(presetRange("90d", anchor)).toEqual({ from: "2025-12-11", to: "2026-03-10" });
    expect(presetRange("mtd", anchor)).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(presetRange("ytd", anchor)).toEqual({ from: "2026-01-01", to: "2026-03-10" });
  });

  it("compares with the period of the same length just before", () => {
    const f = parseFilters({ range: "mtd" }, anchor);
    expect(f.previous).toEqual({ from: "2026-02-19", to: "2026-02-28" });
  });

  it("reads a custom range, swapping reversed bounds, and keeps category and channel", () => {
    const f = parseFilters({ range: "custom", from: "2026-02-10", to: "2026-02-01", grain: "week", category: "Maison", channel: "web" }, anchor);
    expect(f).toMatchObject({ preset: "custom", from: "2026-02-01", to: "2026-02-10", grain: "week", category: "Maison", channel: "web" });
    expect(filtersToSearch(f)).toBe("range=custom&from=2026-02-01&to=2026-02-10&grain=week&category=Maison&channel=web");
  });

  it("falls back to the defaults on anything invalid", () => {
    const f = parseFilters({ range: "forever", grain: "hour", from: "x", category: "" }, anchor);
    expect(f).toMatchObject({ preset: "30d", from: "2026-02-09", to: "2026-03-10", grain: "day", category: null });
    expect(parseFilters({ range: "custom", from: "2026-02-30", to: "2026-03-01" }, anchor).preset).toBe("30d");
    expect(parseFilters({}, anchor, { range: "90d", grain: "week" })).toMatchObject({ preset: "90d", grain: "week" });
  });
});
