import { datasetRule, defineContract, notBefore } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const ORDER_STATUSES = ["placed", "paid", "shipped", "delivered", "cancelled"] as const;
export const ORDER_CHANNELS = ["web", "app", "marketplace"] as const;

export const orders = defineContract({
  source: "orders",
  version: 1,
  description:
    "Order headers from the shop database. An order is re-exported each day its status changes " +
    "(placed -> paid -> shipped -> delivered, or cancelled); the row with the latest updated_at wins.",
  format: "csv",
  key: ["order_id"],
  versionColumn: "updated_at",
  files: "orders/orders_<YYYY-MM-DD>.csv: orders created or changed that day (Paris date of updated_at), one row per order.",
  columns: [
    { name: "order_id", type: "string", required: true, pattern: ID_PATTERNS.order, description: "Order identifier.", example: "ORD-00012345" },
    { name: "customer_id", type: "string", required: true, pattern: ID_PATTERNS.customer, pii: "customer_id", description: "Buyer (customers.customer_id).", example: "C0001234" },
    { name: "ordered_at", type: "timestamp", required: true, description: "When the order was placed, Paris time with offset; its Paris date is the sales date.", example: "2025-03-01T23:41:07+01:00" },
    { name: "status", type: "enum", required: true, values: ORDER_STATUSES, description: "Current status at export time.", example: "paid" },
    { name: "channel", type: "enum", required: true, values: ORDER_CHANNELS, description: "Where the order was taken.", example: "web" },
    { name: "currency", type: "string", required: true, pattern: ID_PATTERNS.currency, description: "ISO 4217 currency; always EUR today.", example: "EUR" },
    { name: "shipping_amount", type: "decimal", required: true, scale: 2, min: 0, description: "Shipping fee charged, EUR incl. VAT (not part of product revenue).", example: "4.90" },
    { name: "promo_code", type: "string", required: false, description: "Promotion code used (promotions.code), empty when none.", example: "SOLDES20" },
    { name: "updated_at", type: "timestamp", required: true, description: "Last status change; the latest version wins.", example: "2025-03-03T10:15:00+01:00" },
  ],
  rules: [
    notBefore("orders.updated_after_ordered", "updated_at", "ordered_at"),
    datasetRule("orders.customer_exists", "error", "customer_id exists in customers"),
    datasetRule("orders.has_lines", "error", "every order has at least one order_lines row"),
    datasetRule("orders.promo_code_known", "warning", "promo_code matches a promotion active at ordered_at"),
  ],
});
