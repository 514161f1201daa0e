// Forecast accuracy on rolling origins over the last months: MASE of the model against the
// weekly seasonal-naive baseline, per category (revenue and units), at 7 and 30 days, and the
// empirical coverage of the 80% interval.
import { CATEGORIES } from "../../lib/generator/catalog";
import { backtestSeries } from "../../lib/analytics/forecast/accuracy";
import type { BacktestSection } from "./support";

const ORIGINS = 12;
const STEP_DAYS = 14;

export const forecastAccuracy: BacktestSection = {
  name: "forecast accuracy",
  async run({ series, log }) {
    const sums = { m7: 0, n7: 0, m30: 0, n30: 0, inside: 0, weight: 0, series: 0 };
    const rows: string[] = [];
    for (const metric of ["revenue", "units"] as const) {
      for (const { name } of CATEGORIES) {
        const acc = backtestSeries(series[metric][name], { horizons: [7, 30], origins: ORIGINS, step: STEP_DAYS });
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
      { key: "forecast_mase_ratio_7d", value: round(sums.m7 / sums.n7), target: { max: 0.75 }, note: `model ${fmt(sums.m7 / sums.series)} / naive ${fmt(sums.n7 / sums.series)}` },
      { key: "forecast_mase_ratio_30d", value: round(sums.m30 / sums.n30), target: { max: 0.75 }, note: `model ${fmt(sums.m30 / sums.series)} / naive ${fmt(sums.n30 / sums.series)}` },
      { key: "interval80_coverage", value: round(sums.inside / sums.weight), target: { min: 0.7, max: 0.9 }, note: `${ORIGINS} origins every ${STEP_DAYS} days, horizons 1–30` },
    ];
  },
};

const fmt = (x: number) => x.toFixed(3);
const round = (x: number) => Math.round(x * 1000) / 1000;
