import { datasetRule, defineContract } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const orderLines = defineContract({
  source: "order_lines",
  version: 1,
  description: "Order lines, exported once with their order on the day it is placed. Product revenue of a line = quantity x unit_price - discount_amount.",
  format: "csv",
  key: ["order_id", "line_no"],
  versionColumn: null,
  files: "order_lines/order_lines_<YYYY-MM-DD>.csv: lines of the orders placed that day (Paris date).",
  columns: [
    { name: "order_id", type: "string", required: true, pattern: ID_PATTERNS.order, description: "Order (orders.order_id).", example: "ORD-00012345" },
    { name: "line_no", type: "integer", required: true, min: 1, description: "Line number within the order, from 1.", example: "1" },
    { name: "sku", type: "string", required: true, pattern: ID_PATTERNS.sku, description: "Product (products.sku).", example: "SKU-00042" },
    { name: "quantity", type: "integer", required: true, min: 1, description: "Units ordered.", example: "2" },
    { name: "unit_price", type: "decimal", required: true, scale: 2, min: 0, description: "Price per unit at order time, EUR incl. VAT, before discount.", example: "29.90" },
    { name: "discount_amount", type: "decimal", required: true, scale: 2, min: 0, description: "Discount on the whole line (promotion), EUR.", example: "5.98" },
  ],
  rules: [
    {
      id: "order_lines.discount_within_line",
      severity: "error",
      scope: "row",
      description: "discount_amount <= quantity x unit_price",
      check: (r) => typeof r.discount_amount !== "number" || typeof r.quantity !== "number" || typeof r.unit_price !== "number" || r.discount_amount <= r.quantity * r.unit_price,
    },
    datasetRule("order_lines.order_exists", "error", "order_id exists in orders"),
    datasetRule("order_lines.sku_exists", "error", "sku exists in products"),
  ],
});
