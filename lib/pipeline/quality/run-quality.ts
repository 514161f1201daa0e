// Step "quality": evaluates every rule, stores each outcome with the run, and says whether the
// gate passes (no failing rule of severity "error").
import type pg from "pg";
import { inLanes } from "../lanes";
import { QUALITY_RULES } from "./quality-rules";

export type QualityOutcome = { ruleId: string; severity: string; passed: boolean; failingRows: number; examples: string[] };

export async function runQuality(pool: pg.Pool, runId: bigint): Promise<{ passed: boolean; outcomes: QualityOutcome[] }> {
  // The rules only read and do not depend on one another: two at once keep both cores busy (a
  // first load at scale m spent ~20 s on them one after the other). Stored in the rules' order.
  const counts = new Map<string, { failing: string; examples: string[] | null }>();
  await inLanes(
    QUALITY_RULES.map((rule) => [rule]),
    2,
    async (rule) => void counts.set(rule.id, (await pool.query<{ failing: string; examples: string[] | null }>(rule.sql)).rows[0]),
  );
  const outcomes: QualityOutcome[] = [];
  for (const rule of QUALITY_RULES) {
    const count = counts.get(rule.id)!;
    const failingRows = Number(count.failing);
    const examples = count.examples ?? [];
    outcomes.push({ ruleId: rule.id, severity: rule.severity, passed: failingRows === 0, failingRows, examples });
    await pool.query(
      `INSERT INTO quality_result (run_id, rule_id, severity, passed, failing_rows, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [runId, rule.id, rule.severity, failingRows === 0, failingRows, failingRows ? `${rule.description}. Examples: ${examples.join(", ")}` : rule.description],
    );
  }
  return { passed: outcomes.every((o) => o.passed || o.severity !== "error"), outcomes };
}
