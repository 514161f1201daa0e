// One typed definition per source export. The generator writes it, ingestion validates
// against it (row by row here with zod, in bulk later in SQL from the same metadata) and
// the docs page is rendered from it, so the three can never disagree.
import { z } from "zod";
import { parseCell } from "./parse-cell";

export type ColumnType = "string" | "integer" | "decimal" | "boolean" | "date" | "timestamp" | "enum";
export type PiiKind = "email" | "name" | "ip" | "address" | "user_agent" | "customer_id";

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  /** false: an empty field (CSV) or missing/null value (NDJSON) is allowed and means null. */
  readonly required: boolean;
  /** Allowed values, for type "enum". */
  readonly values?: readonly string[];
  /** Inclusive lower bound for integer/decimal (in the written unit, e.g. euros). */
  readonly min?: number;
  readonly max?: number;
  /** Decimal places allowed for "decimal" (money: 2). */
  readonly scale?: number;
  /** Regular expression the raw text must match (identifiers, emails). */
  readonly pattern?: string;
  readonly pii?: PiiKind;
  readonly description: string;
  readonly example: string;
}

export interface RuleDef {
  readonly id: string;
  readonly severity: "error" | "warning";
  readonly description: string;
  /** Row rules can be checked on one row; dataset rules need other rows or other sources. */
  readonly scope: "row" | "dataset";
  /** For row rules: true when the (typed) row satisfies the rule. */
  readonly check?: (row: Readonly<Record<string, unknown>>) => boolean;
}

export interface ContractDef {
  readonly source: string;
  readonly version: number;
  readonly description: string;
  readonly format: "csv" | "ndjson";
  /** Natural key: at most one row per key survives ingestion. */
  readonly key: readonly string[];
  /** When a key is re-exported, the row with the greatest value of this column wins. */
  readonly versionColumn: string | null;
  /** How files are delivered (drop-folder layout), for the docs. */
  readonly files: string;
  readonly columns: readonly ColumnDef[];
  readonly rules: readonly RuleDef[];
}

type EnumValue<C> = C extends { readonly values: readonly (infer V)[] } ? V : string;
type BaseValue<C extends ColumnDef> = C["type"] extends "integer" | "decimal"
  ? number
  : C["type"] extends "boolean"
    ? boolean
    : C["type"] extends "timestamp"
      ? Date
      : C["type"] extends "enum"
        ? EnumValue<C>
        : string;
/** Typed value of a column: decimals come back as integers in 10^-scale units (cents). */
export type ValueOf<C extends ColumnDef> = BaseValue<C> | (C["required"] extends true ? never : null);
export type RowOf<T extends ContractDef> = { -readonly [C in T["columns"][number] as C["name"]]: ValueOf<C> };

export type RowResult<R> = { ok: true; row: R } | { ok: false; issues: string[] };

/** What every contract offers, whatever its columns (use this type for the registry). */
export interface AnyContract {
  readonly def: ContractDef;
  readonly source: string;
  readonly columnNames: readonly string[];
  column(name: string): ColumnDef;
  /** Problems with a file's header row (missing or unexpected columns); empty when fine. */
  checkHeader(header: readonly string[]): string[];
  /** rowSchema.safeParse with issues flattened to "column: problem" messages. */
  validateRow(raw: Readonly<Record<string, string>>): RowResult<Record<string, unknown>>;
}

export interface Contract<T extends ContractDef = ContractDef> extends AnyContract {
  readonly def: T;
  readonly source: T["source"];
  /** Validates one row of raw strings (CSV cells; "" = null) and returns typed values. */
  readonly rowSchema: z.ZodType<RowOf<T>, Record<string, string>>;
  validateRow(raw: Readonly<Record<string, string>>): RowResult<RowOf<T>>;
}

export function defineContract<const T extends ContractDef>(def: T): Contract<T> {
  const names = def.columns.map((c) => c.name);
  for (const k of [...def.key, ...(def.versionColumn ? [def.versionColumn] : [])]) {
    if (!names.includes(k)) throw new Error(`${def.source}: key/version column ${k} is not a column`);
  }
  const shape: Record<string, z.ZodType<unknown, string>> = {};
  for (const col of def.columns) shape[col.name] = columnSchema(col);
  const rowRules = def.rules.filter((r) => r.scope === "row" && r.check);
  const rowSchema = z
    .object(shape)
    .superRefine((row, ctx) => {
      for (const rule of rowRules) {
        if (rule.severity === "error" && rule.check && !rule.check(row)) {
          ctx.addIssue({ code: "custom", message: `${rule.id}: ${rule.description}` });
        }
      }
    });
  const typedSchema = rowSchema as unknown as z.ZodType<RowOf<T>, Record<string, string>>;
  return {
    def,
    source: def.source,
    columnNames: names,
    rowSchema: typedSchema,
    validateRow(raw) {
      const result = typedSchema.safeParse(raw);
      if (result.success) return { ok: true, row: result.data };
      return { ok: false, issues: result.error.issues.map((i) => (i.path.length && !i.message.startsWith(`${String(i.path[0])}:`) ? `${String(i.path[0])}: ${i.message}` : i.message)) };
    },
    column(name) {
      const col = def.columns.find((c) => c.name === name);
      if (!col) throw new Error(`${def.source} has no column ${name}`);
      return col;
    },
    checkHeader(header) {
      const missing = names.filter((n) => !header.includes(n)).map((n) => `missing column ${n}`);
      const extra = header.filter((h) => !names.includes(h)).map((h) => `unexpected column ${h}`);
      return [...missing, ...extra];
    },
  };
}

function columnSchema(col: ColumnDef): z.ZodType<unknown, string> {
  return z.string().transform((raw, ctx) => {
    if (raw === "") {
      if (!col.required) return null;
      ctx.addIssue({ code: "custom", message: `${col.name}: required but empty` });
      return z.NEVER;
    }
    const parsed = parseCell(col, raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `${col.name}: ${parsed.error} (got ${JSON.stringify(raw)})` });
      return z.NEVER;
    }
    return parsed.value;
  });
}

/** Row-rule helper: `later` must not be before `earlier` (both timestamps or dates). */
export function notBefore(id: string, later: string, earlier: string, description?: string): RuleDef {
  return {
    id,
    severity: "error",
    scope: "row",
    description: description ?? `${later} >= ${earlier}`,
    check: (row) => {
      const a = row[later];
      const b = row[earlier];
      if (a == null || b == null) return true;
      return a instanceof Date && b instanceof Date ? a.getTime() >= b.getTime() : String(a) >= String(b);
    },
  };
}

/** A rule that needs other rows or sources: documented here, enforced by ingestion in SQL. */
export function datasetRule(id: string, severity: "error" | "warning", description: string): RuleDef {
  return { id, severity, description, scope: "dataset" };
}
