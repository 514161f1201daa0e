import { datasetRule, defineContract, notBefore } from "./define-contract";
import { ID_PATTERNS } from "./patterns";

export const PROMO_KINDS = ["percent", "amount"] as const;
export const PROMO_SCOPES = ["all", "category", "sku"] as const;

export const promotions = defineContract({
  source: "promotions",
  version: 1,
  description:
    "Promotions (marketing back-office). A percent promotion takes value % off each in-scope line; an amount " +
    "promotion takes value EUR off the order's first in-scope line (at most its price). Orders using it carry its code.",
  format: "csv",
  key: ["promo_id"],
  versionColumn: null,
  files:
    "promotions/promotions_<YYYY-MM-DD>.csv: promotions created that day; " +
    "promotions/promotions_full_<YYYY-MM-DD>.csv: all promotions at the end of the export period.",
  columns: [
    { name: "promo_id", type: "string", required: true, pattern: ID_PATTERNS.promo, description: "Promotion identifier.", example: "PRM-0003" },
    { name: "name", type: "string", required: true, description: "Marketing name.", example: "Semaine de la cuisine" },
    { name: "code", type: "string", required: true, pattern: "^[A-Z0-9]{4,20}$", description: "Code typed at checkout.", example: "CUISINE15" },
    { name: "kind", type: "enum", required: true, values: PROMO_KINDS, description: "percent or fixed amount.", example: "percent" },
    { name: "value", type: "decimal", required: true, scale: 2, min: 0, description: "Percent (0-100) or EUR amount.", example: "15.00" },
    { name: "starts_at", type: "timestamp", required: true, description: "Start, inclusive.", example: "2025-03-10T00:00:00+01:00" },
    { name: "ends_at", type: "timestamp", required: true, description: "End, exclusive.", example: "2025-03-17T00:00:00+01:00" },
    { name: "scope_type", type: "enum", required: true, values: PROMO_SCOPES, description: "What the promotion applies to.", example: "category" },
    { name: "scope_value", type: "string", required: false, description: "Category name or sku; empty when scope_type is all.", example: "Cuisine" },
  ],
  rules: [
    notBefore("promotions.ends_after_start", "ends_at", "starts_at"),
    {
      id: "promotions.scope_value_present",
      severity: "error",
      scope: "row",
      description: "scope_value is empty for scope_type all and set otherwise",
      check: (r) => (r.scope_type === "all") === (r.scope_value === null),
    },
    {
      id: "promotions.percent_at_most_100",
      severity: "error",
      scope: "row",
      description: "value <= 100 for percent promotions",
      check: (r) => r.kind !== "percent" || (typeof r.value === "number" && r.value <= 10_000),
    },
    datasetRule("promotions.scope_exists", "warning", "scope_value names an existing category or sku"),
  ],
});
