// Work that reads fresh gold and writes derived tables (segments, forecasts, anomalies,
// alerts): run after gold, in order, by runPhases and by the Inngest flow, each recorded as a
// pipeline step of its own. Each entry is an idempotent function of the database and the run.
import type pg from "pg";
import { raiseAnomalyAlerts } from "../alerts/raise-anomaly-alerts";
import { raiseStockAlerts } from "../alerts/raise-stock-alerts";

export type AnalyticsContext = { runId: bigint; timeZone: string };
export type AnalyticsPhase = {
  /** Step name in pipeline_step and Inngest (kebab-case). */
  name: string;
  run: (pool: pg.Pool, ctx: AnalyticsContext) => Promise<{ rowsIn?: number; rowsOut?: number }>;
};

export const ANALYTICS_PHASES: AnalyticsPhase[] = [
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
];
