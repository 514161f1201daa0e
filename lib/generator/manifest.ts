// The shape of ground_truth.json: the planted truths and the totals to check KPIs against.
import { CATEGORIES } from "./catalog";
import { Customers } from "./customers";
import type { Defects } from "./defects";
import type { GenerateOptions } from "./generate";
import { formatParis } from "./paris-time";
import { sessionsPerWebOrder } from "./scales";
import type { Simulation } from "./simulation";

export type GroundTruthManifest = ReturnType<typeof buildManifest>;

export function buildManifest(options: GenerateOptions, sim: Simulation, defects: Defects | null) {
  const { days } = sim;
  const dayStart = (i: number) => formatParis(i < days.length ? days[i].startMs : days[days.length - 1].endMs + (i - days.length) * 86_400_000);
  return {
    generator: { version: 1, seed: options.seed, scale: options.scale, from: options.from, to: options.to, dirty: Boolean(options.dirty), gzip: Boolean(options.gzip), sessionsPerOrder: sessionsPerWebOrder(options.scale, options.sessionsPerOrder) },
    definitions: {
      revenueCents: "sum of quantity*unit_price - discount_amount (cents) over order lines of orders whose latest exported status is not cancelled, by the Paris date of ordered_at",
      ordersPlaced: "orders by Paris date of ordered_at, including those cancelled later",
      ordersCancelled: "of those, orders whose latest exported status is cancelled",
      units: "sum of quantity over the same lines as revenueCents",
      unitsUplift: "true multiplier on units demanded of in-scope products while the promotion runs (same day, without it = 1)",
      stockOuts: "Paris dates [from, to] (inclusive) when the product had no available stock at the start of the day: it sold nothing",
      defects: "each defect is an extra line inserted after a clean row (or an extra file): removing them gives the clean export",
    },
    counts: sim.truth.counts,
    returnRates: Object.fromEntries(CATEGORIES.map((c) => [c.name, c.returnRate])),
    highValueCustomers: sim.customers.vips.slice(0, 100).map((i) => Customers.id(i)),
    promotions: sim.promotions.map((p) => ({
      promoId: p.promoId,
      code: p.code,
      kind: p.kind,
      value: p.kind === "percent" ? p.value : p.value / 100,
      scopeType: p.scopeType,
      scopeValue: p.scopeValue,
      startsAt: dayStart(p.startDay),
      endsAt: dayStart(p.endDay),
      firstDay: sim.dates[p.startDay],
      lastDay: sim.dates[p.endDay - 1] ?? null,
      unitsUplift: p.unitsUplift,
      codeShare: p.codeShare,
    })),
    anomalies: sim.anomalies.map(({ startDay: _s, endDay: _e, ...rest }) => rest),
    stockOuts: sim.stock.episodes,
    defects: defects ? { counts: defects.counts(), items: defects.planted } : null,
    daily: sim.truth.daily,
  };
}
