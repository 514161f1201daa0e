// The metric explorer's choice — which KPI, split by which dimension — read from the URL next
// to the global filters, so an exploration can be shared and saved.
import { getKpi, KPIS, type Dimension, type KpiDefinition } from "../kpi/registry";

export type ExplorerChoice = { kpi: KpiDefinition; by: Dimension | null };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** KPI (revenue by default) and a dimension it supports (none otherwise). */
export function parseExplorerChoice(search: SearchParams): ExplorerChoice {
  const kpi = getKpi(first(search.kpi) ?? "") ?? KPIS[0];
  const by = first(search.by) as Dimension | undefined;
  return { kpi, by: by && kpi.dimensions.includes(by) ? by : null };
}

/** How many keys a split chart draws (the table and the CSV have them all). */
export const EXPLORER_TOP = 8;
