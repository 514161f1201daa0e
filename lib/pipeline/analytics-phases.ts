// Work that reads fresh gold and writes derived tables (segments, forecasts, anomalies,
// alerts): run after gold, in order, by runPhases and by the Inngest flow, each recorded as a
// pipeline step of its own. Each entry is an idempotent function of the database and the run.
import type pg from "pg";
import { SEGMENTS_PHASE } from "../segments/build-segments";
import { forecastsPhase } from "./analytics/forecasts-phase";
import { promoUpliftPhase } from "./analytics/promo-uplift-phase";
import { raiseAnomalyAlerts } from "../alerts/raise-anomaly-alerts";
import { raiseStockAlerts } from "../alerts/raise-stock-alerts";
import { runNotifications } from "../alerts/notify/notification-phase";

export type AnalyticsContext = { runId: bigint; timeZone: string };
export type AnalyticsPhase = {
  /** Step name in pipeline_step and Inngest (kebab-case). */
  name: string;
  run: (pool: pg.Pool, ctx: AnalyticsContext) => Promise<{ rowsIn?: number; rowsOut?: number }>;
};

export const ANALYTICS_PHASES: AnalyticsPhase[] = [
  SEGMENTS_PHASE,
  forecastsPhase,
  promoUpliftPhase,
  {
    name: "stock-alerts",
    run: async (pool, ctx) => {
      const r = await raiseStockAlerts(pool, ctx.runId);
      return { rowsIn: r.current, rowsOut: r.raised };
    },
  },
  {
    name: "anomaly-alerts",
    run: async (pool, ctx) => {
      const r = await raiseAnomalyAlerts(pool, ctx.runId, ctx.timeZone);
      return { rowsIn: r.found, rowsOut: r.raised.length };
    },
  },
  {
    // Last: tells about the alerts the steps above raised. Never fails the run (see deliver.ts).
    name: "alert-notifications",
    run: async (pool, ctx) => {
      const { told, digest } = await runNotifications(pool, ctx.timeZone);
      return { rowsOut: (told.email?.ok ? 1 : 0) + (told.webhook?.ok ? 1 : 0) + digest.sent };
    },
  },
];
