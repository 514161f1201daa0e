// Incidents planted for the anomaly detection to find, placed away from promotions (and the
// two weeks before them) so each truth can be measured on its own.
import { CATEGORIES } from "./catalog";
import type { BusinessDay } from "./paris-time";
import type { PlannedPromotion } from "./promotions-plan";
import type { Random } from "./random";

export interface PlannedAnomaly {
  id: string;
  kind: "spike" | "payment_outage" | "category_collapse" | "channel_drop";
  description: string;
  from: string;
  /** Inclusive. */
  to: string;
  startDay: number;
  endDay: number;
  metric: "orders" | "captured_payments" | "revenue";
  scope: { type: "total" | "category" | "channel"; value: string | null };
  /** Multiplier applied to the metric in scope (3 = triple, 0.2 = 80% drop). */
  magnitude: number;
  /** payment_outage only: Paris local hours [from, to) when payments failed. */
  hours?: [number, number];
}

const SLOTS = [0.3, 0.55, 0.75, 0.9];

export function planAnomalies(random: Random, days: readonly BusinessDay[], promos: readonly PlannedPromotion[]): PlannedAnomaly[] {
  if (days.length < 20) return [];
  const promoCategories = new Set(promos.filter((p) => p.scopeType === "category").map((p) => p.scopeValue));
  const collapseCategory = CATEGORIES.map((c) => c.name).find((n) => !promoCategories.has(n)) ?? CATEGORIES[0].name;
  const blocked = (d: number, length: number) => promos.some((p) => d + length > p.startDay - 14 && d <= p.endDay);
  const place = (slot: number, length: number) => {
    let d = Math.min(Math.floor(days.length * slot), days.length - length);
    for (let tries = 0; tries < days.length && blocked(d, length); tries++) d = (d + 1) % (days.length - length);
    return d;
  };
  const build = (id: number, length: number, rest: Omit<PlannedAnomaly, "id" | "from" | "to" | "startDay" | "endDay">, slot: number) => {
    const start = place(slot, length);
    return { id: `ANO-${id}`, from: days[start].date, to: days[start + length - 1].date, startDay: start, endDay: start + length - 1, ...rest };
  };
  return [
    build(1, 1, { kind: "spike", description: "Influencer post: orders triple for one day", metric: "orders", scope: { type: "total", value: null }, magnitude: 3 }, SLOTS[0]),
    build(2, 1, { kind: "payment_outage", description: "Payment provider outage: card, PayPal and Apple Pay payments fail, orders cancelled", metric: "captured_payments", scope: { type: "total", value: null }, magnitude: 0, hours: [14, 17] }, SLOTS[1]),
    build(3, 5, { kind: "category_collapse", description: `${collapseCategory} pages broken: category sales collapse`, metric: "revenue", scope: { type: "category", value: collapseCategory }, magnitude: 0.15 }, SLOTS[2]),
    build(4, 3, { kind: "channel_drop", description: "Faulty app release: app orders drop", metric: "orders", scope: { type: "channel", value: "app" }, magnitude: 0.3 }, SLOTS[3] + random.next() * 0.02),
  ];
}
