// KPI tiles: each KPI's total over the last day with data and over the last 30 days, each
// with the previous period of the same length.
import { addDays } from "../dates/add-days";
import type pg from "pg";
import type { CurrentUser } from "../auth/current-user";
import { getKpiSeries } from "./get-kpi-series";
import { getKpi } from "./registry";


export async function getKpiOverview(pool: pg.Pool, actor: CurrentUser, ids: string[], asOf: string) {
  const ranges = { day: { from: asOf, to: asOf }, last30: { from: addDays(asOf, -29), to: asOf } };
  return Promise.all(
    ids.map(async (id) => {
      const kpi = getKpi(id)!;
      const [day, last30] = await Promise.all(
        Object.values(ranges).map((r) => getKpiSeries(pool, actor, kpi, { ...r, grain: "day", by: null })),
      );
      return { id, unit: kpi.unit, label: kpi.label, definition: kpi.definition, day: { value: day.total, previous: day.previous.total }, last30: { value: last30.total, previous: last30.previous.total } };
    }),
  );
}
export type KpiTileData = Awaited<ReturnType<typeof getKpiOverview>>[number];
