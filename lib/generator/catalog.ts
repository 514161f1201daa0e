// The product catalogue (ERP): categories with their own price levels and return rates,
// products with a popularity weight and a home warehouse, and later price changes.
import { WAREHOUSES } from "../pipeline/contracts/patterns";
import type { Random } from "./random";

export interface Category {
  name: string;
  returnRate: number;
  /** Typical list price in cents. */
  price: number;
  nouns: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  { name: "Mode", returnRate: 0.22, price: 4500, nouns: ["Pull en laine", "Chemise en lin", "Robe d'été", "Écharpe", "Veste légère", "Pantalon chino", "Tee-shirt brodé"] },
  { name: "Chaussures", returnRate: 0.18, price: 7900, nouns: ["Baskets", "Bottines", "Sandales", "Espadrilles", "Mocassins"] },
  { name: "Cuisine", returnRate: 0.05, price: 3500, nouns: ["Théière en fonte", "Poêle en acier", "Cocotte", "Planche à découper", "Couteau de chef", "Moulin à poivre"] },
  { name: "Décoration", returnRate: 0.07, price: 3900, nouns: ["Vase en céramique", "Bougie parfumée", "Coussin", "Miroir rond", "Plaid", "Lampe à poser"] },
  { name: "Beauté", returnRate: 0.03, price: 2400, nouns: ["Crème hydratante", "Savon au lait d'ânesse", "Huile sèche", "Sérum éclat", "Baume à lèvres"] },
  { name: "High-tech", returnRate: 0.09, price: 8900, nouns: ["Enceinte Bluetooth", "Casque sans fil", "Chargeur rapide", "Lampe connectée", "Réveil lumineux"] },
  { name: "Enfants", returnRate: 0.08, price: 2900, nouns: ["Peluche", "Puzzle en bois", "Jeu de société", "Doudou", "Livre d'éveil"] },
  { name: "Épicerie fine", returnRate: 0.02, price: 1500, nouns: ["Confiture artisanale", "Miel de lavande", "Coffret de thés", "Chocolat noir", "Huile d'olive"] },
];

const QUALIFIERS = ["bleu", "vert sauge", "terracotta", "naturel", "noir", "blanc cassé", "doré", "rosé", "gris", "écru", "édition limitée", "bio", "grand modèle", "petit modèle"];
const BRANDS = ["Maison Lumière", "Atelier Céleste", "Les Forgés", "Brume & Co", "Éclat Nature", "Petit Château", "Sud Ouest Créations", "Nordique", "Lutin Malin", "Voltaïque"];

export interface Product {
  sku: string;
  name: string;
  category: number;
  brand: string;
  unitCost: number;
  listPrice: number;
  active: boolean;
  /** Relative demand; a few best sellers dominate. */
  popularity: number;
  warehouse: (typeof WAREHOUSES)[number];
  /** UTC ms of the last change (the row's updated_at). */
  updatedMs: number;
}

export function buildCatalog(random: Random, count: number, createdMs: number): Product[] {
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const category = i % CATEGORIES.length;
    const cat = CATEGORIES[category];
    const listPrice = roundPrice(cat.price * Math.exp(random.normal() * 0.45));
    products.push({
      sku: `SKU-${String(i + 1).padStart(5, "0")}`,
      name: `${random.pick(cat.nouns)} ${random.pick(QUALIFIERS)}`,
      category,
      brand: random.pick(BRANDS),
      unitCost: Math.round(listPrice * (0.3 + random.next() * 0.3)),
      listPrice,
      active: true,
      popularity: 1 / (1 + random.exponential(1) * 4) + (random.chance(0.04) ? 3 : 0),
      warehouse: random.chance(0.7) ? WAREHOUSES[0] : WAREHOUSES[1],
      updatedMs: createdMs,
    });
  }
  return products;
}

/** Psychological prices: 12.90, 29.90, 149.00 ... (cents). */
export function roundPrice(cents: number): number {
  if (cents < 10_000) return Math.max(290, Math.round(cents / 100) * 100 - 10);
  return Math.round(cents / 1000) * 1000;
}

/** A day's catalogue changes: a few price changes, rarely a product withdrawn. Returns changed products. */
export function changeCatalog(random: Random, products: Product[], dayStartMs: number): Product[] {
  const changed: Product[] = [];
  for (const product of products) {
    if (!product.active || !random.chance(0.004)) continue;
    if (random.chance(0.08)) product.active = false;
    else product.listPrice = roundPrice(product.listPrice * (random.chance(0.7) ? 1.05 : 0.92));
    product.updatedMs = dayStartMs + random.int(6 * 3600, 8 * 3600) * 1000;
    changed.push(product);
  }
  return changed;
}
