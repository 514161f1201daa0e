// full_pipeline_copy_ratio and incremental_full_ratio, in one run on the generated exports:
// 1. the floor: a bare COPY of the history's files into plain tables of text columns;
// 2. the full pipeline (drop folder → bronze → silver → quality → gold → analytics, retention)
//    over the same files on a fresh database;
// 3. one more day of files on top of those two years: an ordinary (incremental) run.
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfigFromUrl } from "../../lib/db/connection";
import { createPool } from "../../lib/db/pool";
import { CONTRACTS, SOURCES } from "../../lib/pipeline/contracts";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { benchExports, dropIntoInbox, totalMb, type ExportFile } from "./pipeline-data";
import { root, round, timed, warmPageCache, type BenchContext, type Section } from "./support";

const TIME_ZONE = "Europe/Paris";

export const pipelineRuns: Section = {
  name: "full and incremental pipeline vs bare COPY",
  async run(ctx) {
    const data = await benchExports(ctx.scale, ctx.log);
    ctx.log(`history: ${data.history.length} files, ${totalMb(data.history).toFixed(0)} MB; new day ${data.lastDay}: ${data.newDay.length} files`);
    // From memory on both sides: the bare COPY goes first and would otherwise pay the disk reads.
    for (const f of data.history) await warmPageCache(f.path);
    const bareMs = await bareCopyAll(ctx, data.history);
    ctx.log(`bare COPY of the history: ${(bareMs / 1000).toFixed(1)} s`);

    const inbox = path.join(root, ".data", `bench-inbox-${process.pid}`);
    const pool = createPool({ ...pgConfigFromUrl(await ctx.database("bench_pipeline")), max: 4 });
    pool.on("error", (e) => ctx.log(`pool: ${e.message}`));
    try {
      await rm(inbox, { recursive: true, force: true });
      await dropIntoInbox(inbox, data.history);
      await pool.query("CHECKPOINT");
      const fullMs = await timed(() => run(pool, inbox, ctx));
      ctx.log(`full pipeline: ${(fullMs / 1000).toFixed(1)} s`);
      await dropIntoInbox(inbox, data.newDay);
      // The next day's run meets a settled database: autovacuum has long been through the
      // history by then, not still vacuuming it beside the run on the same two cores.
      await pool.query("VACUUM (ANALYZE)");
      await pool.query("CHECKPOINT");
      const incrementalMs = await timed(() => run(pool, inbox, ctx));
      ctx.log(`one-day incremental run: ${(incrementalMs / 1000).toFixed(1)} s`);
      return [
        { key: "full_pipeline_copy_ratio", value: round(fullMs / bareMs), target: { op: "<", value: 3 } },
        { key: "incremental_full_ratio", value: round(incrementalMs / fullMs, 4), target: { op: "<", value: 0.02 } },
        { key: "pipeline_bare_copy_s", value: round(bareMs / 1000), unit: "s" },
        { key: "full_pipeline_s", value: round(fullMs / 1000), unit: "s" },
        { key: "incremental_run_s", value: round(incrementalMs / 1000), unit: "s" },
        { key: "pipeline_input_files", value: data.history.length, unit: "files" },
        { key: "pipeline_input_mb", value: round(totalMb(data.history), 1), unit: "MB" },
      ];
    } finally {
      await pool.end();
      await rm(inbox, { recursive: true, force: true });
    }
  },
};

/** One pipeline run over the inbox; its steps' durations logged (where the time goes). */
async function run(pool: pg.Pool, inbox: string, ctx: BenchContext) {
  const outcome = await runPipeline(pool, { trigger: "cli", inboxDir: inbox, timeZone: TIME_ZONE, piiKey: "bench-pii-key", stableSeconds: 0, webRetentionDays: 90, analytics: false });
  const { rows } = await pool.query<{ name: string; s: string }>(
    "SELECT name, round(extract(epoch FROM finished_at - started_at)::numeric, 2)::text AS s FROM pipeline_step WHERE run_id = $1 ORDER BY id",
    [outcome.runId],
  );
  ctx.log(`  run #${outcome.runId} ${outcome.status}: ${rows.map((r) => `${r.name} ${r.s} s`).join(", ")}`);
  if (outcome.status !== "SUCCESS") throw new Error(`pipeline run #${outcome.runId} ${outcome.status}: ${outcome.error}`);
}

// The floor: each file COPYed as it is into a plain table of text columns per source (NDJSON:
// one text column per line, with quote and delimiter bytes that never occur in the files).
async function bareCopyAll(ctx: BenchContext, files: readonly ExportFile[]): Promise<number> {
  const pool = createPool({ ...pgConfigFromUrl(await ctx.database("bench_bare")), max: 1 });
  try {
    for (const source of SOURCES) {
      const columns = CONTRACTS[source].def.format === "ndjson" ? "line text" : CONTRACTS[source].columnNames.map((_, i) => `c${i + 1} text`).join(", ");
      await pool.query(`CREATE TABLE bare_${source} (${columns})`);
    }
    await pool.query("CHECKPOINT");
    const client = await pool.connect();
    try {
      return await timed(async () => {
        for (const f of files) {
          const options = CONTRACTS[f.source].def.format === "ndjson" ? "FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02'" : "FORMAT csv, HEADER";
          await pipeline(createReadStream(f.path, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY bare_${f.source} FROM STDIN WITH (${options})`)));
        }
      });
    } finally {
      client.release();
    }
  } finally {
    // Measured: the space goes back before the pipeline fills its own copy (m: 6 GB each).
    await pool.query(SOURCES.map((s) => `DROP TABLE IF EXISTS bare_${s}`).join("; ")).catch(() => {});
    await pool.end();
  }
}
