// Admin: pipeline runs (status, duration), a run's steps as a timeline, its data-quality
// results and quarantined rows, and "run now" (a day, a range or a full rebuild) followed live.
import { pool } from "@/lib/db";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { getRun } from "@/lib/pipeline/runs/get-run";
import { listQuarantine } from "@/lib/pipeline/runs/list-quarantine";
import { listRuns } from "@/lib/pipeline/runs/list-runs";
import { parseId } from "@/lib/api/parse-id";
import { PageHeader } from "@/components/layout/page-header";
import { QuarantineTable } from "@/components/pipeline/quarantine-table";
import { fill } from "@/components/pipeline/run-format";
import { RunDetail } from "@/components/pipeline/run-detail";
import { RunNowForm } from "@/components/pipeline/run-now-form";
import { RunsTable } from "@/components/pipeline/runs-table";

export default async function PipelinePage({ searchParams }: { searchParams: Promise<{ run?: string | string[] }> }) {
  const user = await requirePermission("pipeline:run");
  const { t, locale } = await getMessages();
  const requested = (await searchParams).run;
  const runId = parseId(requested);
  const [runs, run] = await Promise.all([listRuns(pool(), user), runId === null ? null : getRun(pool(), user, runId)]);
  const quarantine = await listQuarantine(pool(), user, { runId: run ? runId : null });
  return (
    <>
      <PageHeader title={t.pipeline.title} lead={t.pipeline.lead} />
      <RunNowForm labels={t.pipeline} locale={locale} />
      <RunsTable runs={runs} selectedId={run?.id ?? null} labels={t.pipeline} locale={locale} />
      {requested !== undefined && !run && (
        <p role="alert" className="mb-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {fill(t.pipeline.runNotFound, { id: String(requested) })}
        </p>
      )}
      {run && <RunDetail run={run} labels={t.pipeline} locale={locale} />}
      <QuarantineTable quarantine={quarantine} labels={t.pipeline} locale={locale} />
    </>
  );
}
