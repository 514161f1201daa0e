// Turns one non-empty raw cell into its typed value, with the same strictness the SQL
// casts will have: canonical formats only (decimal point, ISO 8601 with offset, true/false).
import type { ColumnDef } from "./define-contract";

export type CellResult = { ok: true; value: unknown } | { ok: false; error: string };

const INTEGER = /^-?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export function parseCell(col: ColumnDef, raw: string): CellResult {
  if (col.pattern && !new RegExp(col.pattern).test(raw)) return fail(`does not match ${col.pattern}`);
  switch (col.type) {
    case "string":
      return { ok: true, value: raw };
    case "enum":
      return col.values?.includes(raw) ? { ok: true, value: raw } : fail(`not one of ${col.values?.join("|")}`);
    case "boolean":
      return raw === "true" || raw === "false" ? { ok: true, value: raw === "true" } : fail("not true/false");
    case "integer":
      return INTEGER.test(raw) ? bounded(col, Number(raw), 1) : fail("not an integer");
    case "decimal":
      return parseDecimal(col, raw);
    case "date":
      return validDate(raw) ? { ok: true, value: raw } : fail("not a date YYYY-MM-DD");
    case "timestamp": {
      const m = TIMESTAMP.exec(raw);
      if (!m || !validDate(`${m[1]}-${m[2]}-${m[3]}`) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
        return fail("not an ISO 8601 timestamp with offset");
      }
      return { ok: true, value: new Date(raw) };
    }
  }
}

/** Decimals are returned as integers in 10^-scale units ("12.34", scale 2 -> 1234): exact money. */
function parseDecimal(col: ColumnDef, raw: string): CellResult {
  const scale = col.scale ?? 2;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m) return fail("not a decimal with a decimal point");
  const fraction = m[3] ?? "";
  if (fraction.length > scale) return fail(`more than ${scale} decimal places`);
  const units = Number(m[2] + fraction.padEnd(scale, "0")) * (m[1] ? -1 : 1);
  if (!Number.isSafeInteger(units)) return fail("out of range");
  return bounded(col, units, 10 ** scale);
}

function bounded(col: ColumnDef, units: number, unitsPerWhole: number): CellResult {
  if (col.min !== undefined && units < col.min * unitsPerWhole) return fail(`below minimum ${col.min}`);
  if (col.max !== undefined && units > col.max * unitsPerWhole) return fail(`above maximum ${col.max}`);
  return { ok: true, value: units };
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function fail(error: string): CellResult {
  return { ok: false, error };
}
