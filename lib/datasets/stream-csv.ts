// A dataset as CSV straight from PostgreSQL's COPY: bytes flow from the server to the client
// with no row ever held in Node, so memory stays flat whatever the size.
import { Readable } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { datasetSql, type Range } from "./dataset-sql";
import type { Dataset } from "./dataset-types";

export async function streamDatasetCsv(pool: pg.Pool, ds: Dataset, opts: { pii: boolean; range: Range }): Promise<Readable> {
  const { text, values } = datasetSql(ds, { encoding: "csv", ...opts });
  // COPY takes no bind parameters: the two dates (already validated) go in as quoted literals.
  const sql = text.replace(/\$(\d)/g, (_, i: string) => pg.escapeLiteral(values[Number(i) - 1]));
  const client = await pool.connect();
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    // A COPY cut short leaves the connection mid-protocol: discard it rather than reuse it.
    client.release(error);
  };
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
  stream.on("end", () => release());
  stream.on("error", (e) => release(e));
  stream.on("close", () => release(stream.readableEnded ? undefined : new Error("CSV export interrupted")));
  return stream;
}
