"use client";
// The live alerts feed: polls /api/v1/alerts so new alerts and other users' acknowledgements
// appear without a reload; each alert shows what happened, its context (anomalies: expected
// value and range, the chart around the day) and who acknowledged or resolved it, when.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AlertView } from "@/lib/alerts/alert-view";
import type { AlertKind } from "@/lib/alerts/alert-visibility";
import { formatDateTime, type UiLocale } from "@/lib/format";
import type { AlertLabels } from "@/lib/i18n/areas/alerts";
import { AnomalyChart } from "@/components/charts/anomaly-chart";
import { AlertActions } from "./alert-actions";
import { fill } from "@/components/pipeline/run-format";
import { alertTitle, metricFormatter } from "@/lib/alerts/alert-title";

type Props = {
  labels: AlertLabels["feed"];
  locale: UiLocale;
  /** Whether the user holds alerts:ack (the server refuses otherwise anyway). */
  canAct: boolean;
  kinds?: AlertKind[];
  pollMs?: number;
};

async function fetchAlerts(kinds: AlertKind[] | undefined, all: boolean): Promise<AlertView[]> {
  const q = new URLSearchParams(all ? {} : { status: "active" });
  for (const k of kinds ?? []) q.append("kind", k);
  const res = await fetch(`/api/v1/alerts?${q}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { alerts: AlertView[] }).alerts;
}

export function AlertsFeed({ labels: t, locale, canAct, kinds, pollMs = 10_000 }: Props) {
  const [all, setAll] = useState(false);
  const alerts = useQuery({ queryKey: ["alerts", kinds ?? "all", all], queryFn: () => fetchAlerts(kinds, all), refetchInterval: pollMs, refetchIntervalInBackground: true, staleTime: 0 });
  return (
    <section className="mb-6 rounded-lg border bg-white p-4" aria-labelledby="alerts-feed">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="alerts-feed" className="font-semibold">{t.title}</h2>
        <label className="text-sm">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} className="mr-1" />
          {t.showAll}
        </label>
      </div>
      {alerts.isPending && <p className="mt-3 text-sm text-slate-600">{t.loading}</p>}
      {alerts.isError && <p role="alert" className="mt-3 text-sm text-red-700">{t.error}</p>}
      {alerts.data?.length === 0 && <p className="mt-3 text-sm text-slate-600">{t.empty}</p>}
      <ul className="mt-3 divide-y" aria-live="polite">
        {alerts.data?.map((a) => <AlertItem key={a.id} alert={a} t={t} locale={locale} canAct={canAct} />)}
      </ul>
    </section>
  );
}

function AlertItem({ alert: a, t, locale, canAct }: { alert: AlertView; t: AlertLabels["feed"]; locale: UiLocale; canAct: boolean }) {
  const format = metricFormatter(a.metric, locale);
  const at = (iso: string) => formatDateTime(new Date(iso), locale);
  return (
    <li className="py-3" data-alert-id={a.id} data-status={a.status}>
      <p className="text-sm">
        <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${a.kind === "anomaly" ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-900"}`}>{t.kinds[a.kind]}</span>
        <span className="mr-2 text-xs text-slate-600">{t.statuses[a.status]}</span>
        <span className="font-medium">{alertTitle(a, t, locale)}</span>
      </p>
      {a.kind === "anomaly" && (
        <>
          <p className="mt-1 text-sm text-slate-700">
            {t.observed} : {format(a.observed)} · {t.expected} : {format(a.expected)} · {t.range} : {format(a.expectedLow)} – {format(a.expectedHigh)}
          </p>
          {a.context?.series && (
            <AnomalyChart points={a.context.series} highlightDay={a.day} caption={t.chartCaption} labels={{ day: t.day, observed: t.observed, expected: t.expected, range: t.range }} format={format} />
          )}
        </>
      )}
      {a.acknowledgedAt && (
        <p className="mt-1 text-sm text-slate-700">
          {fill(t.acknowledgedBy, { who: a.acknowledgedBy ?? "?", at: at(a.acknowledgedAt) })}
          {a.ackComment && <> — « {a.ackComment} »</>}
        </p>
      )}
      {a.resolvedAt && (
        <p className="mt-1 text-sm text-slate-700">
          {a.resolvedBy ? fill(t.resolvedBy, { who: a.resolvedBy, at: at(a.resolvedAt) }) : fill(t.resolvedAuto, { at: at(a.resolvedAt) })}
          {a.resolveComment && <> — « {a.resolveComment} »</>}
        </p>
      )}
      {canAct && a.status !== "resolved" && <AlertActions id={a.id} status={a.status} t={t} />}
    </li>
  );
}
