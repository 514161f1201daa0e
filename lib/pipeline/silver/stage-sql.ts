// Typed rows of a batch of bronze files, ready for silver: each file's cells cast with its own
// conventions (decimal comma, dd/mm/yyyy), rows already rejected at ingestion left out.
import { CONTRACTS, type SourceName } from "../contracts";
import { bronzeTable } from "../ingest/bronze-sql";
import { typedCellSql, type Conventions } from "../sql/cell-sql";

export type FileGroup = { fileIds: bigint[]; decimalSeparator: "." | ","; dateFormat: "iso" | "dmy" };

/** One SELECT per convention group, UNION ALL; file ids are inlined (bigints, not user text). */
export function stageSelectSql(source: SourceName, groups: readonly FileGroup[], timeZone: string): string {
  const contract = CONTRACTS[source];
  const json = contract.def.format === "ndjson";
  return groups
    .map((g) => {
      const conv: Conventions = { decimalSeparator: g.decimalSeparator, dateFormat: g.dateFormat, timeZone };
      // NDJSON: most lines are stored as their values already; the others whole, parsed here
      // once each (OFFSET 0 keeps the planner from inlining the parse into every column).
      const cell = (name: string) => (json ? `(CASE WHEN b.line IS NULL THEN b."${name}" ELSE p.j ->> '${name}' END)` : `b."${name}"`);
      const cols = contract.def.columns.map((c) => `${typedCellSql(c, cell(c.name), conv)} AS "${c.name}"`);
      const parse = json ? " CROSS JOIN LATERAL (SELECT b.line::jsonb AS j OFFSET 0) p" : "";
      return `SELECT b.src_file_id, b.src_line, ${cols.join(", ")}
  FROM ${bronzeTable(source)} b${parse}
 WHERE b.src_file_id IN (${g.fileIds.map(String).join(", ")})
   AND NOT EXISTS (SELECT 1 FROM ingest_reject r WHERE r.file_id = b.src_file_id AND r.line_no = b.src_line)`;
    })
    .join("\nUNION ALL\n");
}
