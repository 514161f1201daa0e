// Supply chain: how many days each active product's available stock lasts at forecast demand.
// A product's daily forecast is its share of its category's units over the last 28 days times
// the category's unit forecast (top-down: a category's series is smooth enough to model, most
// single products are not). Days of cover = forecast days whose cumulative demand the stock
// still meets; the forecast spans 90 days, so 90 means "90 or more".
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";

/** Below this many days of cover a product is on the "reorder soon" list. */
export const REORDER_SOON_DAYS = 14;
const SHARE_WINDOW_DAYS = 28;

const SQL = `
WITH stock AS (
  SELECT s.sku, s.available, s.day FROM gold_stock_daily s
   WHERE s.day = (SELECT max(day) FROM gold_stock_daily) AND s.active),
recent AS (
  SELECT p.sku, p.name, p.category, coalesce(sum(d.units), 0) AS units
    FROM silver_products p
    LEFT JOIN gold_product_daily d ON d.sku = p.sku AND d.day > (SELECT max(day) FROM gold_product_daily) - ${SHARE_WINDOW_DAYS}
   GROUP BY p.sku, p.name, p.category),
share AS (
  SELECT r.*, r.units / nullif(sum(r.units) OVER (PARTITION BY r.category), 0) AS share FROM recent r),
demand AS (
  SELECT sh.sku, f.day, sum(coalesce(sh.share, 0) * f.point) OVER (PARTITION BY sh.sku ORDER BY f.day) AS cumulative,
         coalesce(sh.share, 0) * f.point AS units
    FROM share sh JOIN gold_forecast f ON f.metric = 'units' AND f.scope = sh.category)
SELECT st.sku, sh.name, sh.category, st.available, st.day::text AS "stockDay", sh.units AS "unitsLast28",
       round(sum(dm.units) FILTER (WHERE dm.day < (SELECT min(day) FROM gold_forecast) + 30), 1)::text AS "forecastUnits30",
       count(dm.day) FILTER (WHERE dm.cumulative <= st.available)::int AS "daysOfCover",
       count(dm.day)::int AS "forecastDays"
  FROM stock st JOIN share sh ON sh.sku = st.sku
  JOIN demand dm ON dm.sku = st.sku
 GROUP BY st.sku, sh.name, sh.category, st.available, st.day, sh.units
HAVING sum(dm.units) > 0
 ORDER BY "daysOfCover", "forecastUnits30" DESC, st.sku
 LIMIT $1`;

export async function getDaysOfCover(pool: pg.Pool, actor: CurrentUser, opts: { limit: number }) {
  assertCan(actor, "forecasts:view");
  const { rows } = await pool.query<{
    sku: string;
    name: string;
    category: string;
    available: number;
    stockDay: string;
    unitsLast28: number;
    forecastUnits30: string;
    daysOfCover: number;
    forecastDays: number;
  }>(SQL, [opts.limit]);
  return rows.map((r) => ({ ...r, unitsLast28: Number(r.unitsLast28), coverCapped: r.daysOfCover >= r.forecastDays, reorderSoon: r.daysOfCover < REORDER_SOON_DAYS }));
}

export type DaysOfCoverRow = Awaited<ReturnType<typeof getDaysOfCover>>[number];
