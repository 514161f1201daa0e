// Server component: RFM segments of the latest snapshot (counts, revenue, export links),
// month-over-month movement and the rules. Self-contained, so it can sit on any page whose
// reader holds segments:view (the segments page, the marketing home).
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pool } from "@/lib/db";
import { formatDate, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { getSegmentMovement } from "@/lib/segments/get-segment-movement";
import { getSegmentSummary } from "@/lib/segments/get-segment-summary";
import { SegmentMovementTable } from "./segment-movement-table";
import { SegmentRulesTable } from "./segment-rules-table";
import { SegmentSummaryTable } from "./segment-summary-table";

type Props = { user: CurrentUser; locale: UiLocale; labels: Messages["segments"]; showMovement?: boolean };

export async function SegmentsSection({ user, locale, labels, showMovement = true }: Props) {
  const [summary, movement] = await Promise.all([getSegmentSummary(pool(), user), showMovement ? getSegmentMovement(pool(), user) : null]);
  if (!summary.month) return <p className="text-slate-600">{labels.noData}</p>;
  return (
    <div className="space-y-8">
      <section aria-labelledby="segments-summary" className="rounded-lg border bg-white p-4">
        <h2 id="segments-summary" className="text-lg font-semibold">{labels.summary.heading}</h2>
        <p className="mb-3 text-sm text-slate-600" data-testid="segments-as-of">{labels.asOf} {summary.asOf && formatDate(summary.asOf, locale)}</p>
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <SegmentSummaryTable summary={summary} locale={locale} labels={labels} canExport={can(user.role, "segments:export")} />
          <SegmentRulesTable labels={labels} />
        </div>
      </section>
      {movement && (
        <section aria-labelledby="segments-movement" className="rounded-lg border bg-white p-4">
          <h2 id="segments-movement" className="text-lg font-semibold">{labels.movement.heading}</h2>
          <p className="mb-3 text-sm text-slate-600">{labels.movement.lead}</p>
          <SegmentMovementTable movement={movement} locale={locale} labels={labels} />
        </section>
      )}
    </div>
  );
}
