// What happens to an order after the day it is placed: cancelled the next day, or shipped then
// delivered, and some lines returned weeks later. Each change re-exports the order on its day
// with a newer updated_at. Only the few days of pending changes are kept in memory, as numbers:
// orders in RecentOrders, changes as 4 numbers, returns as 10 self-contained numbers (they come
// up to 31 days later), so the state stays small at every scale.
import { CATEGORIES } from "./catalog";
import { RETURN_REASONS } from "../pipeline/contracts/returns";
import { atLocalSeconds } from "./paris-time";
import { METHODS, RecentOrders } from "./recent-orders";
import { orderCells, paymentCells, returnCells } from "./rows";
import { type DayFiles, nextId, type Order, orderId, orderNumber, type Simulation } from "./simulation";

const STATUSES = ["shipped", "delivered", "cancelled"] as const;
/** Per change: placed day, index that day, status, seconds into the day of the change. */
const CHANGE_SIZE = 4;
/** Per return: order number, method, ordered ms, line no, product, line quantity, unit price, discount, quantity returned, seconds. */
const RETURN_SIZE = 10;

interface PlannedReturn {
  order: Pick<Order, "id" | "method" | "orderedMs">;
  lineNo: number;
  line: Order["lines"][number];
  quantity: number;
  atSeconds: number;
}

export class OrderLifecycle {
  private readonly orders = new RecentOrders();
  private readonly changes = new Map<number, number[]>();
  private readonly returns = new Map<number, number[]>();

  constructor(private readonly sim: Simulation) {}

  /** Plans the future of an order placed today; `cancel` when it will be cancelled tomorrow. */
  plan(order: Order, cancel: boolean): void {
    const { random } = this.sim;
    const day = order.dayIndex;
    const index = this.orders.add(order);
    if (cancel) return this.add(this.changes, day + 1, [day, index, 2, random.int(8 * 3600, 12 * 3600)]);
    const shipDay = day + random.int(1, 2);
    const deliverDay = shipDay + random.int(1, 4);
    this.add(this.changes, shipDay, [day, index, 0, random.int(9 * 3600, 18 * 3600)]);
    this.add(this.changes, deliverDay, [day, index, 1, random.int(9 * 3600, 19 * 3600)]);
    order.lines.forEach((line, i) => {
      const category = CATEGORIES[this.sim.products[line.product].category];
      if (!random.chance(category.returnRate)) return;
      const quantity = random.int(1, line.quantity);
      const returnDay = deliverDay + random.int(2, 25);
      const method = METHODS.indexOf(order.method);
      this.add(this.returns, returnDay, [orderNumber(order.id), method, order.orderedMs, i + 1, line.product, line.quantity, line.unitPrice, line.discount, quantity, random.int(8 * 3600, 20 * 3600)]);
    });
  }

  /** Applies today's planned changes and returns, writing their rows. */
  runDay(dayIndex: number, files: DayFiles): void {
    const day = this.sim.days[dayIndex];
    const changes = this.changes.get(dayIndex) ?? [];
    for (let c = 0; c < changes.length; c += CHANGE_SIZE) {
      const order = this.orders.get(changes[c], changes[c + 1]);
      const status = STATUSES[changes[c + 2]];
      const at = atLocalSeconds(day, changes[c + 3]);
      if (status === "shipped") order.lines.forEach((l) => this.sim.stock.ship(l.product, l.quantity));
      if (status === "cancelled") {
        order.lines.forEach((l) => this.sim.stock.release(l.product, l.quantity));
        if (order.captured > 0) {
          files.payments.writeRow(paymentCells(nextId(this.sim, "payment"), order, order.captured, "refunded", at));
          this.sim.truth.counts.payments++;
        }
        this.sim.truth.cancelOrder(order);
      }
      files.orders.writeRow(orderCells(order, status, at));
    }
    const returns = this.returns.get(dayIndex) ?? [];
    for (let r = 0; r < returns.length; r += RETURN_SIZE) {
      const [number, method, orderedMs, lineNo, product, quantity, unitPrice, discount, returned, atSeconds] = returns.slice(r, r + RETURN_SIZE);
      const order = { id: orderId(number), method: METHODS[method], orderedMs };
      this.writeReturn({ order, lineNo, line: { product, quantity, unitPrice, discount }, quantity: returned, atSeconds }, atLocalSeconds(day, atSeconds), files);
    }
    this.changes.delete(dayIndex);
    this.returns.delete(dayIndex);
  }

  private writeReturn(r: PlannedReturn, at: number, files: DayFiles): void {
    const { line } = r;
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

  private add(map: Map<number, number[]>, dayIndex: number, record: number[]): void {
    if (dayIndex >= this.sim.days.length) return; // after the export period: never exported
    const list = map.get(dayIndex);
    if (list) list.push(...record);
    else map.set(dayIndex, record);
  }
}
