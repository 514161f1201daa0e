// SQL around the bronze tables: the COPY statement for a file's layout, and the set-based
// validation that records every invalid cell of a loaded file in ingest_reject (used for NDJSON
// files; CSV cells are checked by the framer while they stream, see cell-check.ts).
import { CONTRACTS, type SourceName } from "../contracts";
import { invalidCellSql, type Conventions } from "../sql/cell-sql";
import { sqlIdent } from "../sql/literal";

export const bronzeTable = (source: SourceName) => sqlIdent(`bronze_${source}`);

const delimiterLiteral = (d: string) => (d === "\t" ? "E'\\t'" : `'${d.replace(/'/g, "''")}'`);

export function copySql(source: SourceName, columns: readonly string[], delimiter: string): string {
  // NDJSON: NdjsonFramer writes the line whole or its values (text format, tab-delimited).
  const json = CONTRACTS[source].def.format === "ndjson";
  const cols = ["src_file_id", "src_line", ...(json ? ["line"] : []), ...columns].map(sqlIdent).join(", ");
  // Text format: CsvFramer (output "text") has unquoted and escaped every field already, and the
  // server parses it faster than CSV.
  return `COPY ${bronzeTable(source)} (${cols}) FROM STDIN WITH (FORMAT text, DELIMITER ${delimiterLiteral(json ? "\t" : delimiter)})`;
}

/** INSERT … SELECT of one ingest_reject row per invalid cell of file $1 (with `someLines`: of its lines $2). */
export function validationSql(source: SourceName, columns: readonly string[], conv: Conventions, someLines = false): string {
  const contract = CONTRACTS[source];
  const json = contract.def.format === "ndjson";
  const cell = (name: string) => (json ? `(p.j ->> '${name}')` : `b.${sqlIdent(name)}`);
  const checks = columns.map((name) => {
    const check = invalidCellSql(contract.column(name), cell(name), conv);
    return `(${`'${name}'`}, ${json ? `CASE WHEN jsonb_typeof(p.j) = 'object' THEN ${check} END` : check})`;
  });
  if (json) {
    checks.unshift(`(NULL, CASE WHEN p.j IS NULL THEN 'not valid JSON' WHEN jsonb_typeof(p.j) <> 'object' THEN 'not a JSON object' END)`);
  }
  // OFFSET 0 keeps the subquery from being flattened: the line is parsed once per row, not once
  // per reference to p.j (dozens in the checks).
  const parse = json ? `CROSS JOIN LATERAL (SELECT CASE WHEN pg_input_is_valid(b.line, 'jsonb') THEN b.line::jsonb END AS j OFFSET 0) p` : "";
  return `INSERT INTO ingest_reject (file_id, line_no, field, reason)
SELECT b.src_file_id, b.src_line, r.field, r.reason
  FROM ${bronzeTable(source)} b ${parse}
  CROSS JOIN LATERAL (VALUES ${checks.join(",\n    ")}) AS r(field, reason)
 WHERE b.src_file_id = $1${someLines ? " AND b.src_line = ANY($2::int[])" : ""} AND r.reason IS NOT NULL`;
}
