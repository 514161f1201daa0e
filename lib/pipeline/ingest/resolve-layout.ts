// Decides which contract a file is for and which bronze column each of its fields loads into:
// by the header (names compared case- and space-insensitively), or by a saved column mapping.
// Also reads the number and date conventions off the sample rows (decimal commas, dd/mm/yyyy).
import { CONTRACTS, SOURCES, type AnyContract, type SourceName } from "../contracts";
import type { Sniffed } from "./sniff";
import { StructuralError } from "./structural-error";

export type SavedMapping = {
  id: bigint;
  source: string;
  headerSignature: string;
  /** { contractColumn: fileColumn } */
  mapping: Record<string, string>;
  decimalSeparator: string | null;
  dateFormat: string | null;
};

export type Layout = {
  source: SourceName;
  /** Contract column loaded from each kept field, in load order. */
  columns: string[];
  /** File field positions kept, in load order (null when the file is already in contract order). */
  projection: number[] | null;
  decimalSeparator: "." | ",";
  dateFormat: "iso" | "dmy";
  mappingId: bigint | null;
};

export const normaliseName = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");
export const headerSignature = (header: readonly string[]) => header.map(normaliseName).join("|");

const required = (c: AnyContract) => c.def.columns.filter((col) => col.required).map((col) => col.name);

export function resolveLayout(sniffed: Sniffed, fileName: string, requested: SourceName | null, mappings: readonly SavedMapping[]): Layout {
  const signature = headerSignature(sniffed.header);
  const names = sniffed.header.map(normaliseName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new StructuralError("duplicate_columns", `${fileName}: the header names the column ${dup} twice.`);

  const saved = mappings.find((m) => m.headerSignature === signature && (!requested || m.source === requested));
  if (saved) return fromMapping(sniffed, saved, fileName);

  const source = requested ?? detectSource(names, fileName);
  const contract = CONTRACTS[source];
  const missing = required(contract).filter((c) => !names.includes(c));
  if (missing.length) {
    const other = requested ? bestMatch(names) : null;
    if (other && other !== requested && required(CONTRACTS[other]).every((c) => names.includes(c))) {
      throw new StructuralError("wrong_source", `${fileName} looks like a ${other} export, not ${requested}.`, { detected: other });
    }
    throw new StructuralError("missing_columns", `${fileName} is missing required ${source} columns: ${missing.join(", ")}. Map its columns to the contract, or fix the export.`, {
      source,
      missing,
      header: sniffed.header,
    });
  }
  const kept = names.map((n, i) => [n, i] as const).filter(([n]) => contract.columnNames.includes(n));
  const columns = kept.map(([n]) => n);
  const projection = kept.length === names.length ? null : kept.map(([, i]) => i);
  return { source, columns, projection, mappingId: null, ...conventions(sniffed, contract, columns, projection) };
}

function fromMapping(sniffed: Sniffed, saved: SavedMapping, fileName: string): Layout {
  const source = saved.source as SourceName;
  const contract = CONTRACTS[source];
  const names = sniffed.header.map(normaliseName);
  const entries = Object.entries(saved.mapping).filter(([col]) => contract.columnNames.includes(col));
  const positions = entries.map(([col, fileCol]) => [col, names.indexOf(normaliseName(fileCol))] as const).filter(([, i]) => i >= 0);
  const missing = required(contract).filter((c) => !positions.some(([col]) => col === c));
  if (missing.length) {
    throw new StructuralError("missing_columns", `${fileName}: the saved mapping for ${source} leaves required columns unmapped: ${missing.join(", ")}.`, { source, missing });
  }
  const columns = positions.map(([col]) => col);
  const projection = positions.map(([, i]) => i);
  const detected = conventions(sniffed, contract, columns, projection);
  return {
    source,
    columns,
    projection,
    mappingId: saved.id,
    decimalSeparator: (saved.decimalSeparator as "." | ",") ?? detected.decimalSeparator,
    dateFormat: (saved.dateFormat as "iso" | "dmy") ?? detected.dateFormat,
  };
}

export function detectSource(names: readonly string[], fileName: string): SourceName {
  const best = bestMatch(names);
  if (best && required(CONTRACTS[best]).every((c) => names.includes(c))) return best;
  const covered = best ? CONTRACTS[best].columnNames.filter((c) => names.includes(c)).length / CONTRACTS[best].columnNames.length : 0;
  if (best && covered >= 0.5) {
    const missing = required(CONTRACTS[best]).filter((c) => !names.includes(c));
    throw new StructuralError("missing_columns", `${fileName} looks like a ${best} export but is missing required columns: ${missing.join(", ")}.`, { source: best, missing, header: names });
  }
  throw new StructuralError("unknown_source", `${fileName}: its columns (${names.slice(0, 6).join(", ")}…) match no known source; choose the source and map its columns.`, {
    header: names,
  });
}

// The contract whose columns the header covers best (share of the contract's columns present).
function bestMatch(names: readonly string[]): SourceName | null {
  let best: SourceName | null = null;
  let bestScore = 0;
  for (const source of SOURCES) {
    const cols = CONTRACTS[source].columnNames;
    const hits = cols.filter((c) => names.includes(c)).length;
    const score = hits / cols.length - names.filter((n) => !cols.includes(n)).length / (10 * names.length);
    if (hits && score > bestScore) [best, bestScore] = [source, score];
  }
  return best;
}

const DMY = /^\d{2}\/\d{2}\/\d{4}/;
const DECIMAL_COMMA = /^-?[\d\s\u00a0\u202f]*\d,\d+$/;

function conventions(sniffed: Sniffed, contract: AnyContract, columns: string[], projection: number[] | null) {
  const valuesOf = (type: string) =>
    columns.flatMap((col, k) => (contract.column(col).type === type ? sniffed.sample.map((row) => row[projection ? projection[k] : k] ?? "") : [])).filter(Boolean);
  const decimals = valuesOf("decimal");
  const dates = [...valuesOf("timestamp"), ...valuesOf("date")];
  return {
    decimalSeparator: decimals.some((v) => DECIMAL_COMMA.test(v)) && !decimals.some((v) => /\.\d+$/.test(v)) ? ("," as const) : ("." as const),
    dateFormat: dates.length && dates.every((v) => DMY.test(v)) ? ("dmy" as const) : ("iso" as const),
  };
}
