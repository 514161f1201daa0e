// The data-quality checks of the latest finished run, failures first: what analysts and admins
// look at before trusting a figure.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";

export async function getQualityStatus(pool: pg.Pool, actor: CurrentUser) {
  assertCan(actor, "quality:read");
  const { rows } = await pool.query<{ run_id: string; rule_id: string; severity: string; passed: boolean; failing_rows: string; details: string | null; checked_at: Date }>(
    `SELECT q.run_id::text, q.rule_id, q.severity, q.passed, q.failing_rows::text, q.details, q.checked_at
       FROM quality_result q
      WHERE q.run_id = (SELECT max(run_id) FROM quality_result)
      ORDER BY q.passed, q.severity, q.rule_id`,
  );
  return { runId: rows[0]?.run_id ?? null, checkedAt: rows[0]?.checked_at ?? null, rules: rows.map((r) => ({ ruleId: r.rule_id, severity: r.severity, passed: r.passed, failingRows: r.failing_rows, details: r.details })) };
}
