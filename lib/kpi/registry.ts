// The one registry of KPI definitions: what each figure means (shown in the glossary and on
// hover), its unit, the dimensions it can be split by, and how it is computed from gold.
// Every KPI is a ratio of two additive sums (a plain sum has denominator 1), so any range and
// grain is exact: AOV over a month is that month's revenue over that month's orders.
export type Unit = "eur" | "count" | "ratio";
export type Dimension = "category" | "product" | "channel";
type Text = { fr: string; en: string };

export type KpiDefinition = {
  id: string;
  label: Text;
  definition: Text;
  unit: Unit;
  dimensions: Dimension[];
  /** Gold fact the sums come from (see lib/kpi/kpi-sql.ts). */
  fact: "sales" | "products" | "refunds" | "web" | "stock" | "customers" | "net";
  numerator: string;
  denominator?: string;
  /** A rise is bad news (refunds, returns, stock-outs): comparisons are coloured the other way. */
  lowerIsBetter?: true;
};

const t = (fr: string, en: string): Text => ({ fr, en });

export const KPIS: KpiDefinition[] = [
  { id: "revenue", unit: "eur", fact: "sales", numerator: "sum(f.revenue)", dimensions: ["channel", "category", "product"],
    label: t("Chiffre d'affaires", "Revenue"),
    definition: t("Σ sur les lignes des commandes non annulées de (quantité × prix unitaire − remise), à la date de commande (Europe/Paris). Hors frais de port.", "Σ over lines of non-cancelled orders of (quantity × unit price − discount), by order date (Europe/Paris). Shipping excluded.") },
  { id: "net_revenue", unit: "eur", fact: "net", numerator: "revenue − refunds (see netRevenueSql)", dimensions: ["channel", "category", "product"],
    label: t("Chiffre d'affaires net", "Net revenue"),
    definition: t("Chiffre d'affaires − remboursements (remboursements à leur date de remboursement).", "Revenue − refunds (refunds by refund date).") },
  { id: "orders", unit: "count", fact: "sales", numerator: "sum(f.orders)", dimensions: ["channel"],
    label: t("Commandes", "Orders"), definition: t("Nombre de commandes non annulées, à la date de commande.", "Number of non-cancelled orders, by order date.") },
  { id: "aov", unit: "eur", fact: "sales", numerator: "sum(f.revenue)", denominator: "sum(f.orders)", dimensions: ["channel"],
    label: t("Panier moyen", "Average order value"), definition: t("Chiffre d'affaires ÷ commandes.", "Revenue ÷ orders.") },
  { id: "units", unit: "count", fact: "sales", numerator: "sum(f.units)", dimensions: ["channel", "category", "product"],
    label: t("Unités vendues", "Units sold"), definition: t("Σ des quantités des lignes de commandes non annulées.", "Σ of line quantities of non-cancelled orders.") },
  { id: "margin", unit: "eur", fact: "sales", numerator: "sum(f.revenue) - sum(f.cost)", dimensions: ["channel", "category", "product"],
    label: t("Marge", "Margin"), definition: t("Chiffre d'affaires − quantité × coût unitaire (coût en vigueur à la date de commande).", "Revenue − quantity × unit cost (cost in force when ordered).") },
  { id: "shipping", unit: "eur", fact: "sales", numerator: "sum(f.shipping)", dimensions: ["channel"],
    label: t("Frais de port", "Shipping"), definition: t("Σ des frais de port des commandes non annulées, suivis à part du chiffre d'affaires.", "Σ of shipping amounts of non-cancelled orders, reported apart from revenue.") },
  { id: "refunds", unit: "eur", lowerIsBetter: true, fact: "refunds", numerator: "sum(f.refunds)", dimensions: ["channel", "category", "product"],
    label: t("Remboursements", "Refunds"), definition: t("Σ des montants remboursés, à la date du retour.", "Σ of refunded amounts, by return date.") },
  { id: "conversion_rate", unit: "ratio", fact: "web", numerator: "sum(f.purchase_sessions)", denominator: "sum(f.sessions)", dimensions: [],
    label: t("Taux de conversion", "Conversion rate"), definition: t("Sessions avec un achat ÷ sessions (jour du premier événement de la session).", "Sessions with a purchase ÷ sessions (day of the session's first event).") },
  { id: "return_rate", unit: "ratio", lowerIsBetter: true, fact: "products", numerator: "sum(f.units_returned)", denominator: "sum(f.units)", dimensions: ["channel", "category", "product"],
    label: t("Taux de retour", "Return rate"), definition: t("Unités retournées ÷ unités vendues ; un retour compte dans la période de sa commande d'origine.", "Units returned ÷ units sold; a return counts in the period of its original order.") },
  { id: "stockout_rate", unit: "ratio", lowerIsBetter: true, fact: "stock", numerator: "count(*) FILTER (WHERE f.active AND f.stockout)", denominator: "count(*) FILTER (WHERE f.active)", dimensions: ["category", "product"],
    label: t("Taux de rupture", "Stock-out rate"), definition: t("Jours-produits actifs sans stock disponible (stock − réservé ≤ 0, tous entrepôts) ÷ jours-produits actifs.", "Active SKU-days with no available stock (on hand − reserved ≤ 0, all warehouses) ÷ active SKU-days.") },
  { id: "clv", unit: "eur", fact: "customers", numerator: "sum(f.clv)", denominator: "count(*)", dimensions: [],
    label: t("Valeur vie client (moyenne)", "Customer lifetime value (average)"), definition: t("Par client : chiffre d'affaires − remboursements sur toutes ses commandes ; moyenne des clients acquis dans la période (cohorte de première commande).", "Per customer: revenue − refunds over all their orders; average over customers acquired in the period (first-order cohort).") },
];

export const getKpi = (id: string) => KPIS.find((k) => k.id === id) ?? null;
