"use client";
// Add, replace or delete one anomaly threshold (PUT/DELETE /api/v1/alert-thresholds); empty
// fields keep the default. The page's server-rendered table refreshes after each change.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { AlertLabels } from "@/lib/i18n/areas/alerts";

type Props = { t: AlertLabels["thresholds"]; metrics: { id: string; label: string }[] };
const FIELDS = ["sensitivity", "minAbsChange", "minRelChange", "minHistoryDays"] as const;
const CONTROL = "mt-1 block w-full rounded border px-2 py-1";

/** A label above its control, tied by id (the control's accessible name is exactly the label). */
function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="text-sm">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function ThresholdEditor({ t, metrics }: Props) {
  const router = useRouter();
  const [form, setForm] = useState<Record<string, string>>({ metric: metrics[0].id, scopeType: "total", scopeValue: "", direction: "" });
  const [status, setStatus] = useState<string | null>(null);
  const set = (k: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const num = (k: string) => (form[k] ? Number(form[k].replace(",", ".")) : null);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      metric: form.metric,
      scopeType: form.scopeType,
      scopeValue: form.scopeType === "total" ? "" : form.scopeValue,
      sensitivity: num("sensitivity"),
      minAbsChange: num("minAbsChange"),
      minRelChange: form.minRelChange ? num("minRelChange")! / 100 : null,
      minHistoryDays: num("minHistoryDays"),
      direction: form.direction || null,
    };
    const res = await fetch("/api/v1/alert-thresholds", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    setStatus(res.ok ? t.saved : ((await res.json()) as { error: { message: string } }).error.message);
    if (res.ok) router.refresh();
  }

  const label = { sensitivity: t.sensitivity, minAbsChange: t.minAbs, minRelChange: t.minRel, minHistoryDays: t.minHistory };
  return (
    <form onSubmit={save} className="mb-6 grid gap-3 rounded-lg border bg-white p-4 sm:grid-cols-3" aria-label={t.title}>
      <Field label={t.metric}>
        {(id) => (
          <select id={id} value={form.metric} onChange={set("metric")} className={CONTROL}>
            {metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        )}
      </Field>
      <Field label={t.scope}>
        {(id) => (
          <select id={id} value={form.scopeType} onChange={set("scopeType")} className={CONTROL}>
            {["total", "category", "channel", "*"].map((s) => <option key={s} value={s}>{s === "*" ? t.any : s}</option>)}
          </select>
        )}
      </Field>
      <Field label={t.scopeValue}>{(id) => <input id={id} value={form.scopeValue} onChange={set("scopeValue")} disabled={form.scopeType === "total"} className={CONTROL} />}</Field>
      {FIELDS.map((k) => (
        <Field key={k} label={label[k]}>
          {(id) => <input id={id} inputMode="decimal" value={form[k] ?? ""} onChange={set(k)} placeholder={t.defaults} className={CONTROL} />}
        </Field>
      ))}
      <Field label={t.direction}>
        {(id) => (
          <select id={id} value={form.direction} onChange={set("direction")} className={CONTROL}>
            <option value="">{t.defaults}</option>
            {(["both", "drops", "spikes"] as const).map((d) => <option key={d} value={d}>{t.directions[d]}</option>)}
          </select>
        )}
      </Field>
      <div className="flex items-end gap-3 sm:col-span-3">
        <button type="submit" className="rounded bg-indigo-700 px-3 py-1 text-sm font-medium text-white">{t.save}</button>
        {status && <p role="status" className="text-sm">{status}</p>}
      </div>
    </form>
  );
}
