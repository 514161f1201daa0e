// bronze_copy_ratio: the bronze load (hash, sniff, framing with lineage and cell checks, COPY,
// one transaction) against the physical floor, a bare COPY of the same file into an unlogged
// table of text columns on the same database. Ratio = bare time / bronze time (1 = free).
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfigFromUrl } from "../../lib/db/connection";
import { ingestFile } from "../../lib/pipeline/ingest/ingest-file";
import { CONTRACTS } from "../../lib/pipeline/contracts";
import { orderLinesFile, round, SCALE_LINES, timed, warmPageCache, type Section } from "./support";
import { createPool } from "../../lib/db/pool";

const RUNS = 2;

export const bronzeCopy: Section = {
  name: "bronze load vs bare COPY",
  async run(ctx) {
    const file = await orderLinesFile(ctx.scale, { lines: SCALE_LINES[ctx.scale] }, ctx.log);
    const url = await ctx.database("bench_bronze");
    const pool = createPool({ ...pgConfigFromUrl(url), max: 4 });
    // An idle connection dropped at shutdown must not crash the run (it did once).
    pool.on("error", (e) => ctx.log(`pool: ${e.message}`));
    try {
      const columns = CONTRACTS.order_lines.columnNames.map((_, i) => `c${i + 1} text`).join(", ");
      await pool.query(`CREATE UNLOGGED TABLE bare_copy (${columns})`);
      await warmPageCache(file.path);

      // Interleaved (bare, bronze, bare, bronze) so a slow phase of the machine hits both sides;
      // each side keeps its best run. CHECKPOINT first so one run's dirty pages are not flushed
      // on the next run's clock.
      const bare: number[] = [];
      const bronze: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        await pool.query("TRUNCATE bare_copy");
        await pool.query("CHECKPOINT");
        bare.push(await timed(() => bareCopy(pool, file.path)));
        const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM bare_copy");
        if (Number(rows[0].n) !== file.lines) throw new Error(`bare COPY loaded ${rows[0].n} rows, expected ${file.lines}`);

        // A second ingest of the same bytes is a duplicate: start each run from empty tables.
        await pool.query("TRUNCATE ingest_file, ingest_reject, bronze_order_lines CASCADE");
        await pool.query("CHECKPOINT");
        let result: Awaited<ReturnType<typeof ingestFile>> | undefined;
        bronze.push(
          await timed(async () => {
            result = await ingestFile(pool, {
              path: file.path,
              fileName: path.basename(file.path),
              channel: "inbox",
              receivedById: null,
              timeZone: "Europe/Paris",
              source: "order_lines",
            });
          }),
        );
        if (result?.status !== "loaded" || result.rowsLoaded !== file.lines) {
          throw new Error(`bronze load: ${result?.status}, ${result?.rowsLoaded} of ${file.lines} rows loaded (${result?.message ?? "no message"})`);
        }
        ctx.log(`run ${run}: bare COPY ${(bare.at(-1)! / 1000).toFixed(2)} s, bronze ${(bronze.at(-1)! / 1000).toFixed(2)} s`);
      }
      const bareMs = Math.min(...bare);
      const bronzeMs = Math.min(...bronze);
      return [
        { key: "bronze_copy_ratio", value: round(bareMs / bronzeMs), target: { op: ">=", value: 0.7 } },
        { key: "bare_copy_s", value: round(bareMs / 1000), unit: "s" },
        { key: "bronze_load_s", value: round(bronzeMs / 1000), unit: "s" },
        { key: "bare_copy_rows_per_s", value: Math.round(file.lines / (bareMs / 1000)), unit: "rows/s" },
        { key: "bronze_rows_per_s", value: Math.round(file.lines / (bronzeMs / 1000)), unit: "rows/s" },
        { key: "bronze_file_lines", value: file.lines, unit: "lines" },
        { key: "bronze_file_mb", value: round(file.bytes / 1048576, 1), unit: "MB" },
      ];
    } finally {
      await pool.end();
    }
  },
};

async function bareCopy(pool: pg.Pool, file: string) {
  const client = await pool.connect();
  try {
    const copy = client.query(copyFrom("COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER)"));
    // Same read size as the bronze loader, so neither side wins on I/O chunking.
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
  } finally {
    client.release();
  }
}

// Both sides then read the file from memory: the first timed run does not pay the disk alone.