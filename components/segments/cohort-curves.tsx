"use client";
// Cumulative revenue per customer by months since acquisition, one curve per cohort. The
// heat-map table next to it holds the same figures for screen readers and exact reading.
import { LineCurves } from "@/components/charts/line-curves";
import type { UiLocale } from "@/lib/format";
import type { CohortRow } from "@/lib/segments/get-cohorts";

export function CohortCurves({ cohorts, names, locale, xLabel, ariaLabel }: { cohorts: CohortRow[]; names: string[]; locale: UiLocale; xLabel: string; ariaLabel: string }) {
  const curves = cohorts.map((c, i) => ({ name: names[i], points: c.cells.map((x) => ({ x: x.k, y: x.cumulativePerCustomer })) }));
  const euros = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  return <LineCurves curves={curves} xLabel={xLabel} ariaLabel={ariaLabel} formatY={(v) => euros.format(v)} />;
}
