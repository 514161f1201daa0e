// Promotion uplift against the manifest's true units multiplier, for promotions of at least a
// week: mean absolute % error of the estimated uplift, and how often the truth is inside the
// estimate's 95% interval.
import { estimateUplift } from "../../lib/analytics/promo/estimate-uplift";
import { inStockDemand } from "../../lib/analytics/promo/in-stock-demand";
import type { BacktestSection } from "./support";

const MIN_DAYS = 7;

export const promoUplift: BacktestSection = {
  name: "promotion uplift",
  async run({ manifest, series, log }) {
    const dates = series.dates;
    const masks = manifest.promotions.map((p) => dates.map((d) => d >= p.firstDay && p.lastDay !== null && d <= p.lastDay));
    const errors: number[] = [];
    let covered = 0;
    manifest.promotions.forEach((p, k) => {
      if (p.lastDay === null) return;
      const start = dates.indexOf(p.firstDay);
      const end = dates.indexOf(p.lastDay) + 1;
      if (start < 0 || end - start < MIN_DAYS) return;
      // The scope's products with their units and end-of-day stock, as the pipeline reads them.
      const skus = Object.keys(series.skuUnits).filter((s) => p.scopeType === "all" || (p.scopeType === "category" ? series.skuCategory[s] === p.scopeValue : s === p.scopeValue));
      const products = skus.map((s) => ({ units: series.skuUnits[s], inStock: series.skuInStock[s] ?? dates.map(() => true) }));
      const { units, share } = inStockDemand(products, start);
      const others = dates.map((_, i) => masks.some((m, j) => j !== k && m[i]));
      const est = estimateUplift(units, start, end, others, share, series.units.total);
      if (!est) return;
      const error = Math.abs(est.uplift / p.unitsUplift - 1);
      errors.push(error);
      if (p.unitsUplift >= est.lower95 && p.unitsUplift <= est.upper95) covered++;
      log(`${p.promoId} ${p.scopeType.padEnd(8)} ${(p.scopeValue ?? "").padEnd(14)} ${end - start}d  true ×${p.unitsUplift.toFixed(2)}  estimated ×${est.uplift.toFixed(2)} [${est.lower95.toFixed(2)}, ${est.upper95.toFixed(2)}]  error ${(error * 100).toFixed(1)}%`);
    });
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    return [
      { key: "promo_uplift_error_pct", value: Math.round(mean * 1000) / 10, target: { max: 15 }, note: `mean |estimated/true − 1| over ${errors.length} promotions ≥ ${MIN_DAYS} days` },
      { key: "promo_uplift_interval95_coverage", value: Math.round((covered / errors.length) * 100) / 100, note: "true uplift inside the estimate's 95% interval" },
    ];
  },
};
