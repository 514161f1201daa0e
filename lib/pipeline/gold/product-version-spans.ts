// Each product version with the instant the next one replaced it (null: still in force). Facts
// find the version in force at an instant with a range join on these spans: a sorted index
// lookup per fact row took most of the sales and stock rebuilds of a first load at scale m
// (2.5M order lines, 1.3M stock snapshots, against 7,000 versions).
export const PRODUCT_VERSION_SPANS = `(SELECT sku, unit_cost, active, updated_at AS since,
         lead(updated_at) OVER (PARTITION BY sku ORDER BY updated_at) AS until
    FROM silver_product_versions)`;

/** Join condition: version `v` was the one in force at `instant` (its own updated_at included when `inclusive`). */
export const inForceAt = (instant: string, inclusive: boolean) =>
  `v.since ${inclusive ? "<=" : "<"} ${instant} AND (v.until IS NULL OR ${instant} ${inclusive ? "<" : "<="} v.until)`;
