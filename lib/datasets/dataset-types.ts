// The shape of a published dataset: what it is, where its rows come from, its typed columns.
export const COLUMN_TYPES = ["text", "integer", "bigint", "decimal", "date", "timestamp", "boolean"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export type DatasetColumn = {
  name: string;
  type: ColumnType;
  /** SQL expression over the dataset's FROM clause. */
  expr: string;
  description: string;
  /** Digits after the decimal point (decimal columns: money is 2). */
  scale?: number;
  /** Clear personal data: only exported to callers holding pii:read. */
  pii?: boolean;
};

export type Dataset = {
  id: string;
  layer: "silver" | "gold";
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  /** FROM clause without personal data; `piiFrom` is appended when clear values are asked for. */
  from: string;
  piiFrom?: string;
  /** Date the from/to filter applies to (inclusive), or null when the dataset is not dated. */
  dateExpr: string | null;
  orderBy: string;
  /** Sources it is built from: their data-quality rules make its quality status. */
  sources: string[];
  /** The table whose size stands for the dataset's row count estimate. */
  baseTable: string;
  columns: DatasetColumn[];
};
