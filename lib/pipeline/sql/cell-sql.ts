// SQL for one raw text cell of a contract column: why it is invalid (NULL when valid), and
// its typed value. Generated from the contract's metadata so bronze validation, silver casts
// and the zod row schema (lib/pipeline/contracts/parse-cell.ts) apply the same rules.
// Only contract metadata (trusted, from code) is spliced in; cell values never are.
import type { ColumnDef } from "../contracts";

export type Conventions = { decimalSeparator: "." | ","; dateFormat: "iso" | "dmy"; timeZone: string };

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const SPACES = `'[[:space:]' || chr(160) || chr(8239) || ']'`;
const TRUE_WORDS = ["true", "1", "yes", "oui", "vrai", "t", "y"];
const FALSE_WORDS = ["false", "0", "no", "non", "faux", "f", "n"];
const ISO_TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$";
const DMY_TIMESTAMP = "^\\d{2}/\\d{2}/\\d{4}( \\d{2}:\\d{2}(:\\d{2})?)?$";
const DMY_DATE = "^\\d{2}/\\d{2}/\\d{4}$";

/** The cell as canonical text: decimal point, ISO dates; NULL when empty. */
function canonical(col: ColumnDef, v: string, conv: Conventions): string {
  const trimmed = `nullif(btrim(${v}), '')`;
  if (col.type === "decimal" && conv.decimalSeparator === ",") return `replace(regexp_replace(${trimmed}, ${SPACES}, '', 'g'), ',', '.')`;
  if ((col.type === "timestamp" || col.type === "date") && conv.dateFormat === "dmy") {
    // dd/mm/yyyy[ hh:mm[:ss]] -> yyyy-mm-dd[ hh:mm[:ss]]
    return `regexp_replace(${trimmed}, '^(\\d{2})/(\\d{2})/(\\d{4})', '\\3-\\2-\\1')`;
  }
  if (col.type === "boolean" || col.type === "enum") return trimmed;
  return `nullif(${v}, '')`;
}

/** SQL text evaluating to the reason the cell is invalid, or NULL. */
export function invalidCellSql(col: ColumnDef, v: string, conv: Conventions): string {
  const c = canonical(col, v, conv);
  const checks: [string, string][] = [];
  if (col.pattern) checks.push([`NOT (${c} ~ ${literal(col.pattern)})`, `does not match ${col.pattern}`]);
  switch (col.type) {
    case "integer":
      checks.push([`NOT (${c} ~ '^-?\\d{1,15}$')`, "not an integer"]);
      break;
    case "decimal": {
      const scale = col.scale ?? 2;
      checks.push([`NOT (${c} ~ '^-?\\d{1,15}(\\.\\d+)?$')`, conv.decimalSeparator === "," ? "not a decimal number (decimal comma)" : "not a decimal with a decimal point"]);
      checks.push([`NOT (${c} ~ '^-?\\d+(\\.\\d{1,${scale}})?$')`, `more than ${scale} decimal places`]);
      break;
    }
    case "boolean":
      checks.push([`lower(${c}) NOT IN (${[...TRUE_WORDS, ...FALSE_WORDS].map(literal).join(", ")})`, "not true/false"]);
      break;
    case "enum":
      checks.push([`${c} NOT IN (${(col.values ?? []).map(literal).join(", ")})`, `not one of ${(col.values ?? []).join("|")}`]);
      break;
    case "date":
      checks.push([
        conv.dateFormat === "dmy" ? `NOT (btrim(${v}) ~ '${DMY_DATE}') OR NOT pg_input_is_valid(${c}, 'date')` : `NOT (${c} ~ '^\\d{4}-\\d{2}-\\d{2}$') OR NOT pg_input_is_valid(${c}, 'date')`,
        conv.dateFormat === "dmy" ? "not a date DD/MM/YYYY" : "not a date YYYY-MM-DD",
      ]);
      break;
    case "timestamp":
      checks.push([
        conv.dateFormat === "dmy"
          ? `NOT (btrim(${v}) ~ '${DMY_TIMESTAMP}') OR NOT pg_input_is_valid(${c}, 'timestamp')`
          : `NOT (${c} ~ '${ISO_TIMESTAMP}') OR NOT pg_input_is_valid(${c}, 'timestamptz')`,
        conv.dateFormat === "dmy" ? "not a date-time DD/MM/YYYY HH:mm" : "not an ISO 8601 timestamp with offset",
      ]);
      break;
  }
  if (col.min !== undefined) checks.push([`${c}::numeric < ${col.min}`, `below minimum ${col.min}`]);
  if (col.max !== undefined) checks.push([`${c}::numeric > ${col.max}`, `above maximum ${col.max}`]);
  const empty = `${c} IS NULL`;
  // CASE evaluates in order, so the casts in min/max only see well-formed numbers.
  return `CASE WHEN ${empty} THEN ${col.required ? literal("required but empty") : "NULL"} ${checks
    .map(([failed, reason]) => `WHEN ${failed} THEN ${literal(reason)}`)
    .join(" ")} END`;
}

/** SQL text for the typed value of a valid cell (NULL when empty). */
export function typedCellSql(col: ColumnDef, v: string, conv: Conventions): string {
  const c = canonical(col, v, conv);
  switch (col.type) {
    case "integer":
      return `(${c})::bigint`;
    case "decimal":
      return `(${c})::numeric(14, ${col.scale ?? 2})`;
    case "boolean":
      return `(lower(${c}) IN (${TRUE_WORDS.map(literal).join(", ")}))`;
    case "date":
      return `(${c})::date`;
    case "timestamp":
      return conv.dateFormat === "dmy" ? `((${c})::timestamp AT TIME ZONE ${literal(conv.timeZone)})` : `(${c})::timestamptz`;
    default:
      return c;
  }
}
