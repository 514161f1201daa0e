// Server component: acquisition cohorts as two heat-map tables (retention, cumulative revenue
// per customer) and the revenue curves.
import type { CurrentUser } from "@/lib/auth/current-user";
import { pool } from "@/lib/db";
import { formatMonth, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { getCohorts } from "@/lib/segments/get-cohorts";
import { CohortCurves } from "./cohort-curves";
import { CohortHeatmapTable } from "./cohort-heatmap-table";

type Props = { user: CurrentUser; locale: UiLocale; labels: Messages["segments"]; lastCohorts?: number };

export async function CohortsSection({ user, locale, labels, lastCohorts = 13 }: Props) {
  const cohorts = await getCohorts(pool(), user, { lastCohorts });
  if (!cohorts.length) return null;
  const l = labels.cohorts;
  return (
    <section aria-labelledby="cohorts" className="space-y-6 rounded-lg border bg-white p-4">
      <div>
        <h2 id="cohorts" className="text-lg font-semibold">{l.heading}</h2>
        <p className="text-sm text-slate-600">{l.lead}</p>
      </div>
      <CohortHeatmapTable cohorts={cohorts} locale={locale} labels={l} metric="retention" caption={l.retentionHeading} />
      <CohortHeatmapTable cohorts={cohorts} locale={locale} labels={l} metric="cumulativePerCustomer" caption={l.revenueHeading} />
      <div>
        <h3 className="text-sm font-medium text-slate-700">{l.curvesHeading}</h3>
        <CohortCurves cohorts={cohorts} names={cohorts.map((c) => formatMonth(c.cohortMonth, locale))} locale={locale} xLabel={l.monthsSince} ariaLabel={l.curvesHeading} />
      </div>
    </section>
  );
}
