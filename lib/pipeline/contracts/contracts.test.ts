import { describe, expect, it } from "vitest";
import { CONTRACTS, SOURCES } from "./index";
import { renderContractsMarkdown } from "./render-docs";

const order = {
  order_id: "ORD-00000001",
  customer_id: "C0000001",
  ordered_at: "2025-03-30T23:41:07+02:00",
  status: "paid",
  channel: "web",
  currency: "EUR",
  shipping_amount: "4.90",
  promo_code: "",
  updated_at: "2025-03-30T23:42:00+02:00",
};

describe("contracts", () => {
  it("register every source once, with keys among their columns", () => {
    expect(SOURCES).toEqual(["customers", "products", "promotions", "orders", "order_lines", "payments", "returns", "stock_snapshots", "web_events"]);
    for (const s of SOURCES) {
      expect(CONTRACTS[s].source).toBe(s);
      for (const k of CONTRACTS[s].def.key) expect(CONTRACTS[s].columnNames).toContain(k);
      expect(CONTRACTS[s].validateRow({}).ok).toBe(false);
    }
  });

  it("turn a valid row of strings into typed values (money in cents, empty = null)", () => {
    const row = CONTRACTS.orders.rowSchema.parse(order);
    expect(row.shipping_amount).toBe(490);
    expect(row.promo_code).toBeNull();
    expect(row.ordered_at.toISOString()).toBe("2025-03-30T21:41:07.000Z");
    expect(row.status).toBe("paid");
  });

  it("name the column in every issue", () => {
    const bad = { ...order, order_id: "", status: "lost", shipping_amount: "4,90", ordered_at: "2025-03-30 23:41" };
    const result = CONTRACTS.orders.validateRow(bad);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    for (const column of ["order_id", "status", "shipping_amount", "ordered_at"]) expect(issues.some((i) => i.startsWith(`${column}:`)), column).toBe(true);
  });

  it("reject negative prices, extra decimals, unknown enum values and broken row rules", () => {
    const line = { order_id: "ORD-00000001", line_no: "1", sku: "SKU-00001", quantity: "2", unit_price: "10.00", discount_amount: "0.00" };
    expect(CONTRACTS.order_lines.validateRow(line).ok).toBe(true);
    expect(CONTRACTS.order_lines.validateRow({ ...line, unit_price: "-10.00" }).ok).toBe(false);
    expect(CONTRACTS.order_lines.validateRow({ ...line, unit_price: "10.001" }).ok).toBe(false);
    expect(CONTRACTS.order_lines.validateRow({ ...line, quantity: "0" }).ok).toBe(false);
    expect(CONTRACTS.order_lines.validateRow({ ...line, discount_amount: "20.01" }).ok).toBe(false);
    expect(CONTRACTS.orders.validateRow({ ...order, updated_at: "2025-03-29T10:00:00+01:00" }).ok).toBe(false);
    expect(CONTRACTS.orders.validateRow({ ...order, ordered_at: "2025-02-30T10:00:00+01:00" }).ok).toBe(false);
  });

  it("check headers for missing and unexpected columns", () => {
    expect(CONTRACTS.orders.checkHeader(CONTRACTS.orders.columnNames)).toEqual([]);
    expect(CONTRACTS.orders.checkHeader(["order_id", "extra"])).toContain("unexpected column extra");
    expect(CONTRACTS.orders.checkHeader(["order_id"])).toContain("missing column status");
  });

  it("render a docs page with every source and column", () => {
    const md = renderContractsMarkdown();
    for (const s of SOURCES) {
      expect(md).toContain(`## ${s} (v1)`);
      for (const c of CONTRACTS[s].columnNames) expect(md).toContain(`| \`${c}\` |`);
    }
  });
});
