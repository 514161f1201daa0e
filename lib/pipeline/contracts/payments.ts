import { datasetRule, defineContract } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const PAYMENT_METHODS = ["card", "paypal", "apple_pay", "bank_transfer", "marketplace"] as const;
export const PAYMENT_STATUSES = ["captured", "refunded", "failed"] as const;

export const payments = defineContract({
  source: "payments",
  version: 1,
  description:
    "Payment platform transactions. One row per attempt: a failed attempt may be followed by a captured retry; " +
    "refunds (returns, cancellations) are separate rows with status refunded.",
  format: "csv",
  key: ["payment_id"],
  versionColumn: null,
  files: "payments/payments_<YYYY-MM-DD>.csv: transactions processed that day (Paris date of processed_at).",
  columns: [
    { name: "payment_id", type: "string", required: true, pattern: ID_PATTERNS.payment, description: "Transaction identifier.", example: "PAY-000001234" },
    { name: "order_id", type: "string", required: true, pattern: ID_PATTERNS.order, description: "Order paid or refunded.", example: "ORD-00012345" },
    { name: "method", type: "enum", required: true, values: PAYMENT_METHODS, description: "Payment method.", example: "card" },
    { name: "amount", type: "decimal", required: true, scale: 2, min: 0, description: "Amount of the transaction, EUR (positive for refunds too).", example: "64.70" },
    { name: "status", type: "enum", required: true, values: PAYMENT_STATUSES, description: "Outcome.", example: "captured" },
    { name: "processed_at", type: "timestamp", required: true, description: "When the platform processed it, Paris time with offset.", example: "2025-03-01T23:41:30+01:00" },
  ],
  rules: [
    datasetRule("payments.order_exists", "error", "order_id exists in orders"),
    datasetRule("payments.captured_matches_order", "warning", "captured amount = order lines revenue + shipping_amount"),
  ],
});
