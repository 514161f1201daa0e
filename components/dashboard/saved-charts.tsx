// The analyst's saved charts, each redrawn from its stored query with today's data.
import { db } from "@/lib/db";
import { parseFilters } from "@/lib/dashboard/date-range";
import { parseExplorerChoice } from "@/lib/dashboard/explorer-query";
import { listSavedCharts } from "@/lib/dashboard/saved-charts";
import { removeChartAction } from "@/app/(dashboard)/analyst/actions";
import type { ReadyContext } from "./dashboard-context";
import { ExplorerChart } from "./explorer-chart";

export async function SavedCharts({ ctx }: { ctx: ReadyContext }) {
  const L = ctx.t.dashboard.explorer;
  const charts = await listSavedCharts(db, ctx.user);
  if (!charts.length) return <p className="text-sm text-slate-600">{L.noCharts}</p>;
  return (
    <ul className="grid gap-4 lg:grid-cols-2">
      {charts.map((c) => (
        <li key={c.id} className="rounded-md border p-3" data-testid="saved-chart">
          <div className="mb-2 flex items-baseline justify-between gap-2">
            <h3 className="font-medium">{c.title}</h3>
            <form action={removeChartAction}>
              <input type="hidden" name="id" value={c.id} />
              <button type="submit" className="text-xs text-slate-600 hover:text-red-800 hover:underline">{L.remove}</button>
            </form>
          </div>
          <ExplorerChart ctx={ctx} choice={parseExplorerChoice(c.query)} filters={parseFilters(c.query, ctx.anchor)} />
        </li>
      ))}
    </ul>
  );
}
