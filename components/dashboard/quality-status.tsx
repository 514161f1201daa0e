// The latest run's data-quality checks: failures first, with their severity and row counts.
import { pool } from "@/lib/db";
import { getQualityStatus } from "@/lib/dashboard/get-quality-status";
import { formatDateTime, formatKpiValue } from "@/lib/format";
import type { ReadyContext } from "./dashboard-context";

export async function QualityStatus({ ctx }: { ctx: ReadyContext }) {
  const { locale, t } = ctx;
  const L = t.dashboard.quality;
  const q = await getQualityStatus(pool(), ctx.user);
  if (!q.runId) return <p className="text-sm text-slate-600">{L.none}</p>;
  const failed = q.rules.filter((r) => !r.passed);
  return (
    <div>
      <p className="mb-2 text-sm" data-testid="quality-summary">
        {L.summary.replace("{run}", q.runId).replace("{at}", q.checkedAt ? formatDateTime(q.checkedAt, locale) : "").replace("{passed}", String(q.rules.length - failed.length)).replace("{total}", String(q.rules.length))}
      </p>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm tabular-nums" data-testid="quality-rules">
          <thead className="sticky top-0 bg-white text-xs text-slate-500">
            <tr>
              {[L.rule, L.severity, L.result, L.failingRows].map((h, i) => (
                <th key={h} scope="col" className={`py-1 pr-3 font-medium ${i === 3 ? "text-right" : "text-left"}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.rules.map((r) => (
              <tr key={r.ruleId} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 text-left font-mono text-xs font-normal" title={r.details ?? undefined}>{r.ruleId}</th>
                <td className="py-1 pr-3">{r.severity}</td>
                <td className={`py-1 pr-3 ${r.passed ? "text-emerald-800" : r.severity === "error" ? "text-red-800" : "text-amber-800"}`}>{r.passed ? L.passed : L.failed}</td>
                <td className="py-1 pr-3 text-right">{formatKpiValue(r.failingRows, "count", locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
