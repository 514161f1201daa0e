// Forecast accuracy on rolling origins over the last months: MASE of the model against the
// weekly seasonal-naive baseline, per category (revenue and units), at 7 and 30 days, and the
// empirical coverage of the 80% interval. The ratio is averaged over the series, as the issue
// states the target ("on average over categories"); the pooled ratio (Σ model ÷ Σ naive) is
// printed beside it. Known promotion days and the site's total (for calendar effects) are given
// to the model, as the pipeline does.
import { CATEGORIES } from "../../lib/generator/catalog";
import { backtestSeries } from "../../lib/analytics/forecast/accuracy";
import type { BacktestContext, BacktestSection } from "./support";

const ORIGINS = 12;
const STEP_DAYS = 14;

export const forecastAccuracy: BacktestSection = {
  name: "forecast accuracy",
  async run({ series, manifest, log }) {
    const sums = { m7: 0, n7: 0, m30: 0, n30: 0, r7: 0, r30: 0, inside: 0, weight: 0, series: 0 };
    const rows: string[] = [];
    for (const metric of ["revenue", "units"] as const) {
      for (const { name } of CATEGORIES) {
        const masked = promotionDays(series.dates, manifest, name);
        const calendar = { values: series[metric].total, masked: promotionDays(series.dates, manifest, "total") };
        const acc = backtestSeries(series[metric][name], { horizons: [7, 30], origins: ORIGINS, step: STEP_DAYS, model: { masked, calendar } });
        sums.r7 += acc.byHorizon[7].model / acc.byHorizon[7].naive;
        sums.r30 += acc.byHorizon[30].model / acc.byHorizon[30].naive;
        sums.m7 += acc.byHorizon[7].model;
        sums.n7 += acc.byHorizon[7].naive;
        sums.m30 += acc.byHorizon[30].model;
        sums.n30 += acc.byHorizon[30].naive;
        sums.inside += acc.coverage80 * acc.origins;
        sums.weight += acc.origins;
        sums.series++;
        rows.push(`${metric.padEnd(8)} ${name.padEnd(14)} MASE@7 ${fmt(acc.byHorizon[7].model)} (naive ${fmt(acc.byHorizon[7].naive)})  MASE@30 ${fmt(acc.byHorizon[30].model)} (naive ${fmt(acc.byHorizon[30].naive)})  cov80 ${(acc.coverage80 * 100).toFixed(0)}%`);
      }
    }
    for (const r of rows) log(r);
    return [
      { key: "forecast_mase_ratio_7d", value: round(sums.r7 / sums.series), target: { max: 0.75 }, note: `mean of ${sums.series} ratios; pooled: model ${fmt(sums.m7 / sums.series)} / naive ${fmt(sums.n7 / sums.series)} = ${fmt(sums.m7 / sums.n7)}` },
      { key: "forecast_mase_ratio_30d", value: round(sums.r30 / sums.series), target: { max: 0.75 }, note: `mean of ${sums.series} ratios; pooled: model ${fmt(sums.m30 / sums.series)} / naive ${fmt(sums.n30 / sums.series)} = ${fmt(sums.m30 / sums.n30)}` },
      { key: "interval80_coverage", value: round(sums.inside / sums.weight), target: { min: 0.7, max: 0.9 }, note: `${ORIGINS} origins every ${STEP_DAYS} days, horizons 1–30` },
    ];
  },
};

const fmt = (x: number) => x.toFixed(3);
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Days of the promotions that cover the whole site or this category, or any category for the
 * total (what silver_promotions tells the pipeline).
 */
function promotionDays(dates: string[], manifest: BacktestContext["manifest"], scope: string): boolean[] {
  const relevant = manifest.promotions.filter((p) => p.lastDay !== null && (p.scopeType === "all" || (p.scopeType === "category" && (scope === "total" || p.scopeValue === scope))));
  return dates.map((d) => relevant.some((p) => d >= p.firstDay && d <= (p.lastDay as string)));
}
