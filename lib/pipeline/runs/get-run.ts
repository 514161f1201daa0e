// One pipeline run with its steps and its data-quality results (rule descriptions from the registry).
import type pg from "pg";
import { assertCan } from "../../auth/assert-can";
import type { CurrentUser } from "../../auth/current-user";
import { QUALITY_RULES } from "../quality/quality-rules";
import { RUN_COLUMNS, STEP_COLUMNS, toRun, type RunRecord, type StepRecord } from "./run-rows";
import type { RunDetail } from "./types";

type QualityRecord = { rule_id: string; severity: "error" | "warning"; passed: boolean; failing_rows: string; details: string | null; checked_at: Date };

export async function getRun(pool: pg.Pool, actor: CurrentUser, id: bigint): Promise<RunDetail | null> {
  assertCan(actor, "pipeline:run");
  const { rows } = await pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM pipeline_run r WHERE r.id = $1`, [String(id)]);
  if (rows.length === 0) return null;
  const [steps, quality] = await Promise.all([
    pool.query<StepRecord>(`SELECT ${STEP_COLUMNS} FROM pipeline_step s WHERE s.run_id = $1 ORDER BY s.started_at, s.id`, [String(id)]),
    pool.query<QualityRecord>(
      `SELECT rule_id, severity, passed, failing_rows::text AS failing_rows, details, checked_at FROM quality_result WHERE run_id = $1
        ORDER BY passed, CASE severity WHEN 'error' THEN 0 ELSE 1 END, rule_id`,
      [String(id)],
    ),
  ]);
  const descriptions = new Map(QUALITY_RULES.map((r) => [r.id, r.description]));
  return {
    ...toRun(rows[0], steps.rows),
    quality: quality.rows.map((q) => ({
      ruleId: q.rule_id,
      description: descriptions.get(q.rule_id) ?? null,
      severity: q.severity,
      passed: q.passed,
      failingRows: q.failing_rows,
      details: q.details,
      checkedAt: q.checked_at.toISOString(),
    })),
  };
}
