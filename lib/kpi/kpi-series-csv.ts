// A KPI series as CSV (period[,key],value; decimal point, UTF-8) — what the explorer shows,
// for a spreadsheet. Cells a spreadsheet would run as a formula are neutralised.
import type { KpiSeries } from "./get-kpi-series";

const quote = (cell: string) => {
  const safe = /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function kpiSeriesCsv(s: KpiSeries): string {
  const header = s.by ? ["period", s.by, s.kpi] : ["period", s.kpi];
  const rows = s.series.map((p) => (s.by ? [p.period, p.key ?? "", p.value ?? ""] : [p.period, p.value ?? ""]));
  return [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
