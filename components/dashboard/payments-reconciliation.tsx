// Captured payments against the value of the period's orders, the gap broken down.
import { pool } from "@/lib/db";
import { getPaymentsReconciliation } from "@/lib/dashboard/get-payments-reconciliation";
import { formatKpiValue } from "@/lib/format";
import type { ReadyContext } from "./dashboard-context";

export async function PaymentsReconciliation({ ctx }: { ctx: ReadyContext }) {
  const { filters, locale, t } = ctx;
  const r = await getPaymentsReconciliation(pool(), ctx.user, filters.from, filters.to, filters.channel);
  const L = t.dashboard.reconciliation;
  const eur = (v: string) => formatKpiValue(v, "eur", locale);
  const rows: [string, string, string?][] = [
    [L.orderValue, eur(r.orderValue), "order-value"],
    [L.captured, eur(r.captured), "captured"],
    [L.gap, eur(r.gap), "gap"],
    [`  ${L.capturedOnCancelled}`, eur(r.capturedOnCancelled), "captured-on-cancelled"],
    [`  ${L.neverCaptured.replace("{orders}", String(r.neverCapturedOrders))}`, `− ${eur(r.neverCaptured)}`, "never-captured"],
    [`  ${L.unexplained}`, eur(r.unexplained), "unexplained"],
  ];
  return (
    <div>
      <table className="w-full text-sm tabular-nums" data-testid="reconciliation">
        <tbody>
          {rows.map(([label, value, id]) => (
            <tr key={id} className={`border-t border-slate-100 ${id === "gap" ? "font-semibold" : ""}`}>
              <th scope="row" className={`py-1.5 pr-3 text-left font-normal ${label.startsWith("  ") ? "pl-4 text-slate-600" : ""}`}>{label.trim()}</th>
              <td className="py-1.5 text-right" data-testid={`reconciliation-${id}`}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        {L.note.replace("{failed}", String(r.failedAttempts)).replace("{refunded}", eur(r.refunded))}
      </p>
    </div>
  );
}
