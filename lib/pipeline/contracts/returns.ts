import { datasetRule, defineContract } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const RETURN_REASONS = ["size", "damaged", "not_as_described", "changed_mind", "late_delivery", "other"] as const;

export const returns = defineContract({
  source: "returns",
  version: 1,
  description: "Returned order lines, exported on the day the return is received; refunded through the payment platform.",
  format: "csv",
  key: ["return_id"],
  versionColumn: null,
  files: "returns/returns_<YYYY-MM-DD>.csv: returns received that day (Paris date of returned_at).",
  columns: [
    { name: "return_id", type: "string", required: true, pattern: ID_PATTERNS.return, description: "Return identifier.", example: "RET-00000042" },
    { name: "order_id", type: "string", required: true, pattern: ID_PATTERNS.order, description: "Order (orders.order_id).", example: "ORD-00012345" },
    { name: "line_no", type: "integer", required: true, min: 1, description: "Returned line (order_lines.line_no).", example: "1" },
    { name: "sku", type: "string", required: true, pattern: ID_PATTERNS.sku, description: "Returned product; equals the line's sku.", example: "SKU-00042" },
    { name: "quantity", type: "integer", required: true, min: 1, description: "Units returned, at most the line quantity.", example: "1" },
    { name: "refund_amount", type: "decimal", required: true, scale: 2, min: 0, description: "Amount refunded, EUR.", example: "23.92" },
    { name: "reason", type: "enum", required: true, values: RETURN_REASONS, description: "Reason given by the customer.", example: "size" },
    { name: "returned_at", type: "timestamp", required: true, description: "When the return was received, Paris time with offset.", example: "2025-03-12T10:00:00+01:00" },
  ],
  rules: [
    datasetRule("returns.after_order", "error", "returned_at >= the order's ordered_at"),
    datasetRule("returns.line_exists", "error", "(order_id, line_no) exists in order_lines with the same sku and quantity >= returned quantity"),
    datasetRule("returns.refund_within_line", "warning", "refund_amount <= the line's revenue (quantity x unit_price - discount_amount)"),
  ],
});
