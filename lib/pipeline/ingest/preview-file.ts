// A preview of how a file will be read: detected shape, the column mapping (given, saved or
// suggested from the names), and the first rows cast exactly as the load will cast them
// (the same SQL as bronze validation), so an admin can fix a mapping before loading anything.
import type pg from "pg";
import { CONTRACTS, SOURCES, type SourceName } from "../contracts";
import { invalidCellSql, typedCellSql, type Conventions } from "../sql/cell-sql";
import { detectSource, headerSignature, normaliseName } from "./resolve-layout";
import { sniffFile } from "./sniff";
import { StructuralError } from "./structural-error";

export type PreviewRequest = {
  path: string;
  fileName: string;
  source: SourceName | null;
  mapping?: Record<string, string | null>;
  decimalSeparator?: "." | ",";
  dateFormat?: "iso" | "dmy";
  timeZone: string;
};

const PREVIEW_ROWS = 10;

export async function previewFile(pool: pg.Pool, req: PreviewRequest) {
  const sniffed = await sniffFile(req.path, req.fileName);
  const names = sniffed.header.map(normaliseName);
  let detectedSource: SourceName | null = null;
  try {
    detectedSource = detectSource(names, req.fileName);
  } catch (error) {
    if (!(error instanceof StructuralError)) throw error;
  }
  const source = req.source ?? detectedSource;
  const base = { fileName: req.fileName, format: sniffed.format, encoding: sniffed.encoding, delimiter: sniffed.delimiter, header: sniffed.header, source, detectedSource };
  if (!source) {
    const problem = { code: "unknown_source", message: "The source could not be detected from the header: choose it, then map the columns." };
    return { ...base, decimalSeparator: ".", dateFormat: "iso", savedMappingId: null, mapping: {}, columns: [], preview: [], problem };
  }
  const contract = CONTRACTS[source];
  const saved = await pool.query<{ id: string; mapping: Record<string, string>; decimal_separator: string | null; date_format: string | null }>(
    "SELECT id, mapping, decimal_separator, date_format FROM column_mapping WHERE source = $1 AND header_signature = $2",
    [source, headerSignature(sniffed.header)],
  );
  const savedRow = saved.rows[0];
  const mapping = req.mapping ?? savedRow?.mapping ?? suggestMapping(contract.columnNames, sniffed.header);
  const conv: Conventions = {
    decimalSeparator: req.decimalSeparator ?? (savedRow?.decimal_separator as "." | ",") ?? guessDecimal(sniffed.sample),
    dateFormat: req.dateFormat ?? (savedRow?.date_format as "iso" | "dmy") ?? (sniffed.sample.flat().some((v) => /^\d{2}\/\d{2}\/\d{4}/.test(v)) ? "dmy" : "iso"),
    timeZone: req.timeZone,
  };
  const position = (col: string) => (mapping[col] ? names.indexOf(normaliseName(mapping[col]!)) : -1);
  const missing = contract.def.columns.filter((c) => c.required && position(c.name) < 0).map((c) => c.name);
  const rows = sniffed.sample.slice(0, PREVIEW_ROWS).map((cells) => Object.fromEntries(contract.columnNames.map((c) => [c, position(c) >= 0 ? (cells[position(c)] ?? "") : null])));
  return {
    ...base,
    decimalSeparator: conv.decimalSeparator,
    dateFormat: conv.dateFormat,
    savedMappingId: savedRow ? String(savedRow.id) : null,
    mapping: Object.fromEntries(contract.columnNames.map((c) => [c, position(c) >= 0 ? mapping[c]! : null])),
    columns: contract.def.columns.map((c) => ({ name: c.name, type: c.type, required: c.required, description: c.description })),
    preview: await castRows(pool, source, rows, conv),
    problem: missing.length ? { code: "missing_columns", message: `Required ${source} columns not mapped: ${missing.join(", ")}.` } : null,
  };
}

/** Contract column -> the file column with the same normalised name, or one containing it. */
export function suggestMapping(columns: readonly string[], header: readonly string[]): Record<string, string | null> {
  const names = header.map(normaliseName);
  return Object.fromEntries(
    columns.map((c) => {
      const exact = names.indexOf(c);
      const loose = exact >= 0 ? exact : names.findIndex((n) => n.includes(c) || (n.length > 2 && c.includes(n)));
      return [c, loose >= 0 ? header[loose] : null];
    }),
  );
}

const guessDecimal = (sample: string[][]): "." | "," => (sample.flat().some((v) => /^-?\d+,\d{1,4}$/.test(v.trim())) ? "," : ".");

// Casts the rows with the load's own SQL: value as it will be stored, and any issue per cell.
async function castRows(pool: pg.Pool, source: SourceName, rows: Record<string, string | null>[], conv: Conventions) {
  if (!rows.length) return [];
  const contract = CONTRACTS[source];
  const cols = contract.columnNames;
  const params: (string | null)[] = [];
  const values = rows.map((row) => `(${cols.map((c) => (params.push(row[c]), `$${params.length}::text`)).join(", ")})`);
  // Casts run only for valid cells (CASE); MATERIALIZED keeps the planner from folding a cast
  // of a bad constant before the CASE is reached.
  const select = cols.flatMap((c, i) => {
    const v = `v."${c}"`;
    const invalid = invalidCellSql(contract.column(c), v, conv);
    return [`CASE WHEN (${invalid}) IS NULL THEN (${typedCellSql(contract.column(c), v, conv)})::text END AS "t${i}"`, `${invalid} AS "e${i}"`];
  });
  const sql = `WITH v AS MATERIALIZED (SELECT * FROM (VALUES ${values.join(", ")}) AS x(${cols.map((c) => `"${c}"`).join(", ")}))
    SELECT ${select.join(", ")} FROM v`;
  const { rows: out } = await pool.query(sql, params);
  return out.map((r, k) => ({
    line: k + 2,
    values: Object.fromEntries(cols.map((c, i) => [c, r[`e${i}`] ? rows[k][c] : r[`t${i}`]])),
    issues: cols.flatMap((c, i) => (r[`e${i}`] ? [{ field: c, reason: r[`e${i}`] as string }] : [])),
  }));
}

export const isSource = (value: unknown): value is SourceName => typeof value === "string" && (SOURCES as string[]).includes(value);
