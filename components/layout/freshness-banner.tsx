// "Data up to <date>, last run <time> SUCCESS", or a visible warning when the last run failed.
import type { Freshness } from "@/lib/data/get-freshness";
import { formatDate, formatDateTime, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

export function FreshnessBanner({ freshness, locale, labels }: { freshness: Freshness; locale: UiLocale; labels: Messages["freshness"] }) {
  const run = freshness.lastRun;
  const failed = run?.status === "FAILED";
  return (
    <p role={failed ? "alert" : "status"} className={`mb-4 rounded-md px-3 py-2 text-sm ${failed ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-700"}`} data-testid="freshness">
      {freshness.dataUpTo ? `${labels.dataUpTo} ${formatDate(freshness.dataUpTo, locale)}` : labels.noData}
      {run && (
        <>
          {" · "}
          {labels.lastRun} #{run.id} {run.finishedAt ? formatDateTime(run.finishedAt, locale) : ""} {labels.status[run.status as keyof typeof labels.status] ?? run.status}
          {failed && ` — ${run.qualityGate === "failed" ? labels.gateFailed : labels.runFailed}`}
        </>
      )}
    </p>
  );
}
