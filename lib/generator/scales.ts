// Volume knobs per --scale (trend and seasonality add ~20% to ordersPerDay over the default two
// years). Orders over those two years:
// demo ~24k orders, s ~120k, m ~1M (2.6M lines, ~11M web events), l ~10M.
//
// sessionsPerWebOrder: web sessions per web/app order (conversion = 1 / this). A realistic 2.5%
// needs 40, i.e. ~90 events per order: 1 GB for the demo and ~90M events at scale m, against
// the targets (demo in seconds, m ~10M events). demo and s keep 8 (~12%, ~22 events per order);
// m and l use 3 (~33%, ~11 events per order) so m lands near 10M events. The funnel stays
// consistent with the orders at every scale (one purchase session per web/app order). Override
// with --sessions-per-order when the funnel realism matters more than volume.
export const SCALES = {
  demo: { ordersPerDay: 27, skus: 150, sessionsPerWebOrder: 8 },
  s: { ordersPerDay: 137, skus: 400, sessionsPerWebOrder: 8 },
  m: { ordersPerDay: 1142, skus: 2000, sessionsPerWebOrder: 3 },
  l: { ordersPerDay: 11420, skus: 6000, sessionsPerWebOrder: 3 },
} as const;

export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

/** Sessions per web/app order for a run: the option, else the scale's default. */
export const sessionsPerWebOrder = (scale: ScaleName, option?: number) => option ?? SCALES[scale].sessionsPerWebOrder;
