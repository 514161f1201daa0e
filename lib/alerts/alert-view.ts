// The one shape of an alert outside the database (API, feed, emails), and the SQL that reads it.
export type AlertView = {
  id: string;
  kind: "stock_out" | "low_stock" | "anomaly";
  status: "open" | "acknowledged" | "resolved";
  day: string;
  metric: string | null;
  scopeType: string;
  scopeValue: string | null;
  /** Decimal strings. */
  observed: string | null;
  expected: string | null;
  expectedLow: string | null;
  expectedHigh: string | null;
  context: AlertContext | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackComment: string | null;
  resolvedAt: string | null;
  /** null with resolvedAt set: the pipeline resolved it because the condition is gone. */
  resolvedBy: string | null;
  resolveComment: string | null;
};

export type AlertSeriesPoint = { day: string; value: number | null; expected: number | null; low: number | null; high: number | null };
export type AlertContext = {
  direction?: "drop" | "spike";
  score?: number;
  series?: AlertSeriesPoint[];
  threshold?: number;
};

export const ALERT_SELECT = `
  SELECT a.id::text, a.kind::text, a.status::text, to_char(a.day, 'YYYY-MM-DD') AS day, a.metric, a.scope_type AS "scopeType",
         a.scope_value AS "scopeValue", a.observed::text, a.expected::text, a.expected_low::text AS "expectedLow",
         a.expected_high::text AS "expectedHigh", a.context, to_json(a.created_at)#>>'{}' AS "createdAt",
         to_json(a.acknowledged_at)#>>'{}' AS "acknowledgedAt", ack.name AS "acknowledgedBy", a.ack_comment AS "ackComment",
         to_json(a.resolved_at)#>>'{}' AS "resolvedAt", res.name AS "resolvedBy", a.resolve_comment AS "resolveComment"
    FROM alert a
    LEFT JOIN app_user ack ON ack.id = a.acknowledged_by
    LEFT JOIN app_user res ON res.id = a.resolved_by`;
