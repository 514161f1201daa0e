// --dirty: realistic defects, each an EXTRA line inserted right after a clean row (a corrupted
// copy of it), so removing the listed lines gives back exactly the clean files and the ground
// truth stays valid. Uses its own random stream: clean content is the same with or without it.
import { CONTRACTS, type SourceName } from "../pipeline/contracts";
import { csvLine } from "./csv";
import { formatParis } from "./paris-time";
import { Random } from "./random";

export const DEFECT_KINDS = [
  "duplicate_row",
  "null_key",
  "negative_price",
  "future_date",
  "return_before_order",
  "unknown_sku",
  "wrong_field_count",
  "broken_quote",
  "latin1_excel_file",
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export interface PlantedDefect {
  kind: DefectKind;
  file: string;
  /** 1-based physical line (the header is line 1); null for whole-file defects. */
  line: number | null;
}

/** Facts a row's defect may need that are not in the row itself. */
export interface RowContext {
  orderedMs?: number;
}

type Cells = readonly (string | number | boolean | null)[];

const KINDS_BY_SOURCE: Partial<Record<SourceName, readonly DefectKind[]>> = {
  orders: ["duplicate_row", "null_key", "future_date", "wrong_field_count", "broken_quote"],
  order_lines: ["duplicate_row", "null_key", "negative_price", "unknown_sku"],
  returns: ["duplicate_row", "return_before_order"],
  payments: ["duplicate_row"],
  customers: ["duplicate_row", "broken_quote", "wrong_field_count"],
};
const DAY_MS = 86_400_000;

export class Defects {
  private readonly random: Random;
  readonly planted: PlantedDefect[] = [];

  constructor(seed: number, private readonly rate: number) {
    this.random = new Random(seed, 77);
  }

  extraLines(source: string, cells: Cells, context?: RowContext): { kind: DefectKind; text: string }[] {
    const kinds = KINDS_BY_SOURCE[source as SourceName];
    if (!kinds || !this.random.chance(this.rate)) return [];
    const kind = this.random.pick(kinds);
    const text = this.corrupt(source as SourceName, kind, cells, context);
    return text === null ? [] : [{ kind, text }];
  }

  record(kind: DefectKind, file: string, line: number | null): void {
    this.planted.push({ kind, file, line });
  }

  private corrupt(source: SourceName, kind: DefectKind, cells: Cells, context?: RowContext): string | null {
    const columns = CONTRACTS[source].columnNames;
    const copy = [...cells];
    const set = (column: string, value: string) => (copy[columns.indexOf(column)] = value);
    switch (kind) {
      case "duplicate_row":
        return csvLine(cells);
      case "null_key":
        set(CONTRACTS[source].def.key[0], "");
        return csvLine(copy);
      case "negative_price":
        set("unit_price", `-${cells[columns.indexOf("unit_price")]}`);
        return csvLine(copy);
      case "unknown_sku":
        set("sku", `SKU-9${String(this.random.int(0, 9999)).padStart(4, "0")}`);
        return csvLine(copy);
      case "future_date": {
        const updated = Date.parse(String(cells[columns.indexOf("updated_at")]));
        set("ordered_at", formatParis(updated + this.random.int(300, 900) * DAY_MS));
        return csvLine(copy);
      }
      case "return_before_order":
        if (context?.orderedMs === undefined) return null;
        set("returned_at", formatParis(context.orderedMs - this.random.int(1, 20) * DAY_MS));
        return csvLine(copy);
      case "wrong_field_count":
        return csvLine(copy.slice(0, copy.length - this.random.int(1, 3)));
      case "broken_quote": {
        // An unescaped quote inside a quoted field, as hand-written CSV often has: "Dup"ont"
        const text = String(copy[1]);
        const cut = Math.max(1, Math.floor(text.length / 2));
        const line = csvLine(copy).split(",");
        line[1] = `"${text.slice(0, cut)}"${text.slice(cut)}"`;
        return line.join(",");
      }
      default:
        return null;
    }
  }

  counts(): Record<DefectKind, number> {
    const counts = Object.fromEntries(DEFECT_KINDS.map((k) => [k, 0])) as Record<DefectKind, number>;
    for (const d of this.planted) counts[d.kind]++;
    return counts;
  }
}
