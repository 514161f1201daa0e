// Shapes the pipeline page and GET /api/v1/pipeline/runs[/{id}] answer with. Ids are strings
// and instants ISO strings, so they serialise to JSON and cross to client components as is.
export type RunStatus = "RUNNING" | "SUCCESS" | "FAILED";
export type RunScope = { from: string | null; to: string | null; full: boolean };

export type StepSummary = {
  id: string;
  name: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Elapsed so far while it runs. */
  durationMs: number;
  rowsIn: string | null;
  rowsOut: string | null;
  error: string | null;
};

export type RunSummary = {
  id: string;
  trigger: string;
  scope: RunScope;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Elapsed so far while it runs. */
  durationMs: number;
  /** passed | failed | skipped, null before the quality step. */
  qualityGate: string | null;
  error: string | null;
  steps: StepSummary[];
};

export type QualityResultRow = {
  ruleId: string;
  /** From the rule registry; null for a rule no longer defined. English, like the contracts. */
  description: string | null;
  severity: "error" | "warning";
  passed: boolean;
  failingRows: string;
  details: string | null;
  checkedAt: string;
};

export type RunDetail = RunSummary & { quality: QualityResultRow[] };

export type QuarantineRow = {
  id: string;
  fileId: string;
  fileName: string;
  source: string | null;
  lineNo: number;
  field: string | null;
  /** A silver rule id (e.g. orders.updated_after_ordered); null for a cell check at ingest. */
  rule: string | null;
  reason: string;
  /** The row as received, shortened; null when the reader may not see personal data. */
  raw: string | null;
};

export type Quarantine = {
  /** The run whose time window was searched, or null for the latest rejects overall. */
  runId: string | null;
  rows: QuarantineRow[];
  /** Rejected rows in scope, of which `rows` are the latest. */
  total: number;
};
