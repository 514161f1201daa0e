// How each source's typed rows become its silver table: the natural key, which version wins,
// the derived columns, and the days/customers whose gold figures a change invalidates.
import type { SourceName } from "../contracts";
import type { DayTable } from "./day-partitions";

export type SilverSpec = {
  source: SourceName;
  table: string;
  key: string[];
  /** Column ordering versions (latest wins); null: the last received wins. */
  version: string | null;
  /** Silver column -> SQL over the staged typed columns (:tz = reporting time zone, :pii = PII hash key). */
  columns: Record<string, string>;
  /** What a changed row invalidates in gold: a kind and its key, an SQL expression over silver
   *  columns (null: the whole kind), taken from the new rows and from the rows they replace. */
  dirty: { kind: string; key: string | null; newRowsOnly?: boolean; /** insert-only, day keys: the neighbouring days too */ alsoDays?: number[] }[];
  /** Events are immutable: a repeated key is ignored rather than updated. */
  insertOnly?: boolean;
  /** Insert-only, partitioned by day on this column: one partition per day (day-partitions.ts). */
  partitionedByDay?: string;
};

/** A day-partitioned spec's table, as day-partitions.ts handles it; null for other specs. */
export const dayTableOf = (spec: SilverSpec): DayTable | null =>
  spec.partitionedByDay ? { table: spec.table, dayColumn: spec.partitionedByDay, key: spec.key } : null;

const same = (...names: string[]) => Object.fromEntries(names.map((n) => [n, n]));
const localDate = (column: string) => `(${column} AT TIME ZONE :tz)::date`;
const keyedHash = (label: string, value: string) => `encode(sha256(convert_to(:pii || ':${label}:' || ${value}, 'UTF8')), 'hex')`;

export const SILVER_SPECS: SilverSpec[] = [
  {
    source: "customers",
    table: "silver_customers",
    key: ["customer_id"],
    version: "updated_at",
    columns: {
      ...same("customer_id", "country", "city", "created_at", "marketing_opt_in", "updated_at"),
      email_hash: keyedHash("email", "lower(email)"),
      email_domain: "split_part(lower(email), '@', 2)",
    },
    dirty: [{ kind: "customer", key: "customer_id::text" }],
  },
  {
    source: "products",
    table: "silver_products",
    key: ["sku"],
    version: "updated_at",
    columns: same("sku", "name", "category", "brand", "unit_cost", "list_price", "active", "updated_at"),
    // A new version changes costs and the active flag from its updated_at on. The version it
    // replaces as the latest stays in silver_product_versions, so it changes nothing by itself
    // (the latest row's fallback role is covered in gold/dirty-scope.ts).
    dirty: [{ kind: "product", key: "sku || '|' || updated_at::text", newRowsOnly: true }],
  },
  {
    source: "promotions",
    table: "silver_promotions",
    key: ["promo_id"],
    version: null,
    columns: same("promo_id", "name", "code", "kind", "value", "starts_at", "ends_at", "scope_type", "scope_value"),
    dirty: [{ kind: "promotions", key: null }],
  },
  {
    source: "orders",
    table: "silver_orders",
    key: ["order_id"],
    version: "updated_at",
    columns: { ...same("order_id", "customer_id", "ordered_at", "status", "channel", "currency", "shipping_amount", "promo_code", "updated_at"), order_date: localDate("ordered_at") },
    dirty: [
      { kind: "order_day", key: "order_date::text" },
      { kind: "customer", key: "customer_id::text" },
    ],
  },
  {
    source: "order_lines",
    table: "silver_order_lines",
    key: ["order_id", "line_no"],
    version: null,
    columns: same("order_id", "line_no", "sku", "quantity", "unit_price", "discount_amount"),
    dirty: [{ kind: "order", key: "order_id::text" }],
  },
  {
    source: "payments",
    table: "silver_payments",
    key: ["payment_id"],
    version: null,
    columns: { ...same("payment_id", "order_id", "method", "amount", "status", "processed_at"), payment_date: localDate("processed_at") },
    dirty: [{ kind: "payment_day", key: "payment_date::text" }],
  },
  {
    source: "returns",
    table: "silver_returns",
    key: ["return_id"],
    version: null,
    columns: { ...same("return_id", "order_id", "line_no", "sku", "quantity", "refund_amount", "reason", "returned_at"), return_date: localDate("returned_at") },
    dirty: [
      { kind: "order", key: "order_id::text" },
      { kind: "refund_day", key: "return_date::text" },
    ],
  },
  {
    source: "stock_snapshots",
    table: "silver_stock_snapshots",
    key: ["snapshot_date", "sku", "warehouse"],
    version: null,
    columns: same("snapshot_date", "sku", "warehouse", "on_hand", "reserved"),
    dirty: [{ kind: "stock_day", key: "snapshot_date::text" }],
  },
  {
    source: "web_events",
    table: "silver_web_events",
    key: ["event_date", "event_id"],
    version: null,
    insertOnly: true,
    partitionedByDay: "event_date",
    columns: {
      event_date: localDate("ts"),
      ...same("event_id", "ts", "session_id", "anonymous_id", "customer_id", "type", "sku", "order_id", "url", "referrer", "utm_source", "utm_medium", "utm_campaign", "user_agent"),
      ip_hash: keyedHash("ip", "ip"),
      // The contract admits IPv4 only; string functions rather than a regular expression: this runs on every event.
      ip_masked: `left(ip, length(ip) - strpos(reverse(ip), '.')) || '.0'`,
    },
    // A session crossing midnight belongs to its first day, so new events can change the
    // sessions of the day before or after theirs: those days are rebuilt too (cheap, bounded).
    dirty: [{ kind: "web_day", key: "event_date::text", alsoDays: [-1, 1] }],
  },
];
