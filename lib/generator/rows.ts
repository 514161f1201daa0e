// Cells of each export row, in the contract's column order (a test checks the order).
import { CATEGORIES, type Product } from "./catalog";
import { cents } from "./csv";
import type { CustomerRow } from "./customers";
import { formatParis } from "./paris-time";
import type { PlannedPromotion } from "./promotions-plan";
import type { Order, OrderLine } from "./simulation";

type Cells = (string | number | boolean | null)[];
export type OrderStatus = "placed" | "paid" | "shipped" | "delivered" | "cancelled";

export function orderCells(order: Order, status: OrderStatus, updatedMs: number): Cells {
  return [order.id, order.customerId, formatParis(order.orderedMs), status, order.channel, "EUR", cents(order.shipping), order.promoCode, formatParis(updatedMs)];
}

export function orderLineCells(order: Order, lineNo: number, line: OrderLine, products: readonly Product[]): Cells {
  return [order.id, lineNo, products[line.product].sku, line.quantity, cents(line.unitPrice), cents(line.discount)];
}

export function paymentCells(id: string, order: Pick<Order, "id" | "method">, amount: number, status: "captured" | "refunded" | "failed", atMs: number): Cells {
  return [id, order.id, order.method, cents(amount), status, formatParis(atMs)];
}

export function returnCells(id: string, order: Pick<Order, "id">, lineNo: number, sku: string, quantity: number, refund: number, reason: string, atMs: number): Cells {
  return [id, order.id, lineNo, sku, quantity, cents(refund), reason, formatParis(atMs)];
}

export function customerCells(c: CustomerRow): Cells {
  return [c.customerId, c.email, c.firstName, c.lastName, c.country, c.city, formatParis(c.createdMs), c.optIn, formatParis(c.updatedMs)];
}

export function productCells(p: Product): Cells {
  return [p.sku, p.name, CATEGORIES[p.category].name, p.brand, cents(p.unitCost), cents(p.listPrice), p.active, formatParis(p.updatedMs)];
}

export function stockCells(date: string, p: Product, onHand: number, reserved: number): Cells {
  return [date, p.sku, p.warehouse, onHand, reserved];
}

export function promotionCells(p: PlannedPromotion, startsMs: number, endsMs: number): Cells {
  const value = p.kind === "percent" ? cents(p.value * 100) : cents(p.value);
  return [p.promoId, p.name, p.code, p.kind, value, formatParis(startsMs), formatParis(endsMs), p.scopeType, p.scopeValue];
}
