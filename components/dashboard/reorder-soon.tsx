// Forecast-based stock cover (forecasted units against available stock): the "reorder soon"
// list from the forecasts, next to the sales-pace view of SKUs at risk.
import { DaysOfCoverTable } from "@/components/forecasts/days-of-cover-table";
import { pool } from "@/lib/db";
import { getDaysOfCover } from "@/lib/data/forecasts/get-days-of-cover";
import type { ReadyContext } from "./dashboard-context";

export async function ReorderSoon({ ctx }: { ctx: ReadyContext }) {
  const rows = await getDaysOfCover(pool(), ctx.user, { limit: 15 });
  if (!rows.length) return <p className="text-sm text-slate-600">{ctx.t.forecasts.noData}</p>;
  return <DaysOfCoverTable rows={rows} t={ctx.t.forecasts} locale={ctx.locale} />;
}
