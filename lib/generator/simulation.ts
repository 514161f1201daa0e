// The state shared by the generator's parts while it walks through the days.
import type { SourceName } from "../pipeline/contracts";
import type { PlannedAnomaly } from "./anomalies-plan";
import type { Product } from "./catalog";
import type { Customers } from "./customers";
import type { ExportFile } from "./export-files";
import type { GroundTruth } from "./ground-truth";
import type { BusinessDay } from "./paris-time";
import type { PlannedPromotion } from "./promotions-plan";
import type { Random } from "./random";
import type { Stock } from "./stock";

export interface OrderLine {
  product: number;
  quantity: number;
  /** Cents. */
  unitPrice: number;
  discount: number;
}

export interface Order {
  id: string;
  customerId: string;
  orderedMs: number;
  dayIndex: number;
  channel: "web" | "app" | "marketplace";
  method: "card" | "paypal" | "apple_pay" | "bank_transfer" | "marketplace";
  shipping: number;
  promoCode: string | null;
  lines: OrderLine[];
  /** Amount captured (lines revenue + shipping), 0 if never captured. */
  captured: number;
}

export interface Simulation {
  seed: number;
  random: Random;
  days: readonly BusinessDay[];
  dates: readonly string[];
  products: Product[];
  customers: Customers;
  stock: Stock;
  promotions: readonly PlannedPromotion[];
  anomalies: readonly PlannedAnomaly[];
  truth: GroundTruth;
  ordersPerDay: number;
  sequences: { order: number; payment: number; return: number };
}

export type DayFiles = Record<SourceName, ExportFile>;

export function activeAnomaly(sim: Simulation, kind: PlannedAnomaly["kind"], dayIndex: number): PlannedAnomaly | undefined {
  return sim.anomalies.find((a) => a.kind === kind && a.startDay <= dayIndex && dayIndex <= a.endDay);
}

export function activePromotion(sim: Simulation, dayIndex: number): PlannedPromotion | undefined {
  return sim.promotions.find((p) => p.startDay <= dayIndex && dayIndex < p.endDay);
}

export function nextId(sim: Simulation, kind: "order" | "payment" | "return"): string {
  const n = ++sim.sequences[kind];
  if (kind === "order") return orderId(n);
  if (kind === "payment") return `PAY-${String(n).padStart(9, "0")}`;
  return `RET-${String(n).padStart(8, "0")}`;
}

export const orderId = (n: number) => `ORD-${String(n).padStart(8, "0")}`;
/** The sequence number back from an order id. */
export const orderNumber = (id: string) => Number(id.slice(4));
