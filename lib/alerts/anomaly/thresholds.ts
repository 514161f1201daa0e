// Anomaly thresholds: the defaults (tuned on generated data, `npm run backtest -- --only anomalies`
// on seeds 42 and 9, checked on seed 5) and how an admin's rows override them — the most specific
// row wins, field by field.
export type Direction = "drops" | "spikes" | "both";
export type Thresholds = {
  /** Robust score (|log deviation| in robust standard deviations of the recent prediction
   * errors, see detect-series.ts) needed to alert. */
  sensitivity: number;
  /** Minimum |observed − expected| in the metric's unit (€, orders, ratio points). */
  minAbsChange: number;
  /** Minimum |observed − expected| / expected. */
  minRelChange: number;
  direction: Direction;
  /** Usable days (not promotions, not anomalies) needed before a series is judged. */
  minHistoryDays: number;
};
export type ThresholdRow = { metric: string; scopeType: string; scopeValue: string } & Partial<Thresholds>;

export const DEFAULT_THRESHOLDS: Thresholds = { sensitivity: 4.5, minAbsChange: 0, minRelChange: 0.3, direction: "both", minHistoryDays: 28 };

/**
 * Per-metric defaults: returns of recent orders are still arriving (a drop is expected); a
 * category's stock-out rate jumps whenever a few of its SKUs run out together, which per-SKU stock
 * alerts already report, so only an extreme rise is an anomaly.
 */
const METRIC_DEFAULTS: Record<string, Partial<Thresholds>> = {
  return_rate: { direction: "spikes", minAbsChange: 0.05 },
  stockout_rate: { direction: "spikes", minAbsChange: 0.1, sensitivity: 8 },
  conversion_rate: { minAbsChange: 0.01 },
};

export function thresholdsFor(metric: string, scopeType: string, scopeValue: string | null, rows: readonly ThresholdRow[]): Thresholds {
  const rank = (r: ThresholdRow) =>
    r.metric === metric || r.metric === "*"
      ? (r.metric === metric ? 4 : 0) + (r.scopeType === scopeType ? (r.scopeValue === (scopeValue ?? "") ? 2 : r.scopeValue === "" ? 1 : -99) : r.scopeType === "*" ? 0 : -99)
      : -99;
  const matching = rows.filter((r) => rank(r) >= 0).sort((a, b) => rank(a) - rank(b));
  const out: Thresholds = { ...DEFAULT_THRESHOLDS, ...METRIC_DEFAULTS[metric] };
  for (const r of matching) for (const [k, v] of Object.entries(r)) if (k in out && v !== null && v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
