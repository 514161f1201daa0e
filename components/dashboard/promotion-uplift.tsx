// Each promotion's estimated uplift against its forecast counterfactual, with its interval.
import { PromoUpliftTable } from "@/components/forecasts/promo-uplift-table";
import { pool } from "@/lib/db";
import { getPromoUplift } from "@/lib/data/forecasts/get-promo-uplift";
import type { ReadyContext } from "./dashboard-context";

export async function PromotionUplift({ ctx }: { ctx: ReadyContext }) {
  const rows = await getPromoUplift(pool(), ctx.user, { limit: 10 });
  if (!rows.length) return <p className="text-sm text-slate-600">{ctx.t.forecasts.noData}</p>;
  return <PromoUpliftTable rows={rows} t={ctx.t.forecasts} locale={ctx.locale} />;
}
