// A dataset as Parquet: rows fetched from a server-side cursor a batch at a time, each batch a
// row group, each row group sent as soon as it is encoded. Decimals are exact (unscaled 64-bit
// integers with their scale), dates are DATE, timestamps are UTC milliseconds.
import { Readable } from "node:stream";
import type pg from "pg";
import { ParquetWriter } from "hyparquet-writer";
import { datasetSql, type Range } from "./dataset-sql";
import type { ColumnType, Dataset, DatasetColumn } from "./dataset-types";
import { DrainableWriter } from "./parquet-writer-stream";

const BATCH_ROWS = 50_000;

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

const SCHEMA: Record<ColumnType, (c: DatasetColumn) => Omit<SchemaElement, "name" | "repetition_type">> = {
  text: () => ({ type: "BYTE_ARRAY", converted_type: "UTF8" }),
  integer: () => ({ type: "INT32" }),
  bigint: () => ({ type: "INT64" }),
  decimal: (c) => ({ type: "INT64", converted_type: "DECIMAL", precision: 18, scale: c.scale ?? 2 }),
  date: () => ({ type: "INT32", converted_type: "DATE" }),
  timestamp: () => ({ type: "INT64", converted_type: "TIMESTAMP_MILLIS" }),
  boolean: () => ({ type: "BOOLEAN" }),
};

// pg returns bigint as a string: parsed to BigInt exactly, never through a float.
const BIG = new Set<ColumnType>(["bigint", "decimal", "timestamp"]);

export function parquetSchema(columns: DatasetColumn[]): SchemaElement[] {
  return [{ name: "root", num_children: columns.length }, ...columns.map((c) => ({ name: c.name, repetition_type: "OPTIONAL" as const, ...SCHEMA[c.type](c) }))];
}

export function streamDatasetParquet(pool: pg.Pool, ds: Dataset, opts: { pii: boolean; range: Range }): Readable {
  const { text, values, columns } = datasetSql(ds, { encoding: "parquet", ...opts });
  async function* chunks() {
    const client = await pool.connect();
    let failed: Error | undefined;
    let committed = false;
    try {
      await client.query("BEGIN READ ONLY");
      // Every row will be read: plan for the whole result, not PostgreSQL's fast-start default
      // for cursors (10%), which was 35% slower on 300,000 order lines.
      await client.query("SET LOCAL cursor_tuple_fraction = 1");
      await client.query({ text: `DECLARE dataset_cursor NO SCROLL CURSOR FOR ${text}`, values });
      const writer = new DrainableWriter();
      const parquet = new ParquetWriter({ writer, schema: parquetSchema(columns), createdBy: "ecommerce-analytics" });
      yield writer.drain();
      for (;;) {
        const { rows } = await client.query({ text: `FETCH ${BATCH_ROWS} FROM dataset_cursor`, rowMode: "array" });
        if (!rows.length) break;
        const columnData = columns.map((c, j) => ({
          name: c.name,
          data: BIG.has(c.type) ? rows.map((r: unknown[]) => (r[j] === null ? null : BigInt(r[j] as string))) : rows.map((r: unknown[]) => r[j]),
        }));
        await parquet.write({ columnData, rowGroupSize: BATCH_ROWS });
        yield writer.drain();
      }
      await parquet.finish();
      yield writer.drain();
      await client.query("COMMIT");
      committed = true;
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      // Failed: the connection is dropped. Ended early (the client went away): roll back, reuse it.
      if (committed || failed) client.release(failed);
      else client.release(await client.query("ROLLBACK").then(() => undefined, (e: Error) => e));
    }
  }
  return Readable.from(chunks());
}
