// Streams a `COPY … TO STDOUT` from a pooled connection; the connection goes back to the pool
// when the stream ends, fails or is closed by the reader (e.g. the HTTP client went away).
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

export async function streamCopyOut(pool: pg.Pool, sql: string): Promise<NodeJS.ReadableStream> {
  const client = await pool.connect();
  const stream = client.query(copyTo(sql));
  let released = false;
  const release = (err?: Error) => {
    if (!released) client.release(err);
    released = true;
  };
  stream.on("end", () => release());
  stream.on("error", (err) => release(err));
  stream.on("close", () => release());
  return stream;
}
