// Server component: acquisition cohorts as two heat-map tables (retention, cumulative revenue
// per customer) and the revenue curves (with their table alternative).
import type { CurrentUser } from "@/lib/auth/current-user";
import { pool } from "@/lib/db";
import { formatMonth, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { getCohorts, type CohortRow } from "@/lib/segments/get-cohorts";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { CohortHeatmapTable } from "./cohort-heatmap-table";

/** One point per month since acquisition, one value per cohort (null once the cohort has no such month yet). */
const curvePoints = (cohorts: CohortRow[], prefix: string) =>
  Array.from({ length: Math.max(0, ...cohorts.map((c) => c.cells.length)) }, (_, k) => ({
    period: `${prefix}${k}`,
    values: Object.fromEntries(cohorts.map((c) => [c.cohortMonth, c.cells[k]?.cumulativePerCustomer ?? null])),
  }));

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
        <TimeSeriesChart title={l.curvesHeading} points={curvePoints(cohorts, l.month)} series={cohorts.map((c) => ({ key: c.cohortMonth, label: formatMonth(c.cohortMonth, locale) }))}
          unit="eur" locale={locale} labels={{ table: l.curvesTable, period: l.monthsSince }} testId="cohort-curves" />
      </div>
    </section>
  );
}
