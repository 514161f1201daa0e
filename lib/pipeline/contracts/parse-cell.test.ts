// parseCell: each column type's valid and invalid branches, with values worked out by hand.
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "./define-contract";
import { parseCell } from "./parse-cell";
import { products } from "./products";

const col = (over: Partial<ColumnDef> & Pick<ColumnDef, "type">): ColumnDef => ({ name: "c", required: true, description: "", ...over }) as ColumnDef;

describe("parseCell", () => {
  it("checks the pattern before the type", () => {
    expect(parseCell(col({ type: "string", pattern: "^SKU-\\d{5}$" }), "SKU-1")).toEqual({ ok: false, error: "does not match ^SKU-\\d{5}$" });
    expect(parseCell(col({ type: "string", pattern: "^SKU-\\d{5}$" }), "SKU-00001")).toEqual({ ok: true, value: "SKU-00001" });
  });

  it("enums accept listed values only", () => {
    const c = col({ type: "enum", values: ["web", "app"] });
    expect(parseCell(c, "app")).toEqual({ ok: true, value: "app" });
    expect(parseCell(c, "Web")).toEqual({ ok: false, error: "not one of web|app" });
  });

  it("booleans are exactly true/false", () => {
    expect(parseCell(col({ type: "boolean" }), "true")).toEqual({ ok: true, value: true });
    expect(parseCell(col({ type: "boolean" }), "false")).toEqual({ ok: true, value: false });
    expect(parseCell(col({ type: "boolean" }), "TRUE")).toEqual({ ok: false, error: "not true/false" });
    expect(parseCell(col({ type: "boolean" }), "1")).toEqual({ ok: false, error: "not true/false" });
  });

  it("integers with bounds", () => {
    const c = col({ type: "integer", min: 1, max: 10 });
    expect(parseCell(c, "-3")).toEqual({ ok: false, error: "below minimum 1" });
    expect(parseCell(c, "11")).toEqual({ ok: false, error: "above maximum 10" });
    expect(parseCell(c, "10")).toEqual({ ok: true, value: 10 });
    expect(parseCell(c, "1.5")).toEqual({ ok: false, error: "not an integer" });
  });

  it("decimals become integer units of 10^-scale", () => {
    const money = col({ type: "decimal", scale: 2, min: 0 });
    expect(parseCell(money, "12.3")).toEqual({ ok: true, value: 1230 });
    expect(parseCell(money, "7")).toEqual({ ok: true, value: 700 });
    expect(parseCell(money, "12,30")).toEqual({ ok: false, error: "not a decimal with a decimal point" });
    expect(parseCell(money, "1.234")).toEqual({ ok: false, error: "more than 2 decimal places" });
    expect(parseCell(money, "-0.01")).toEqual({ ok: false, error: "below minimum 0" });
    expect(parseCell(money, "99999999999999999999")).toEqual({ ok: false, error: "out of range" });
    // No scale given: 2 by default; negative allowed without min.
    expect(parseCell(col({ type: "decimal" }), "-4.5")).toEqual({ ok: true, value: -450 });
    expect(parseCell(col({ type: "decimal", scale: 3 }), "1.5")).toEqual({ ok: true, value: 1500 });
  });

  it("dates must exist in the calendar", () => {
    expect(parseCell(col({ type: "date" }), "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseCell(col({ type: "date" }), "2025-02-29")).toEqual({ ok: false, error: "not a date YYYY-MM-DD" });
    expect(parseCell(col({ type: "date" }), "29/02/2024")).toEqual({ ok: false, error: "not a date YYYY-MM-DD" });
  });

  it("timestamps need an offset and valid fields", () => {
    const c = col({ type: "timestamp" });
    const ok = parseCell(c, "2026-10-01T23:30:00.5+02:00");
    expect(ok.ok && (ok.value as Date).toISOString()).toBe("2026-10-01T21:30:00.500Z");
    const bad = { ok: false, error: "not an ISO 8601 timestamp with offset" };
    expect(parseCell(c, "2026-10-01T10:00:00")).toEqual(bad); // no offset
    expect(parseCell(c, "2026-02-30T10:00:00Z")).toEqual(bad);
    expect(parseCell(c, "2026-10-01T24:00:00Z")).toEqual(bad);
    expect(parseCell(c, "2026-10-01T10:60:00Z")).toEqual(bad);
    expect(parseCell(c, "2026-10-01T10:00:60Z")).toEqual(bad);
  });
});

describe("products.price_above_cost", () => {
  const rule = products.def.rules.find((r) => r.id === "products.price_above_cost")!;
  it("is a row warning: below-cost prices fail the check, equal or above pass, untyped values are not judged", () => {
    expect(rule.severity).toBe("warning");
    expect(rule.check!({ list_price: 1199, unit_cost: 1200 })).toBe(false);
    expect(rule.check!({ list_price: 1200, unit_cost: 1200 })).toBe(true);
    expect(rule.check!({ list_price: 2990, unit_cost: 1240 })).toBe(true);
    expect(rule.check!({ list_price: null, unit_cost: 1200 })).toBe(true);
    expect(rule.check!({ list_price: 1000, unit_cost: undefined })).toBe(true);
  });

  it("as a warning it does not make a below-cost row invalid", () => {
    const row = { sku: "SKU-00001", name: "Bol", category: "Cuisine", brand: "B", unit_cost: "20.00", list_price: "10.00", active: "true", updated_at: "2026-09-15T08:00:00+02:00" };
    expect(products.validateRow(row)).toMatchObject({ ok: true, row: { unit_cost: 2000, list_price: 1000, active: true } });
  });
});
