// What happens to an order after the day it is placed: cancelled the next day, or shipped then
// delivered, and some lines returned weeks later. Each change re-exports the order on its day
// with a newer updated_at. Only the few days of pending changes are kept in memory.
import { CATEGORIES } from "./catalog";
import { RETURN_REASONS } from "../pipeline/contracts/returns";
import { atLocalSeconds } from "./paris-time";
import { orderCells, paymentCells, returnCells } from "./rows";
import { type DayFiles, nextId, type Order, type Simulation } from "./simulation";

interface Change {
  order: Order;
  status: "shipped" | "delivered" | "cancelled";
  atSeconds: number;
}
interface PlannedReturn {
  order: Order;
  lineNo: number;
  quantity: number;
  atSeconds: number;
}

export class OrderLifecycle {
  private readonly changes = new Map<number, Change[]>();
  private readonly returns = new Map<number, PlannedReturn[]>();

  constructor(private readonly sim: Simulation) {}

  /** Plans the future of an order placed today; `cancel` when it will be cancelled tomorrow. */
  plan(order: Order, cancel: boolean): void {
    const { random } = this.sim;
    const day = order.dayIndex;
    if (cancel) return this.add(this.changes, day + 1, { order, status: "cancelled", atSeconds: random.int(8 * 3600, 12 * 3600) });
    const shipDay = day + random.int(1, 2);
    const deliverDay = shipDay + random.int(1, 4);
    this.add(this.changes, shipDay, { order, status: "shipped", atSeconds: random.int(9 * 3600, 18 * 3600) });
    this.add(this.changes, deliverDay, { order, status: "delivered", atSeconds: random.int(9 * 3600, 19 * 3600) });
    order.lines.forEach((line, i) => {
      const category = CATEGORIES[this.sim.products[line.product].category];
      if (!random.chance(category.returnRate)) return;
      const quantity = random.int(1, line.quantity);
      this.add(this.returns, deliverDay + random.int(2, 25), { order, lineNo: i + 1, quantity, atSeconds: random.int(8 * 3600, 20 * 3600) });
    });
  }

  /** Applies today's planned changes and returns, writing their rows. */
  runDay(dayIndex: number, files: DayFiles): void {
    const day = this.sim.days[dayIndex];
    for (const change of this.changes.get(dayIndex) ?? []) {
      const at = atLocalSeconds(day, change.atSeconds);
      const { order } = change;
      if (change.status === "shipped") order.lines.forEach((l) => this.sim.stock.ship(l.product, l.quantity));
      if (change.status === "cancelled") {
        order.lines.forEach((l) => this.sim.stock.release(l.product, l.quantity));
        if (order.captured > 0) {
          files.payments.writeRow(paymentCells(nextId(this.sim, "payment"), order, order.captured, "refunded", at));
          this.sim.truth.counts.payments++;
        }
        this.sim.truth.cancelOrder(order);
      }
      files.orders.writeRow(orderCells(order, change.status, at));
    }
    for (const r of this.returns.get(dayIndex) ?? []) this.writeReturn(r, atLocalSeconds(day, r.atSeconds), files);
    this.changes.delete(dayIndex);
    this.returns.delete(dayIndex);
  }

  private writeReturn(r: PlannedReturn, at: number, files: DayFiles): void {
    const line = r.order.lines[r.lineNo - 1];
    const product = this.sim.products[line.product];
    // Refund the units returned at the price actually paid (discount shared pro rata).
    const refund = Math.round(((line.quantity * line.unitPrice - line.discount) * r.quantity) / line.quantity);
    const isFashion = product.category <= 1;
    const reason = isFashion && this.sim.random.chance(0.6) ? "size" : this.sim.random.pick(RETURN_REASONS);
    const id = nextId(this.sim, "return");
    files.returns.writeRow(returnCells(id, r.order, r.lineNo, product.sku, r.quantity, refund, reason, at), { orderedMs: r.order.orderedMs });
    files.payments.writeRow(paymentCells(nextId(this.sim, "payment"), r.order, refund, "refunded", at));
    if (reason !== "damaged") this.sim.stock.restock(line.product, r.quantity);
    this.sim.truth.counts.returns++;
    this.sim.truth.counts.payments++;
  }

  private add<T>(map: Map<number, T[]>, dayIndex: number, item: T): void {
    if (dayIndex >= this.sim.days.length) return; // after the export period: never exported
    const list = map.get(dayIndex);
    if (list) list.push(item);
    else map.set(dayIndex, [item]);
  }
}
