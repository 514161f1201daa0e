// The orders of the last few days, packed into typed columns (~35 bytes an order plus ~15 a
// line, reused from day to day) instead of kept as objects (~450 bytes each): at scale l that
// is ~96k orders, ~6 MB instead of ~45 MB. The lifecycle needs an order back until it is
// delivered or cancelled, at most MAX_AGE days after it was placed.
import { Column } from "./column";
import { Customers } from "./customers";
import { orderId, orderNumber, type Order } from "./simulation";

export const MAX_AGE = 6;
const CHANNELS = ["web", "app", "marketplace"] as const satisfies readonly Order["channel"][];
export const METHODS = ["card", "paypal", "apple_pay", "bank_transfer", "marketplace"] as const satisfies readonly Order["method"][];
const BITS = 12; // 4k entries a chunk: small scales stay small

class DayBatch {
  day = -1;
  readonly number = new Column((n) => new Uint32Array(n), BITS);
  readonly customer = new Column((n) => new Uint32Array(n), BITS);
  readonly orderedMs = new Column((n) => new Float64Array(n), BITS);
  readonly kinds = new Column((n) => new Uint8Array(n), BITS); // channel * 8 + method
  readonly shipping = new Column((n) => new Uint32Array(n), BITS);
  readonly promo = new Column((n) => new Int16Array(n), BITS);
  readonly captured = new Column((n) => new Uint32Array(n), BITS);
  readonly firstLine = new Column((n) => new Uint32Array(n), BITS);
  readonly product = new Column((n) => new Uint32Array(n), BITS);
  readonly quantity = new Column((n) => new Uint16Array(n), BITS);
  readonly unitPrice = new Column((n) => new Uint32Array(n), BITS);
  readonly discount = new Column((n) => new Uint32Array(n), BITS);

  reset(day: number): void {
    this.day = day;
    for (const c of [this.number, this.customer, this.orderedMs, this.kinds, this.shipping, this.promo, this.captured, this.firstLine]) c.clear();
    for (const c of [this.product, this.quantity, this.unitPrice, this.discount]) c.clear();
  }
}

export class RecentOrders {
  private readonly batches = Array.from({ length: MAX_AGE + 1 }, () => new DayBatch());
  private readonly promoCodes: string[] = [];

  /** Stores an order (placed on its dayIndex, days in increasing order); returns its index that day. */
  add(order: Order): number {
    const b = this.batches[order.dayIndex % this.batches.length];
    if (b.day !== order.dayIndex) b.reset(order.dayIndex);
    let promo = order.promoCode === null ? -1 : this.promoCodes.indexOf(order.promoCode);
    if (order.promoCode !== null && promo < 0) promo = this.promoCodes.push(order.promoCode) - 1;
    b.number.push(orderNumber(order.id));
    b.customer.push(Number(order.customerId.slice(1)) - 1);
    b.orderedMs.push(order.orderedMs);
    b.kinds.push(CHANNELS.indexOf(order.channel) * 8 + METHODS.indexOf(order.method));
    b.shipping.push(order.shipping);
    b.promo.push(promo);
    b.captured.push(order.captured);
    b.firstLine.push(b.product.length);
    for (const l of order.lines) {
      b.product.push(l.product);
      b.quantity.push(l.quantity);
      b.unitPrice.push(l.unitPrice);
      b.discount.push(l.discount);
    }
    return b.number.length - 1;
  }

  /** The order placed on `day` with that index, as it was stored. */
  get(day: number, index: number): Order {
    const b = this.batches[day % this.batches.length];
    if (b.day !== day) throw new Error(`order ${index} of day ${day} is no longer kept (more than ${MAX_AGE} days old)`);
    const end = index + 1 < b.number.length ? b.firstLine.get(index + 1) : b.product.length;
    const lines = [];
    for (let i = b.firstLine.get(index); i < end; i++) {
      lines.push({ product: b.product.get(i), quantity: b.quantity.get(i), unitPrice: b.unitPrice.get(i), discount: b.discount.get(i) });
    }
    const promo = b.promo.get(index);
    return {
      id: orderId(b.number.get(index)),
      customerId: Customers.id(b.customer.get(index)),
      orderedMs: b.orderedMs.get(index),
      dayIndex: day,
      channel: CHANNELS[b.kinds.get(index) >> 3],
      method: METHODS[b.kinds.get(index) & 7],
      shipping: b.shipping.get(index),
      promoCode: promo < 0 ? null : this.promoCodes[promo],
      lines,
      captured: b.captured.get(index),
    };
  }
}
