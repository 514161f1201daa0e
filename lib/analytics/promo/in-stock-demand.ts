// A promotion scope's units as its stock let them show: a product out of stock at the end of a
// day (it ran out that day, or was already out) hid part of its demand, so its units that day are
// left out, and the day's share says how much of the scope's usual demand the products still in
// stock make. A promotion that lifts demand empties shelves faster than usual; without this a
// category's uplift reads low (its stock-outs count as "no uplift"). A product's usual demand:
// its mean units per in-stock day over the weeks before the promotion. For one product the share
// is 1 or 0.
export type ProductDays = {
  units: readonly number[];
  /** False on days that ended with nothing available (gold_stock_daily.stockout). */
  inStock: readonly boolean[];
};

export type InStockDemand = {
  /** Per day: the units of the products in stock. */
  units: number[];
  /** Per day: their share of the scope's usual demand (0–1). */
  share: number[];
};

/** Eight weeks: recent enough to reflect today's range, long enough to average a slow seller. */
const WEIGHT_DAYS = 56;

export function inStockDemand(products: readonly ProductDays[], start: number): InStockDemand {
  const days = products.length ? products[0].units.length : 0;
  const weights = products.map((p) => {
    let units = 0;
    let count = 0;
    for (let i = Math.max(0, start - WEIGHT_DAYS); i < start; i++) {
      if (!p.inStock[i]) continue;
      units += p.units[i];
      count++;
    }
    return count ? units / count : 0;
  });
  const total = weights.reduce((s, w) => s + w, 0);
  const units = new Array<number>(days).fill(0);
  const share = new Array<number>(days).fill(0);
  for (let i = 0; i < days; i++) {
    let weight = 0;
    let inStock = 0;
    products.forEach((p, k) => {
      if (!p.inStock[i]) return;
      units[i] += p.units[i];
      weight += weights[k];
      inStock++;
    });
    // Nothing sold before the promotion: fall back to the share of products in stock.
    share[i] = total > 0 ? weight / total : inStock / products.length;
  }
  return { units, share };
}
