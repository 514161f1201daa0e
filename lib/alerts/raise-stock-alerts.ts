// Pipeline step: one alert per active SKU that is out of stock, or whose available stock is under
// its threshold (stock_threshold, else DEFAULT_MIN_AVAILABLE), on the latest stock day. The key
// names the SKU and the first day of the episode, so re-runs find the alert already there; alerts
// whose condition is gone are resolved by the pipeline (resolved_by stays null). One statement.
import type pg from "pg";

/** Units of available stock under which a SKU without its own threshold is "low". */
export const DEFAULT_MIN_AVAILABLE = 5;

const SQL = `
WITH latest AS (SELECT max(day) AS day FROM gold_stock_daily),
cur AS (
  SELECT g.sku, g.day, g.available, coalesce(t.min_available, $1::int) AS min_available,
         CASE WHEN g.stockout THEN 'stock_out' ELSE 'low_stock' END AS kind
    FROM gold_stock_daily g JOIN latest l ON g.day = l.day LEFT JOIN stock_threshold t ON t.sku = g.sku
   WHERE g.active AND (g.stockout OR g.available < coalesce(t.min_available, $1::int))
),
hist AS (
  SELECT c.sku, min(h.day) AS first_day,
         max(h.day) FILTER (WHERE CASE WHEN c.kind = 'stock_out' THEN NOT h.stockout ELSE h.stockout OR h.available >= c.min_available END) AS last_ok
    FROM cur c JOIN gold_stock_daily h ON h.sku = c.sku AND h.day <= c.day
   GROUP BY c.sku
),
episodes AS (
  SELECT c.*, coalesce((h.last_ok + 1), h.first_day) AS since, c.kind || ':' || c.sku || ':' || to_char(coalesce((h.last_ok + 1), h.first_day), 'YYYY-MM-DD') AS key
    FROM cur c JOIN hist h USING (sku)
),
raised AS (
  INSERT INTO alert (key, kind, day, scope_type, scope_value, observed, expected, run_id, context)
  SELECT key, kind::"AlertKind", since, 'sku', sku, available, min_available, $2::bigint,
         jsonb_build_object('latestDay', to_char(day, 'YYYY-MM-DD'), 'threshold', min_available)
    FROM episodes
  ON CONFLICT (key) DO NOTHING
  RETURNING id
),
cleared AS (
  UPDATE alert SET status = 'resolved', resolved_at = now()
   WHERE kind IN ('stock_out', 'low_stock') AND status <> 'resolved' AND key NOT IN (SELECT key FROM episodes)
  RETURNING id
)
SELECT (SELECT count(*) FROM episodes)::int AS current, (SELECT count(*) FROM raised)::int AS raised, (SELECT count(*) FROM cleared)::int AS cleared`;

export type StockAlertResult = { current: number; raised: number; cleared: number };

export async function raiseStockAlerts(pool: pg.Pool, runId: bigint | null, defaultMinAvailable = DEFAULT_MIN_AVAILABLE): Promise<StockAlertResult> {
  const { rows } = await pool.query<StockAlertResult>(SQL, [defaultMinAvailable, runId]);
  return rows[0];
}
