"use client";
// "Run now": a day, a range or a full rebuild; POSTs /api/v1/pipeline/runs, then polls the
// runs list every 2 s to follow the new run (status and steps) until it ends, and refreshes
// the page's server-rendered tables at the end. The one-line status is announced (role=status).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { Locale } from "@/lib/i18n/messages";
import type { RunSummary } from "@/lib/pipeline/runs/types";
import { fill, formatDuration, lookup, type PipelineLabels } from "./run-format";
import { StatusBadge } from "./status-badge";

type Props = { labels: PipelineLabels; locale: Locale };
/** The runs that existed when the request was sent end at `baseline`; ours is the first after it. */
type Watch = { baseline: bigint; since: number; queued: boolean };

const POLL_MS = 2000;
/** With no run going and none started after this long, the request was dropped (e.g. a run held by another process). */
const START_TIMEOUT_MS = 60_000;
const RUNS_URL = "/api/v1/pipeline/runs?limit=20";

async function fetchRuns(): Promise<RunSummary[]> {
  const res = await fetch(RUNS_URL, { cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { runs: RunSummary[] }).runs;
}

const maxId = (runs: RunSummary[]) => runs.reduce((m, r) => (BigInt(r.id) > m ? BigInt(r.id) : m), BigInt(0));

export function RunNowForm({ labels, locale }: Props) {
  const t = labels.runNow;
  const router = useRouter();
  const id = useId();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [full, setFull] = useState(false);
  const [starting, setStarting] = useState(false);
  const [watch, setWatch] = useState<Watch | null>(null);
  const [ended, setEnded] = useState<RunSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const runs = useQuery({
    queryKey: ["pipeline-runs", "live"],
    queryFn: fetchRuns,
    enabled: watch !== null,
    refetchInterval: watch ? POLL_MS : false,
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
  });

  const run = watch && runs.data ? runs.data.filter((r) => BigInt(r.id) > watch.baseline).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))[0] : undefined;
  const shown = run ?? ended ?? undefined;

  useEffect(() => {
    if (!watch || !runs.data) return;
    if (run && run.status !== "RUNNING") {
      setEnded(run);
      setWatch(null);
      router.refresh();
    } else if (!run && !runs.data.some((r) => r.status === "RUNNING") && Date.now() - watch.since > START_TIMEOUT_MS) {
      setError(t.notStarted);
      setWatch(null);
    }
  }, [watch, runs.data, run, router, t.notStarted]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setEnded(null);
    const first = from || to;
    const last = to || from;
    if (full && first) return setError(t.fullWithDates);
    if (first && last && first > last) return setError(t.rangeInvalid);
    const body = full ? { full: true } : first ? { from: first, to: last } : {};
    setStarting(true);
    try {
      const baseline = maxId(await fetchRuns());
      const res = await fetch("/api/v1/pipeline/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.status !== 202) {
        const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(fill(t.httpError, { status: res.status, message: payload?.error?.message ?? res.statusText }));
        return;
      }
      const { queued } = (await res.json()) as { accepted: boolean; queued: boolean };
      setWatch({ baseline, since: Date.now(), queued });
    } catch {
      setError(t.networkError);
    } finally {
      setStarting(false);
    }
  }

  const busy = starting || watch !== null;
  const current = run?.steps.findLast((s) => s.status === "RUNNING");
  const message = starting
    ? t.starting
    : watch && !run
      ? watch.queued
        ? t.queued
        : t.accepted
      : run && run.status === "RUNNING"
        ? current
          ? fill(t.runningStep, { id: run.id, step: lookup(labels.steps, current.name) })
          : fill(t.running, { id: run.id })
        : ended
          ? fill(t.ended, { id: ended.id, status: labels.statuses[ended.status], duration: formatDuration(ended.durationMs, locale) })
          : "";

  return (
    <section className="mb-6 rounded-lg border bg-white p-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="font-semibold">
        {t.title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t.lead}</p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-4" noValidate>
        <div>
          <label htmlFor={`${id}-from`} className="block text-sm font-medium">
            {t.from}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            disabled={full || busy}
            aria-describedby={`${id}-hint`}
            className="mt-1 rounded-md border px-2 py-1.5 text-sm disabled:bg-slate-100"
          />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="block text-sm font-medium">
            {t.to}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            disabled={full || busy}
            aria-describedby={`${id}-hint`}
            className="mt-1 rounded-md border px-2 py-1.5 text-sm disabled:bg-slate-100"
          />
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id={`${id}-full`} type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} disabled={busy} className="size-4" />
          <label htmlFor={`${id}-full`} className="text-sm">
            {t.full}
          </label>
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
        >
          {starting ? t.starting : t.submit}
        </button>
      </form>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {t.dateHint}
      </p>

      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <p role="status" className="mt-3 text-sm font-medium" data-testid="run-now-status">
        {message}
      </p>

      {shown && (
        <div className="mt-3 rounded-md border p-3" data-testid="live-run" data-status={shown.status} aria-labelledby={`${id}-progress`} role="group">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <h3 id={`${id}-progress`} className="font-semibold">
              {t.progressTitle} · #{shown.id}
            </h3>
            <StatusBadge status={shown.status} labels={labels} />
            <span className="tabular-nums text-slate-600">{formatDuration(shown.durationMs, locale)}</span>
            {shown.status !== "RUNNING" && (
              <Link href={`/admin/pipeline?run=${shown.id}#run-detail`} scroll={false} className="font-medium text-indigo-700 underline">
                {fill(t.view, { id: shown.id })}
              </Link>
            )}
          </div>
          {shown.steps.length > 0 && (
            <ol className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={labels.stepsTitle}>
              {shown.steps.map((s) => (
                <li key={s.id} className="flex items-center gap-1.5 rounded bg-slate-50 px-2 py-1">
                  <span>{lookup(labels.steps, s.name)}</span>
                  <StatusBadge status={s.status} labels={labels} />
                  <span className="tabular-nums text-xs text-slate-600">{formatDuration(s.durationMs, locale)}</span>
                </li>
              ))}
            </ol>
          )}
          {shown.error && <p className="mt-2 text-sm text-red-900">{shown.error}</p>}
        </div>
      )}
    </section>
  );
}
