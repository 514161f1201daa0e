import { datasetRule, defineContract } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const WEB_EVENT_TYPES = ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"] as const;

export const webEvents = defineContract({
  source: "web_events",
  version: 1,
  description:
    "Tracking events from the web site and app (funnel: page_view -> product_view -> add_to_cart -> checkout_start -> purchase). " +
    "NDJSON, one JSON object per line, string values (null for absent), optionally gzipped.",
  format: "ndjson",
  key: ["event_id"],
  versionColumn: null,
  files: "web_events/web_events_<YYYY-MM-DD>.ndjson (or .ndjson.gz with --gzip): events of that day (Paris date of ts).",
  columns: [
    { name: "event_id", type: "string", required: true, pattern: ID_PATTERNS.uuid, description: "Event identifier (UUID).", example: "3f1c9a2e-8b7d-4c1e-9f00-1a2b3c4d5e6f" },
    { name: "ts", type: "timestamp", required: true, description: "Event time, Paris time with offset.", example: "2025-03-01T14:03:22+01:00" },
    { name: "session_id", type: "string", required: true, pattern: ID_PATTERNS.uuid, description: "Visit identifier.", example: "0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d" },
    { name: "anonymous_id", type: "string", required: true, pattern: ID_PATTERNS.uuid, description: "Browser/device cookie identifier.", example: "5d6e7f80-91a2-4b3c-8d4e-5f60718293a4" },
    { name: "customer_id", type: "string", required: false, pattern: ID_PATTERNS.customer, pii: "customer_id", description: "Logged-in customer, when known.", example: "C0001234" },
    { name: "type", type: "enum", required: true, values: WEB_EVENT_TYPES, description: "Event type.", example: "product_view" },
    { name: "sku", type: "string", required: false, pattern: ID_PATTERNS.sku, description: "Product, for product_view and add_to_cart.", example: "SKU-00042" },
    { name: "order_id", type: "string", required: false, pattern: ID_PATTERNS.order, description: "Order, for purchase.", example: "ORD-00012345" },
    { name: "url", type: "string", required: true, description: "Page URL.", example: "https://www.maison-lumiere.fr/p/SKU-00042" },
    { name: "referrer", type: "string", required: false, description: "Referring URL.", example: "https://www.google.fr/" },
    { name: "utm_source", type: "string", required: false, description: "Campaign source.", example: "newsletter" },
    { name: "utm_medium", type: "string", required: false, description: "Campaign medium.", example: "email" },
    { name: "utm_campaign", type: "string", required: false, description: "Campaign name.", example: "soldes_hiver" },
    { name: "user_agent", type: "string", required: true, pii: "user_agent", description: "Browser user agent.", example: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)" },
    { name: "ip", type: "string", required: true, pattern: ID_PATTERNS.ipv4, pii: "ip", description: "Client IPv4 address.", example: "90.12.34.56" },
  ],
  rules: [
    {
      id: "web_events.purchase_has_order",
      severity: "error",
      scope: "row",
      description: "order_id is set exactly for purchase events",
      check: (r) => (r.type === "purchase") === (r.order_id !== null),
    },
    {
      id: "web_events.product_events_have_sku",
      severity: "error",
      scope: "row",
      description: "sku is set for product_view and add_to_cart",
      check: (r) => !(r.type === "product_view" || r.type === "add_to_cart") || r.sku !== null,
    },
    datasetRule("web_events.purchase_order_exists", "error", "a purchase's order_id exists in orders (channel web or app)"),
  ],
});
