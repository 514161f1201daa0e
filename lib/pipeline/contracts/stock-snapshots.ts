import { datasetRule, defineContract } from "./define-contract";
import { ID_PATTERNS, WAREHOUSES } from "./patterns";

export const stockSnapshots = defineContract({
  source: "stock_snapshots",
  version: 1,
  description: "End-of-day stock per product and warehouse from the ERP. Available stock = on_hand - reserved; at 0 the product cannot be sold.",
  format: "csv",
  key: ["snapshot_date", "sku", "warehouse"],
  versionColumn: null,
  files: "stock_snapshots/stock_snapshots_<YYYY-MM-DD>.csv: one row per stocked product and warehouse at the end of that day.",
  columns: [
    { name: "snapshot_date", type: "date", required: true, description: "Paris business date of the snapshot (end of day).", example: "2025-03-01" },
    { name: "sku", type: "string", required: true, pattern: ID_PATTERNS.sku, description: "Product (products.sku).", example: "SKU-00042" },
    { name: "warehouse", type: "enum", required: true, values: WAREHOUSES, description: "Warehouse code.", example: "PAR1" },
    { name: "on_hand", type: "integer", required: true, min: 0, description: "Units physically in the warehouse.", example: "120" },
    { name: "reserved", type: "integer", required: true, min: 0, description: "Units reserved by orders not yet shipped.", example: "7" },
  ],
  rules: [
    {
      id: "stock_snapshots.reserved_within_on_hand",
      severity: "warning",
      scope: "row",
      description: "reserved <= on_hand",
      check: (r) => typeof r.reserved !== "number" || typeof r.on_hand !== "number" || r.reserved <= r.on_hand,
    },
    datasetRule("stock_snapshots.sku_exists", "error", "sku exists in products"),
  ],
});
