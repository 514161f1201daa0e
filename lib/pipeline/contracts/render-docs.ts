// Markdown reference of the source contracts, rendered from the contract code itself (used by
// the in-app contracts page and written to docs/contracts.md by `npm run generate -- --docs FILE`).
import type { AnyContract, ColumnDef } from "./define-contract";
import { CONTRACTS, SOURCES } from "./index";

export const FORMAT_NOTES = [
  "CSV: UTF-8, comma separator, header row, RFC 4180 quoting, decimal point, empty field = null.",
  "Timestamps: ISO 8601 with offset, Paris local time (e.g. `2025-03-01T14:03:22+01:00`, `+02:00` in summer).",
  "Money: EUR with exactly 2 decimals; revenue of a line = quantity x unit_price - discount_amount.",
  "NDJSON (web events): one JSON object per line, string values or null; files may be gzipped (`.ndjson.gz`).",
  "Re-exports: a record may appear again in a later file; when the contract has a version column, the row with the greatest value wins.",
];

export function renderContractsMarkdown(contracts: readonly AnyContract[] = SOURCES.map((s) => CONTRACTS[s])): string {
  const parts = [
    "# Source data contracts",
    "",
    "<!-- Generated from lib/pipeline/contracts by `npm run generate -- --docs docs/contracts.md`; do not edit by hand. -->",
    "",
    ...FORMAT_NOTES.map((n) => `- ${n}`),
    "",
    ...contracts.map(renderContract),
  ];
  return parts.join("\n");
}

function renderContract(contract: AnyContract): string {
  const { def } = contract;
  const lines = [
    `## ${def.source} (v${def.version})`,
    "",
    def.description,
    "",
    `- Format: ${def.format.toUpperCase()}`,
    `- Files: ${def.files}`,
    `- Key: ${def.key.map((k) => `\`${k}\``).join(", ")}`,
    `- Latest version wins by: ${def.versionColumn ? `\`${def.versionColumn}\`` : "— (rows are never re-exported)"}`,
    "",
    "| Column | Type | Required | Allowed values / checks | PII | Description | Example |",
    "|---|---|---|---|---|---|---|",
    ...def.columns.map(renderColumn),
    "",
  ];
  if (def.rules.length) {
    lines.push("Rules:", "", ...def.rules.map((r) => `- \`${r.id}\` (${r.severity}, ${r.scope}): ${escape(r.description)}`), "");
  }
  return lines.join("\n");
}

function renderColumn(col: ColumnDef): string {
  const type = col.type === "decimal" ? `decimal(${col.scale ?? 2})` : col.type;
  const cells = [`\`${col.name}\``, type, col.required ? "yes" : "no", checks(col), col.pii ?? "", col.description, `\`${col.example}\``];
  return `| ${cells.map(escape).join(" | ")} |`;
}

function checks(col: ColumnDef): string {
  const out: string[] = [];
  if (col.values) out.push(col.values.join(", "));
  if (col.min !== undefined) out.push(`>= ${col.min}`);
  if (col.max !== undefined) out.push(`<= ${col.max}`);
  if (col.pattern) out.push(`matches \`${col.pattern}\``);
  return out.join("; ");
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|");
}
