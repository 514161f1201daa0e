// Each promotion's measured uplift on its scope's units (gold_promo_uplift) with its name, code
// and scope, most recent first.
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";

const SQL = `
SELECT u.promo_id AS "promoId", p.name, p.code, p.scope_type AS "scopeType", p.scope_value AS "scopeValue",
       u.first_day::text AS "firstDay", u.last_day::text AS "lastDay", (u.last_day - u.first_day + 1) AS days,
       u.actual_units AS "actualUnits", u.baseline_units::text AS "baselineUnits",
       u.uplift::text AS uplift, u.lower_95::text AS "lower95", u.upper_95::text AS "upper95", u.placebos
  FROM gold_promo_uplift u JOIN silver_promotions p ON p.promo_id = u.promo_id
 ORDER BY u.first_day DESC
 LIMIT $1`;

export async function getPromoUplift(pool: pg.Pool, actor: CurrentUser, opts: { limit: number }) {
  assertCan(actor, "forecasts:view");
  const { rows } = await pool.query<{
    promoId: string;
    name: string;
    code: string;
    scopeType: string;
    scopeValue: string | null;
    firstDay: string;
    lastDay: string;
    days: number;
    actualUnits: number;
    baselineUnits: string;
    /** actual ÷ counterfactual as a decimal string (1.3 = +30%). */
    uplift: string;
    lower95: string | null;
    upper95: string | null;
    placebos: number;
  }>(SQL, [opts.limit]);
  return rows;
}

export type PromoUpliftRow = Awaited<ReturnType<typeof getPromoUplift>>[number];
