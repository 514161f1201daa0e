// The SELECT behind a dataset, with each column encoded for where it goes: CSV (text safe to
// open in a spreadsheet, ISO timestamps), Parquet (integers the writer stores exactly: decimals
// as unscaled bigints, dates as days, timestamps as epoch milliseconds) or a plain SQL view.
import type { ColumnType, Dataset, DatasetColumn } from "./dataset-types";

export type Encoding = "csv" | "parquet" | "view";
export type Range = { from: string; to: string } | null;

/** Columns the caller may see: clear personal data only with pii:read. */
export const visibleColumns = (ds: Dataset, pii: boolean) => ds.columns.filter((c) => pii || !c.pii);

// Spreadsheets run a cell starting with = + - @ (or tab / carriage return) as a formula:
// such text cells get a leading apostrophe (OWASP "CSV injection"). Numbers are left alone.
export const csvSafe = (expr: string) => `CASE WHEN ${expr} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;

const CSV: Record<ColumnType, (e: string, c: DatasetColumn) => string> = {
  text: csvSafe,
  integer: (e) => e,
  bigint: (e) => e,
  decimal: (e, c) => `round(${e}, ${c.scale ?? 2})`,
  date: (e) => `to_char(${e}, 'YYYY-MM-DD')`,
  timestamp: (e) => `to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  boolean: (e) => `(${e})::text`,
};

const PARQUET: Record<ColumnType, (e: string, c: DatasetColumn) => string> = {
  text: (e) => e,
  integer: (e) => `(${e})::int`,
  bigint: (e) => `(${e})::bigint`,
  decimal: (e, c) => `round((${e}) * 10 ^ ${c.scale ?? 2})::bigint`,
  date: (e) => `(${e}) - DATE '1970-01-01'`,
  timestamp: (e) => `round(extract(epoch FROM ${e}) * 1000)::bigint`,
  boolean: (e) => e,
};

const VIEW: Record<ColumnType, (e: string, c: DatasetColumn) => string> = {
  ...PARQUET,
  decimal: (e, c) => `round(${e}, ${c.scale ?? 2})`,
  date: (e) => `(${e})::date`,
  timestamp: (e) => e,
};

const ENCODERS = { csv: CSV, parquet: PARQUET, view: VIEW };

/** Parameterised SELECT ($1 = from, $2 = to when a range is given). */
export function datasetSql(ds: Dataset, opts: { encoding: Encoding; pii: boolean; range: Range }) {
  const encode = ENCODERS[opts.encoding];
  const columns = visibleColumns(ds, opts.pii);
  const select = columns.map((c) => `${encode[c.type](c.expr, c)} AS "${c.name}"`).join(",\n  ");
  const from = opts.pii && ds.piiFrom ? `${ds.from} ${ds.piiFrom}` : ds.from;
  const where = opts.range && ds.dateExpr ? `\nWHERE ${ds.dateExpr} BETWEEN $1::date AND $2::date` : "";
  const values = opts.range && ds.dateExpr ? [opts.range.from, opts.range.to] : [];
  return { text: `SELECT\n  ${select}\nFROM ${from}${where}\nORDER BY ${ds.orderBy}`, values, columns };
}
