// The orders of one day: how many (seasonality, trend, promotions, stock, incidents), who buys
// (new or returning customers), what (popular products, in stock only), at which price and
// discount, and how payment goes (failures, retries, outage, cancellations).
import { demandFactor } from "./seasonality";
import type { ExportFile } from "./export-files";
import { OrderLifecycle } from "./order-lifecycle";
import { promoCovers } from "./promotions-plan";
import { cumulate } from "./random";
import { orderCells, orderLineCells, paymentCells } from "./rows";
import { localHour, sampleShoppingTime } from "./shopping-hours";
import { activeAnomaly, activePromotion, type DayFiles, nextId, type Order, type OrderLine, type Simulation } from "./simulation";
import { Customers } from "./customers";
import { CATEGORIES } from "./catalog";

const CHANNELS = ["web", "app", "marketplace"] as const;
const CHANNEL_CUMULATIVE = cumulate([0.58, 0.27, 0.15]);
const METHODS = ["card", "paypal", "apple_pay", "bank_transfer"] as const;
const METHOD_CUMULATIVE = cumulate([0.68, 0.2, 0.08, 0.04]);
const FREE_SHIPPING_FROM = 6000;

export interface PlacedOrder {
  order: Order;
  customerIndex: number;
}

/** Creates, writes and plans the day's orders; calls onOrder for each (web sessions). */
export async function placeDayOrders(sim: Simulation, lifecycle: OrderLifecycle, dayIndex: number, files: DayFiles, onOrder: (placed: PlacedOrder) => void, changedCustomers: Set<number>): Promise<void> {
  const { random, products, stock, days } = sim;
  const day = days[dayIndex];
  const promo = activePromotion(sim, dayIndex);
  const collapse = activeAnomaly(sim, "category_collapse", dayIndex);
  // Demand weight of each product today; 0 when it cannot be sold (withdrawn or out of stock).
  let baseWeight = 0;
  const weights = products.map((p, i) => {
    if (!p.active) return 0;
    baseWeight += p.popularity;
    if (stock.available(i) <= 0) return 0;
    let w = p.popularity;
    if (promo && promoCovers(promo, p)) w *= promo.unitsUplift;
    if (collapse && CATEGORIES[p.category].name === collapse.scope.value) w *= collapse.magnitude;
    return w;
  });
  const cumulative = cumulate(weights);
  const demandWeight = cumulative[cumulative.length - 1];
  if (demandWeight <= 0) return;
  const spike = activeAnomaly(sim, "spike", dayIndex)?.magnitude ?? 1;
  const mean = sim.ordersPerDay * demandFactor(day) * spike * (demandWeight / baseWeight);
  const times = Array.from({ length: random.poisson(mean) }, () => sampleShoppingTime(random, day)).sort((a, b) => a - b);
  const appDrop = activeAnomaly(sim, "channel_drop", dayIndex);
  const outage = activeAnomaly(sim, "payment_outage", dayIndex);

  for (let n = 0; n < times.length; n++) {
    const orderedMs = times[n];
    const channel = CHANNELS[random.pickCumulative(CHANNEL_CUMULATIVE)];
    if (appDrop && channel === "app" && !random.chance(appDrop.magnitude)) continue;
    const isNew = sim.customers.count === 0 || random.chance(0.35 + 0.65 * Math.exp(-dayIndex / 45));
    const returning = isNew ? -1 : sim.customers.pickReturning(random, dayIndex);
    const vip = returning >= 0 && sim.customers.isVip(returning);
    const lines = pickLines(sim, cumulative, vip);
    if (!lines.length) continue; // everything wanted ran out during the day: a lost sale
    const customerIndex = isNew ? sim.customers.create(random, dayIndex, Math.max(day.startMs, orderedMs - random.int(60, 900) * 1000)) : returning;
    if (isNew) changedCustomers.add(customerIndex);
    const promoCode = promo && applyPromotion(sim, promo, lines) ? promo.code : null;
    const net = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice - l.discount, 0);
    const order: Order = {
      id: nextId(sim, "order"),
      customerId: Customers.id(customerIndex),
      orderedMs,
      dayIndex,
      channel,
      method: channel === "marketplace" ? "marketplace" : METHODS[random.pickCumulative(METHOD_CUMULATIVE)],
      shipping: channel === "marketplace" || net >= FREE_SHIPPING_FROM ? 0 : 490,
      promoCode,
      lines,
      captured: 0,
    };
    const inOutage = outage?.hours !== undefined && order.method !== "marketplace" && localHour(day, orderedMs) >= outage.hours[0] && localHour(day, orderedMs) < outage.hours[1];
    const paidAt = pay(sim, order, files.payments, inOutage, day.endMs);
    const cancel = paidAt === null || random.chance(0.025);
    files.orders.writeRow(orderCells(order, paidAt === null ? "placed" : "paid", paidAt ?? orderedMs));
    lines.forEach((line, i) => files.order_lines.writeRow(orderLineCells(order, i + 1, line, products)));
    lines.forEach((line) => stock.reserve(line.product, line.quantity));
    sim.truth.addOrder(order);
    lifecycle.plan(order, cancel);
    onOrder({ order, customerIndex });
    if (n % 500 === 499) await Promise.all([files.orders.drain(), files.order_lines.drain(), files.payments.drain(), files.web_events.drain()]);
  }
}

function pickLines(sim: Simulation, cumulative: number[], vip: boolean): OrderLine[] {
  const { random, products, stock } = sim;
  const count = Math.min(8, 1 + random.poisson(vip ? 2.5 : 1.5));
  const lines: OrderLine[] = [];
  for (let i = 0; i < count; i++) {
    const product = random.pickCumulative(cumulative);
    if (lines.some((l) => l.product === product)) continue;
    const wanted = random.chance(0.8) ? 1 : random.int(2, vip ? 6 : 3);
    const quantity = Math.min(wanted, stock.available(product));
    if (quantity <= 0) continue;
    lines.push({ product, quantity, unitPrice: products[product].listPrice, discount: 0 });
  }
  return lines;
}

/** Uses the code on about codeShare of the orders with in-scope lines; true when applied. */
function applyPromotion(sim: Simulation, promo: NonNullable<ReturnType<typeof activePromotion>>, lines: OrderLine[]): boolean {
  const inScope = lines.filter((l) => promoCovers(promo, sim.products[l.product]));
  if (!inScope.length || !sim.random.chance(promo.codeShare)) return false;
  if (promo.kind === "percent") {
    for (const l of inScope) l.discount = Math.round((l.quantity * l.unitPrice * promo.value) / 100);
  } else {
    inScope[0].discount = Math.min(promo.value, inScope[0].quantity * inScope[0].unitPrice);
  }
  return true;
}

/** Payment attempts; returns when the amount was captured, or null if it never was. */
function pay(sim: Simulation, order: Order, file: ExportFile, inOutage: boolean, dayEndMs: number): number | null {
  const { random } = sim;
  const amount = order.lines.reduce((s, l) => s + l.quantity * l.unitPrice - l.discount, 0) + order.shipping;
  const clamp = (ms: number) => Math.min(ms, dayEndMs - 1000);
  let at = clamp(order.orderedMs + random.int(5, 90) * 1000);
  const fails = order.method !== "marketplace" && (inOutage || random.chance(0.04));
  if (fails) {
    file.writeRow(paymentCells(nextId(sim, "payment"), order, amount, "failed", at));
    sim.truth.counts.payments++;
    if (inOutage || !random.chance(0.65)) return null;
    at = clamp(at + random.int(60, 1200) * 1000);
  }
  file.writeRow(paymentCells(nextId(sim, "payment"), order, amount, "captured", at));
  sim.truth.counts.payments++;
  order.captured = amount;
  return at;
}
