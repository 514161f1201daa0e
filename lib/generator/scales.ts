// Volume knobs per --scale. Average orders per day over the default two years:
// demo ~20k orders, s ~100k, m ~1M (2.5M lines), l ~10M.
export const SCALES = {
  demo: { ordersPerDay: 27, skus: 150 },
  s: { ordersPerDay: 137, skus: 400 },
  m: { ordersPerDay: 1370, skus: 2000 },
  l: { ordersPerDay: 13700, skus: 6000 },
} as const;

export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

/**
 * Default web sessions per web/app order (conversion = 1 / this, ~12%). A realistic 2.5% needs
 * 40, i.e. ~90 events per order: 1 GB for the demo and ~90M events at scale m, against the
 * targets (demo in seconds, m ~10M events). Raise it with --sessions-per-order when the funnel
 * realism matters more than volume.
 */
export const DEFAULT_SESSIONS_PER_WEB_ORDER = 8;
