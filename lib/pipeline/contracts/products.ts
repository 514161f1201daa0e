import { defineContract } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const products = defineContract({
  source: "products",
  version: 1,
  description: "Product catalogue from the ERP. A product is re-exported when its price, cost or status changes.",
  format: "csv",
  key: ["sku"],
  versionColumn: "updated_at",
  files:
    "products/products_<YYYY-MM-DD>.csv: products changed that day (the first day holds the whole catalogue); " +
    "products/products_full_<YYYY-MM-DD>.csv: full snapshot at the end of the export period.",
  columns: [
    { name: "sku", type: "string", required: true, pattern: ID_PATTERNS.sku, description: "Stock keeping unit.", example: "SKU-00042" },
    { name: "name", type: "string", required: true, description: "Product name (French).", example: "Théière en fonte bleue" },
    { name: "category", type: "string", required: true, description: "Merchandising category.", example: "Cuisine" },
    { name: "brand", type: "string", required: true, description: "Brand.", example: "Maison Lumière" },
    { name: "unit_cost", type: "decimal", required: true, scale: 2, min: 0, description: "Purchase cost per unit, EUR excl. VAT.", example: "12.40" },
    { name: "list_price", type: "decimal", required: true, scale: 2, min: 0, description: "Selling price per unit, EUR incl. VAT, before discounts.", example: "29.90" },
    { name: "active", type: "boolean", required: true, description: "false once the product is withdrawn from sale.", example: "true" },
    { name: "updated_at", type: "timestamp", required: true, description: "Last change; the latest version wins.", example: "2025-03-01T06:00:00+01:00" },
  ],
  rules: [
    {
      id: "products.price_above_cost",
      severity: "warning",
      scope: "row",
      description: "list_price >= unit_cost (selling below cost is possible but suspicious)",
      check: (row) => typeof row.list_price !== "number" || typeof row.unit_cost !== "number" || row.list_price >= row.unit_cost,
    },
  ],
});
