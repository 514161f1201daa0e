// An analyst's personal dashboard: explorer views saved by name. Only the query is stored
// (KPI, dimension, relative or fixed range, grain, filters), so a saved "last 30 days" chart
// always shows the latest 30 days.
import { z } from "zod";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import type { PrismaClient } from "../generated/prisma/client";

const QUERY_KEYS = ["kpi", "by", "range", "from", "to", "grain", "category", "channel"] as const;
export const savedChartInput = z.object({
  title: z.string().trim().min(1, "title is required").max(120),
  query: z.partialRecord(z.enum(QUERY_KEYS), z.string().max(100)),
});
export type SavedChartInput = z.infer<typeof savedChartInput>;
export const MAX_SAVED_CHARTS = 50;

export async function listSavedCharts(db: PrismaClient, actor: CurrentUser) {
  assertCan(actor, "analyst:view");
  const rows = await db.savedChart.findMany({ where: { userId: actor.id }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ id: String(r.id), title: r.title, query: r.query as Record<string, string> }));
}

export async function saveChart(db: PrismaClient, actor: CurrentUser, input: SavedChartInput) {
  assertCan(actor, "analyst:view");
  const count = await db.savedChart.count({ where: { userId: actor.id } });
  if (count >= MAX_SAVED_CHARTS) throw new Error(`at most ${MAX_SAVED_CHARTS} saved charts: remove one first`);
  const query = Object.fromEntries(QUERY_KEYS.filter((k) => input.query[k]).map((k) => [k, input.query[k]]));
  await db.savedChart.create({ data: { userId: actor.id, title: input.title, query } });
}

/** Removes one of the actor's own charts (someone else's id changes nothing). */
export async function removeSavedChart(db: PrismaClient, actor: CurrentUser, id: bigint) {
  assertCan(actor, "analyst:view");
  const { count } = await db.savedChart.deleteMany({ where: { id, userId: actor.id } });
  return count === 1;
}
