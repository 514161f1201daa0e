// SQL form of every row rule of the contracts (lib/pipeline/contracts), over typed silver
// column names. A test checks each contract row rule has its SQL form here, so they cannot drift.
export const ROW_RULES_SQL: Record<string, string> = {
  "customers.updated_after_created": "updated_at >= created_at",
  "products.price_above_cost": "list_price >= unit_cost",
  "promotions.ends_after_start": "ends_at >= starts_at",
  "promotions.scope_value_present": "(scope_type = 'all') = (scope_value IS NULL)",
  "promotions.percent_at_most_100": "kind <> 'percent' OR value <= 100",
  "orders.updated_after_ordered": "updated_at >= ordered_at",
  "order_lines.discount_within_line": "discount_amount <= quantity * unit_price",
  "stock_snapshots.reserved_within_on_hand": "reserved <= on_hand",
  "web_events.purchase_has_order": "(type = 'purchase') = (order_id IS NOT NULL)",
  "web_events.product_events_have_sku": "type NOT IN ('product_view', 'add_to_cart') OR sku IS NOT NULL",
};
