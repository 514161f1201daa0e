// Strings of the metric glossary.
import { defineMessages } from "../define-messages";

export const glossary = defineMessages(
  {
    title: "Glossaire des indicateurs",
    lead: "Chaque indicateur, sa définition exacte et les découpages possibles. Les mêmes définitions servent aux écrans, à l'API et aux exports.",
    kpi: "Indicateur",
    id: "Identifiant (API)",
    unit: "Unité",
    definition: "Définition",
    dimensions: "Découpages",
    units: { eur: "euros", count: "nombre", ratio: "taux" },
    dims: { category: "catégorie", channel: "canal", product: "produit" },
  },
  {
    title: "Metric glossary",
    lead: "Every KPI, its exact definition and how it can be split. The same definitions serve the screens, the API and the exports.",
    kpi: "KPI",
    id: "Id (API)",
    unit: "Unit",
    definition: "Definition",
    dimensions: "Split by",
    units: { eur: "euros", count: "count", ratio: "rate" },
    dims: { category: "category", channel: "channel", product: "product" },
  },
);
