// ERP stock per product (each product lives in one warehouse). Purchase orders replenish it
// after a lead time; when available stock (on hand - reserved) is gone at the start of a day,
// the product cannot be sold that day and the day belongs to a recorded stock-out episode.
import type { Product } from "./catalog";
import type { Random } from "./random";

interface StockState {
  onHand: number;
  reserved: number;
  incoming: { quantity: number; arrivalDay: number } | null;
  reorderPoint: number;
  reorderQuantity: number;
  leadDays: number;
  outSince: number | null;
}

export interface StockOutEpisode {
  sku: string;
  warehouse: string;
  from: string;
  to: string;
}

export class Stock {
  private readonly states: StockState[];
  readonly episodes: StockOutEpisode[] = [];

  constructor(random: Random, private readonly products: readonly Product[], expectedDailyUnits: (p: Product) => number) {
    this.states = products.map((p) => {
      const daily = expectedDailyUnits(p);
      const leadDays = random.int(4, 18);
      // Some buyers keep too little safety stock: those products run out now and then.
      const reorderPoint = Math.ceil(daily * leadDays * (0.7 + random.next() * 1.3));
      const reorderQuantity = Math.max(6, Math.ceil(daily * random.int(20, 45)));
      return { onHand: reorderQuantity, reserved: 0, incoming: null, reorderPoint, reorderQuantity, leadDays, outSince: null };
    });
  }

  available(productIndex: number): number {
    const s = this.states[productIndex];
    return s.onHand - s.reserved;
  }

  /** Start of day: receive deliveries, reorder, and open/close stock-out episodes. */
  startDay(dayIndex: number, dates: readonly string[]): void {
    this.states.forEach((s, i) => {
      if (s.incoming && s.incoming.arrivalDay <= dayIndex) {
        s.onHand += s.incoming.quantity;
        s.incoming = null;
      }
      if (!s.incoming && s.onHand - s.reserved <= s.reorderPoint && this.products[i].active) {
        s.incoming = { quantity: s.reorderQuantity, arrivalDay: dayIndex + s.leadDays };
      }
      const out = s.onHand - s.reserved <= 0 && this.products[i].active;
      if (out && s.outSince === null) s.outSince = dayIndex;
      if (!out && s.outSince !== null) this.closeEpisode(i, dates[s.outSince], dates[dayIndex - 1]);
    });
  }

  reserve(productIndex: number, quantity: number): void {
    this.states[productIndex].reserved += quantity;
  }

  release(productIndex: number, quantity: number): void {
    this.states[productIndex].reserved -= quantity;
  }

  ship(productIndex: number, quantity: number): void {
    const s = this.states[productIndex];
    s.reserved -= quantity;
    s.onHand -= quantity;
  }

  restock(productIndex: number, quantity: number): void {
    this.states[productIndex].onHand += quantity;
  }

  snapshot(productIndex: number): { onHand: number; reserved: number } {
    const s = this.states[productIndex];
    return { onHand: s.onHand, reserved: s.reserved };
  }

  /** End of the period: episodes still open end on the last day. */
  finish(dates: readonly string[]): void {
    this.states.forEach((s, i) => {
      if (s.outSince !== null) this.closeEpisode(i, dates[s.outSince], dates[dates.length - 1]);
    });
    this.episodes.sort((a, b) => a.from.localeCompare(b.from) || a.sku.localeCompare(b.sku));
  }

  private closeEpisode(productIndex: number, from: string, to: string): void {
    const p = this.products[productIndex];
    this.episodes.push({ sku: p.sku, warehouse: p.warehouse, from, to });
    this.states[productIndex].outSince = null;
  }
}
