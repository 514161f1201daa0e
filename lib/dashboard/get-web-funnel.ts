// The conversion funnel over a period (sessions → product views → cart → checkout →
// purchase, each a count of sessions that reached the step), and traffic by UTM source and
// campaign, from gold_web_daily.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export const FUNNEL_STEPS = ["sessions", "product_view_sessions", "cart_sessions", "checkout_sessions", "purchase_sessions"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export async function getWebFunnel(pool: pg.Pool, actor: CurrentUser, from: string, to: string) {
  assertCan(actor, "kpi:read");
  const sums = FUNNEL_STEPS.map((s) => `sum(${s})::text AS ${s}`).join(", ");
  const [totals, campaigns] = await Promise.all([
    pool.query<Record<FunnelStep, string | null>>(`SELECT ${sums} FROM gold_web_daily WHERE day BETWEEN $1::date AND $2::date`, [from, to]),
    pool.query<{ source: string; campaign: string; sessions: string; purchase_sessions: string; conversion: string | null }>(
      `SELECT utm_source AS source, utm_campaign AS campaign, sum(sessions)::text AS sessions, sum(purchase_sessions)::text AS purchase_sessions,
              round(sum(purchase_sessions)::numeric / nullif(sum(sessions), 0), 4)::text AS conversion
         FROM gold_web_daily WHERE day BETWEEN $1::date AND $2::date
        GROUP BY 1, 2 ORDER BY sum(sessions) DESC, 1, 2 LIMIT 50`,
      [from, to],
    ),
  ]);
  const t = totals.rows[0];
  const steps = FUNNEL_STEPS.map((step, i) => ({
    step,
    sessions: t[step] ?? "0",
    // Share of the previous step that went on (display ratio, 4 places, from integers).
    fromPrevious: i === 0 ? null : ratio(t[step], t[FUNNEL_STEPS[i - 1]]),
  }));
  return { steps, campaigns: campaigns.rows };
}

function ratio(num: string | null, den: string | null): string | null {
  if (!num || !den || den === "0") return null;
  return (Math.round((Number(num) / Number(den)) * 10_000) / 10_000).toFixed(4); // counts, not money
}
export type WebFunnel = Awaited<ReturnType<typeof getWebFunnel>>;
