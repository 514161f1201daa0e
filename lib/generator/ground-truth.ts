// What was planted, accumulated while generating and written to ground_truth.json, so every
// KPI, forecast and anomaly check has a known answer. Revenue follows the KPI definition:
// sum of quantity x unit_price - discount_amount over lines of orders not cancelled, by the
// Paris date of ordered_at; cancellations count once they appear in the exported files.
import { CATEGORIES, type Product } from "./catalog";

export interface TruthOrder {
  dayIndex: number;
  lines: readonly { product: number; quantity: number; unitPrice: number; discount: number }[];
}

interface DayTotals {
  date: string;
  ordersPlaced: number;
  ordersCancelled: number;
  revenueCents: number;
  units: number;
  revenueCentsByCategory: Record<string, number>;
  newCustomers: number;
  webSessions: number;
  purchaseSessions: number;
  webEvents: number;
}

export class GroundTruth {
  readonly daily: DayTotals[];
  readonly counts = { customers: 0, orders: 0, orderLines: 0, returns: 0, payments: 0, webEvents: 0, webSessions: 0, productChanges: 0, customerChanges: 0 };

  constructor(dates: readonly string[], private readonly products: readonly Product[]) {
    this.daily = dates.map((date) => ({
      date,
      ordersPlaced: 0,
      ordersCancelled: 0,
      revenueCents: 0,
      units: 0,
      revenueCentsByCategory: Object.fromEntries(CATEGORIES.map((c) => [c.name, 0])),
      newCustomers: 0,
      webSessions: 0,
      purchaseSessions: 0,
      webEvents: 0,
    }));
  }

  addOrder(order: TruthOrder): void {
    this.daily[order.dayIndex].ordersPlaced++;
    this.counts.orders++;
    this.counts.orderLines += order.lines.length;
    this.applyLines(order, 1);
  }

  cancelOrder(order: TruthOrder): void {
    this.daily[order.dayIndex].ordersCancelled++;
    this.applyLines(order, -1);
  }

  private applyLines(order: TruthOrder, sign: 1 | -1): void {
    const day = this.daily[order.dayIndex];
    for (const line of order.lines) {
      const revenue = line.quantity * line.unitPrice - line.discount;
      day.revenueCents += sign * revenue;
      day.units += sign * line.quantity;
      day.revenueCentsByCategory[CATEGORIES[this.products[line.product].category].name] += sign * revenue;
    }
  }
}
