// Admins tune anomaly detection per metric and scope (alert_threshold); each field left empty
// keeps the default. The next pipeline run uses them.
import type pg from "pg";
import { z } from "zod";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { loadThresholdRows } from "./raise-anomaly-alerts";
import { thresholdsFor, type Thresholds, type ThresholdRow } from "./anomaly/thresholds";

export const WATCHED_METRICS = ["revenue", "orders", "aov", "conversion_rate", "return_rate", "stockout_rate"] as const;

export const thresholdKey = z.object({
  metric: z.enum([...WATCHED_METRICS, "*"]),
  scopeType: z.enum(["total", "category", "channel", "*"]),
  scopeValue: z.string().trim().max(200).default(""),
});
export const thresholdInput = thresholdKey.extend({
  sensitivity: z.number().min(1).max(50).nullish(),
  minAbsChange: z.number().min(0).nullish(),
  minRelChange: z.number().min(0).max(10).nullish(),
  direction: z.enum(["drops", "spikes", "both"]).nullish(),
  minHistoryDays: z.number().int().min(7).max(3650).nullish(),
});
export type ThresholdInput = z.infer<typeof thresholdInput>;

export async function listThresholds(pool: pg.Pool, actor: CurrentUser): Promise<{ rows: ThresholdRow[]; defaults: Record<string, Thresholds> }> {
  assertCan(actor, "thresholds:manage");
  const rows = await loadThresholdRows(pool);
  return { rows, defaults: Object.fromEntries(WATCHED_METRICS.map((m) => [m, thresholdsFor(m, "total", null, [])])) };
}

export async function saveThreshold(pool: pg.Pool, actor: CurrentUser, t: ThresholdInput): Promise<void> {
  assertCan(actor, "thresholds:manage");
  await pool.query(
    `INSERT INTO alert_threshold (metric, scope_type, scope_value, sensitivity, min_abs_change, min_rel_change, direction, min_history_days, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::"AlertDirection", $8, now(), $9)
     ON CONFLICT (metric, scope_type, scope_value) DO UPDATE SET sensitivity = EXCLUDED.sensitivity, min_abs_change = EXCLUDED.min_abs_change,
       min_rel_change = EXCLUDED.min_rel_change, direction = EXCLUDED.direction, min_history_days = EXCLUDED.min_history_days, updated_at = now(), updated_by = $9`,
    [t.metric, t.scopeType, t.scopeValue, t.sensitivity ?? null, t.minAbsChange ?? null, t.minRelChange ?? null, t.direction ?? null, t.minHistoryDays ?? null, actor.id],
  );
}

export async function deleteThreshold(pool: pg.Pool, actor: CurrentUser, k: z.infer<typeof thresholdKey>): Promise<boolean> {
  assertCan(actor, "thresholds:manage");
  const { rowCount } = await pool.query("DELETE FROM alert_threshold WHERE metric = $1 AND scope_type = $2 AND scope_value = $3", [k.metric, k.scopeType, k.scopeValue]);
  return (rowCount ?? 0) > 0;
}
