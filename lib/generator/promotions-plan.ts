// Promotions planted over the period, one at a time with quiet weeks in between so their true
// uplift can be measured against the days before. The uplift multiplies the demand (units) of
// in-scope products; about half of the orders with in-scope lines then use the code.
import { CATEGORIES, type Product } from "./catalog";
import type { BusinessDay } from "./paris-time";
import type { Random } from "./random";

export interface PlannedPromotion {
  promoId: string;
  name: string;
  code: string;
  kind: "percent" | "amount";
  /** Percent (e.g. 20) or amount in cents. */
  value: number;
  scopeType: "all" | "category" | "sku";
  /** Category name or sku; null for all. */
  scopeValue: string | null;
  startDay: number;
  /** Exclusive. */
  endDay: number;
  createdDay: number;
  /** True multiplier on units demanded of in-scope products while the promotion runs. */
  unitsUplift: number;
  /** Share of orders with in-scope lines that use the code. */
  codeShare: number;
}

const SCOPE_ROTATION = ["category", "sku", "all", "category", "sku"] as const;

export function planPromotions(random: Random, days: readonly BusinessDay[], products: readonly Product[]): PlannedPromotion[] {
  const promos: PlannedPromotion[] = [];
  let start = 18 + random.int(0, 5);
  while (start + 12 < days.length) {
    const length = random.int(5, 10);
    const scopeType = SCOPE_ROTATION[promos.length % SCOPE_ROTATION.length];
    const number = promos.length + 1;
    const category = CATEGORIES[random.int(0, CATEGORIES.length - 1)].name;
    // Sku promotions target a product with real demand so the effect is measurable.
    const bestSellers = [...products].sort((a, b) => b.popularity - a.popularity).slice(0, 10);
    const sku = random.pick(bestSellers).sku;
    const kind = scopeType === "all" && random.chance(0.5) ? "amount" : "percent";
    const scopeValue = scopeType === "all" ? null : scopeType === "category" ? category : sku;
    const label = scopeType === "all" ? "SITE" : scopeType === "category" ? category : "PRODUIT";
    const value = kind === "amount" ? 1000 : random.pick([10, 15, 20, 25, 30]);
    promos.push({
      promoId: `PRM-${String(number).padStart(4, "0")}`,
      name: scopeType === "all" ? `Offre spéciale n°${number}` : `Semaine ${label} n°${number}`,
      code: `${codeStem(label)}${kind === "amount" ? "10E" : value}${String(number).padStart(2, "0")}`,
      kind,
      value,
      scopeType,
      scopeValue,
      startDay: start,
      endDay: start + length,
      createdDay: Math.max(0, start - 7),
      unitsUplift: round2(scopeType === "sku" ? 1.8 + random.next() * 0.7 : scopeType === "category" ? 1.35 + random.next() * 0.4 : 1.15 + random.next() * 0.2),
      codeShare: 0.5,
    });
    start += length + random.int(16, 30);
  }
  return promos;
}

export function promoCovers(promo: PlannedPromotion, product: Product): boolean {
  if (promo.scopeType === "all") return true;
  if (promo.scopeType === "sku") return product.sku === promo.scopeValue;
  return CATEGORIES[product.category].name === promo.scopeValue;
}

function codeStem(label: string): string {
  return label.normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase().slice(0, 8);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
