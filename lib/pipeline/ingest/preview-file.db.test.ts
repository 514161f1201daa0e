// previewFile: what an admin sees before loading a file — detected shape, the mapping (given,
// saved or suggested) and the first rows cast with the load's own SQL, issues per cell.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { CONTRACTS } from "../contracts";
import { isSource, previewFile, suggestMapping } from "./preview-file";
import { headerSignature } from "./resolve-layout";
import { createIngestDatabase, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

/** A timestamptz as PostgreSQL writes it as text (any session zone) -> ISO instant. */
const instant = (text: string | null) => new Date(text!.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")).toISOString();

const HEADER = ["Order ID", "Customer ID", "Ordered At", "Status", "Channel", "Currency", "Shipping Amount", "Promo Code Used", "Updated At"];
const ROWS = [
  ["ORD-00000001", "C0000001", "05/01/2026 09:15", "paid", "web", "EUR", "4,90", "ÉTÉ10", "05/01/2026 09:20"],
  ["ORD-00000002", "C0000002", "31/02/2026 10:00", "lost", "web", "EUR", "abc", "", "01/02/2026 10:00"],
];
// A French spreadsheet export: semicolons, decimal commas, dd/mm/yyyy, Windows-1252.
const foreignCsv = (header = HEADER, rows = ROWS) => iconv.encode([header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n", "win1252");

const preview = (path: string, over: Partial<Parameters<typeof previewFile>[1]> = {}) =>
  previewFile(db.pool, { path, fileName: "export_commandes.csv", source: null, timeZone: "Europe/Paris", ...over });

describe("previewFile", () => {
  it("detects a foreign CSV's shape and source, suggests a mapping and casts the rows like the load", async () => {
    const p = await preview(await writeTemp("export_commandes.csv", foreignCsv()));
    expect(p).toMatchObject({
      fileName: "export_commandes.csv",
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      header: HEADER,
      source: "orders",
      detectedSource: "orders",
      decimalSeparator: ",",
      dateFormat: "dmy",
      savedMappingId: null,
      problem: null,
    });
    // Exact names after normalisation, and promo_code found inside "Promo Code Used".
    expect(p.mapping).toEqual({
      order_id: "Order ID",
      customer_id: "Customer ID",
      ordered_at: "Ordered At",
      status: "Status",
      channel: "Channel",
      currency: "Currency",
      shipping_amount: "Shipping Amount",
      promo_code: "Promo Code Used",
      updated_at: "Updated At",
    });
    expect(p.columns.map((c) => c.name)).toEqual(CONTRACTS.orders.columnNames);
    expect(p.columns.find((c) => c.name === "promo_code")).toMatchObject({ type: "string", required: false });

    expect(p.preview).toHaveLength(2);
    const [first, second] = p.preview;
    expect(first.line).toBe(2);
    expect(first.issues).toEqual([]);
    // 09:15 Paris in January (UTC+1) = 08:15Z; decimal comma -> numeric(14,2).
    expect(instant(first.values.ordered_at as string)).toBe("2026-01-05T08:15:00.000Z");
    expect(instant(first.values.updated_at as string)).toBe("2026-01-05T08:20:00.000Z");
    expect(first.values).toMatchObject({ order_id: "ORD-00000001", customer_id: "C0000001", status: "paid", channel: "web", currency: "EUR", shipping_amount: "4.90", promo_code: "ÉTÉ10" });

    expect(second.line).toBe(3);
    expect(second.issues).toEqual([
      { field: "ordered_at", reason: "not a date-time DD/MM/YYYY HH:mm" }, // 31 February
      { field: "status", reason: `not one of ${CONTRACTS.orders.column("status").values!.join("|")}` },
      { field: "shipping_amount", reason: "not a decimal number (decimal comma)" },
    ]);
    // Invalid cells are shown as written; an empty optional cell is null.
    expect(second.values).toMatchObject({ ordered_at: "31/02/2026 10:00", status: "lost", shipping_amount: "abc", promo_code: null });
    expect(instant(second.values.updated_at as string)).toBe("2026-02-01T09:00:00.000Z");
  });

  it("uses an explicit mapping and conventions, and names required columns left unmapped", async () => {
    const file = await writeTemp("export_commandes.csv", foreignCsv());
    const p = await preview(file, {
      source: "orders",
      decimalSeparator: ".",
      dateFormat: "iso",
      mapping: { order_id: "order id", customer_id: null, ordered_at: "Ordered At", status: "Status", channel: "Channel", currency: "Currency", shipping_amount: "Shipping Amount", updated_at: "No Such Column" },
    });
    expect(p).toMatchObject({ source: "orders", detectedSource: "orders", decimalSeparator: ".", dateFormat: "iso" });
    // Names match after normalisation ("order id" -> order_id); unknown or absent ones map to null.
    expect(p.mapping).toEqual({
      order_id: "order id",
      customer_id: null,
      ordered_at: "Ordered At",
      status: "Status",
      channel: "Channel",
      currency: "Currency",
      shipping_amount: "Shipping Amount",
      promo_code: null,
      updated_at: null,
    });
    expect(p.problem).toEqual({ code: "missing_columns", message: "Required orders columns not mapped: customer_id, updated_at." });
    const [first] = p.preview;
    expect(first.values).toMatchObject({ order_id: "ORD-00000001", customer_id: null, ordered_at: "05/01/2026 09:15", shipping_amount: "4,90", updated_at: null });
    // With ISO dates and a decimal point declared, the French cells are wrong — and unmapped required cells are empty.
    expect(first.issues).toEqual([
      { field: "customer_id", reason: "required but empty" },
      { field: "ordered_at", reason: "not an ISO 8601 timestamp with offset" },
      { field: "shipping_amount", reason: "not a decimal with a decimal point" },
      { field: "updated_at", reason: "required but empty" },
    ]);
  });

  it("applies a saved mapping for the same header, with its conventions", async () => {
    const header = ["Ref", "Client", "Date", "Etat", "Canal", "Devise", "Port", "Code", "Maj"];
    const rows = [["ORD-00000009", "C0000009", "2026-01-05T09:15:00+01:00", "shipped", "app", "EUR", "1.234,5", "", "2026-01-05T09:20:00+01:00"]];
    const mapping = { order_id: "Ref", customer_id: "Client", ordered_at: "Date", status: "Etat", channel: "Canal", currency: "Devise", shipping_amount: "Port", promo_code: "Code", updated_at: "Maj" };
    const { rows: saved } = await db.pool.query(
      "INSERT INTO column_mapping (source, header_signature, mapping, decimal_separator, date_format, updated_at) VALUES ('orders', $1, $2, ',', 'iso', now()) RETURNING id",
      [headerSignature(header), JSON.stringify(mapping)],
    );
    const file = await writeTemp("ventes.csv", foreignCsv(header, rows));
    // Without a source the header matches nothing known: the admin must choose.
    const unknown = await preview(file, { fileName: "ventes.csv" });
    expect(unknown).toMatchObject({ source: null, detectedSource: null, mapping: {}, columns: [], preview: [], savedMappingId: null, problem: { code: "unknown_source" } });

    const p = await preview(file, { fileName: "ventes.csv", source: "orders" });
    expect(p).toMatchObject({ source: "orders", detectedSource: null, savedMappingId: String(saved[0].id), decimalSeparator: ",", dateFormat: "iso", mapping, problem: null });
    expect(p.preview[0].issues).toEqual([{ field: "shipping_amount", reason: "not a decimal number (decimal comma)" }]); // "1.234,5" -> "1.234.5"
    expect(p.preview[0].values).toMatchObject({ order_id: "ORD-00000009", status: "shipped", channel: "app", promo_code: null });
    expect(instant(p.preview[0].values.ordered_at as string)).toBe("2026-01-05T08:15:00.000Z");
  });

  it("reports an unknown source with the detected shape and nothing cast", async () => {
    const file = await writeTemp("misc.csv", "alpha,beta,gamma\nx,y,z\n");
    expect(await preview(file, { fileName: "misc.csv" })).toEqual({
      fileName: "misc.csv",
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      header: ["alpha", "beta", "gamma"],
      source: null,
      detectedSource: null,
      decimalSeparator: ".",
      dateFormat: "iso",
      savedMappingId: null,
      mapping: {},
      columns: [],
      preview: [],
      problem: { code: "unknown_source", message: "The source could not be detected from the header: choose it, then map the columns." },
    });
  });

  it("a header-only file previews no rows; a structural error other than detection still throws", async () => {
    const headerOnly = await writeTemp("orders.csv", CONTRACTS.orders.columnNames.join(",") + "\n");
    const p = await preview(headerOnly, { fileName: "orders.csv" });
    expect(p).toMatchObject({ source: "orders", detectedSource: "orders", decimalSeparator: ".", dateFormat: "iso", preview: [], problem: null });
    await expect(preview(await writeTemp("empty.csv", ""), { fileName: "empty.csv" })).rejects.toThrow("empty.csv is empty.");
  });
});

describe("suggestMapping and isSource", () => {
  it("matches exact normalised names first, then containment either way (names longer than 2)", () => {
    expect(suggestMapping(["sku", "unit_cost", "list_price", "name"], ["SKU", "Unit Cost EUR", "price", "na"])).toEqual({
      sku: "SKU",
      unit_cost: "Unit Cost EUR", // contains unit_cost
      list_price: "price", // list_price contains "price"
      name: null, // "na" is too short to count
    });
  });

  it("recognises source names", () => {
    expect(isSource("orders")).toBe(true);
    expect(isSource("order")).toBe(false);
    expect(isSource(3)).toBe(false);
  });
});
