// Admins tune anomaly detection: the defaults per KPI, the rows that override them, a form.
import { ThresholdDeleteButton } from "@/components/alerts/threshold-delete-button";
import { ThresholdEditor } from "@/components/alerts/threshold-editor";
import { PageHeader } from "@/components/layout/page-header";
import { TableHead } from "@/components/ui/table-head";
import { listThresholds, WATCHED_METRICS } from "@/lib/alerts/manage-thresholds";
import { requirePermission } from "@/lib/auth/session";
import { pool } from "@/lib/db";
import { getMessages } from "@/lib/i18n/locale";
import { getKpi } from "@/lib/kpi/registry";

export default async function AlertThresholdsPage() {
  const user = await requirePermission("thresholds:manage");
  const { t, locale } = await getMessages();
  const l = t.alerts.thresholds;
  const { rows, defaults } = await listThresholds(pool(), user);
  const name = (m: string) => (m === "*" ? l.any : (getKpi(m)?.label[locale] ?? m));
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)} %`);
  const cols = [l.metric, l.scope, l.sensitivity, l.minAbs, l.minRel, l.direction, l.minHistory];
  return (
    <>
      <PageHeader title={l.title} lead={l.lead} />
      <ThresholdEditor t={l} metrics={WATCHED_METRICS.map((m) => ({ id: m, label: name(m) }))} />
      <section className="mb-6 overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm" aria-label={l.title}>
          <TableHead columns={[...cols, ""]} />
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.metric}|${r.scopeType}|${r.scopeValue}`} className="border-t">
                <td className="px-3 py-2">{name(r.metric)}</td>
                <td className="px-3 py-2">{r.scopeType === "*" ? l.any : r.scopeType} {r.scopeValue}</td>
                <td className="px-3 py-2">{r.sensitivity ?? "—"}</td>
                <td className="px-3 py-2">{r.minAbsChange ?? "—"}</td>
                <td className="px-3 py-2">{pct(r.minRelChange)}</td>
                <td className="px-3 py-2">{r.direction ? l.directions[r.direction] : "—"}</td>
                <td className="px-3 py-2">{r.minHistoryDays ?? "—"}</td>
                <td className="px-3 py-2"><ThresholdDeleteButton metric={r.metric} scopeType={r.scopeType} scopeValue={r.scopeValue} label={l.remove} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="overflow-x-auto rounded-lg border bg-white">
        <h2 className="px-3 pt-3 font-semibold">{l.defaults}</h2>
        <table className="mt-2 w-full text-left text-sm">
          <TableHead columns={cols} />
          <tbody>
            {Object.entries(defaults).map(([m, d]) => (
              <tr key={m} className="border-t">
                <td className="px-3 py-2">{name(m)}</td>
                <td className="px-3 py-2">{l.any}</td>
                <td className="px-3 py-2">{d.sensitivity}</td>
                <td className="px-3 py-2">{d.minAbsChange}</td>
                <td className="px-3 py-2">{pct(d.minRelChange)}</td>
                <td className="px-3 py-2">{l.directions[d.direction]}</td>
                <td className="px-3 py-2">{d.minHistoryDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
