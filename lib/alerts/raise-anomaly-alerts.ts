// Pipeline step: every anomaly found in gold becomes an alert with its context (observed,
// expected value and range, score, the chart points around the day). Keyed by metric, scope and
// day, so re-runs raise nothing twice; one statement. Answers the ids raised by this run.
import type pg from "pg";
import { detectAnomalies } from "./anomaly/detect-anomalies";
import type { ThresholdRow } from "./anomaly/thresholds";

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export async function loadThresholdRows(pool: pg.Pool): Promise<ThresholdRow[]> {
  const { rows } = await pool.query<ThresholdRow & { minAbsChange: string | null }>(
    `SELECT metric, scope_type AS "scopeType", scope_value AS "scopeValue", sensitivity, min_abs_change AS "minAbsChange",
            min_rel_change AS "minRelChange", direction::text AS direction, min_history_days AS "minHistoryDays" FROM alert_threshold`,
  );
  return rows.map((r) => ({ ...r, minAbsChange: r.minAbsChange === null ? undefined : Number(r.minAbsChange) }) as ThresholdRow);
}

export async function raiseAnomalyAlerts(pool: pg.Pool, runId: bigint | null, timeZone: string): Promise<{ found: number; raised: string[] }> {
  const found = await detectAnomalies(pool, timeZone, await loadThresholdRows(pool));
  const records = found.map((a) => ({
    key: `anomaly:${a.metric}:${a.scopeType}:${a.scopeValue ?? ""}:${a.day}`,
    day: a.day,
    metric: a.metric,
    scope_type: a.scopeType,
    scope_value: a.scopeValue,
    observed: round(a.observed),
    expected: round(a.expected),
    expected_low: round(a.low),
    expected_high: round(a.high),
    context: { direction: a.score < 0 ? "drop" : "spike", score: round(a.score), series: a.series.map((p) => ({ ...p, value: p.value === null ? null : round(p.value) })) },
  }));
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO alert (key, kind, day, metric, scope_type, scope_value, observed, expected, expected_low, expected_high, context, run_id)
     SELECT r.key, 'anomaly', r.day, r.metric, r.scope_type, r.scope_value, r.observed, r.expected, r.expected_low, r.expected_high, r.context, $2::bigint
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, day date, metric text, scope_type text, scope_value text, observed numeric, expected numeric,
                                                expected_low numeric, expected_high numeric, context jsonb)
     ON CONFLICT (key) DO NOTHING
     RETURNING id::text`,
    [JSON.stringify(records), runId],
  );
  return { found: found.length, raised: rows.map((r) => r.id) };
}
