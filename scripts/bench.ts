// `npm run bench [-- --json] [--scale s|m] [--big] [--only KEY,…]`: performance checks, each a
// figure against a baseline measured in the same run (never a timed unit test). Prints a table,
// and with --json ends with ONE JSON object on the last line holding every figure.
// Sections live in scripts/bench/, one per file; add one by appending it to SECTIONS.
import { jsonLine, runSections } from "./lib/run-sections";
import { parseArgs } from "node:util";
import { bronzeCopy } from "./bench/bronze-copy";
import { dashboards } from "./bench/dashboards";
import { datasetExportRss } from "./bench/dataset-export-rss";
import { generatorRss } from "./bench/generator-rss";
import { ingestBigRss } from "./bench/ingest-big-rss";
import { pipelineRuns } from "./bench/pipeline-runs";
import { startBenchDb, type BenchDb, type Figure, type Scale, type Section } from "./bench/support";
import { uploadRss } from "./bench/upload-rss";

const SECTIONS: Record<string, Section & { onlyWithBig?: boolean }> = {
  bronze_copy: bronzeCopy,
  upload_rss: uploadRss,
  dataset_export_rss: datasetExportRss,
  generator_rss: generatorRss,
  pipeline: pipelineRuns,
  ingest_big_rss: { ...ingestBigRss, onlyWithBig: true },
  dashboards,
};

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    scale: { type: "string", default: "s" },
    big: { type: "boolean", default: false },
    only: { type: "string" },
  },
});

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<number> {
  if (args.scale !== "s" && args.scale !== "m") throw new Error("--scale must be s or m");
  const only = args.only?.split(",").map((s) => s.trim());
  for (const name of only ?? []) if (!(name in SECTIONS)) throw new Error(`--only: unknown section ${name} (one of ${Object.keys(SECTIONS).join(", ")})`);
  const chosen = Object.entries(SECTIONS).filter(([name, s]) => (only ? only.includes(name) : !s.onlyWithBig || args.big));

  const started = performance.now();
  let figures: Figure[] = [];
  let failures: string[] = [];
  let db: BenchDb | undefined;
  // Ctrl-C still stops the embedded database and deletes the temp dir.
  const interrupt = () => void db?.close().finally(() => process.exit(130));
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    db = await startBenchDb();
    const ctx = { scale: args.scale as Scale, big: args.big, database: db.database, tmp: db.tmp, log };
    ({ figures, failures } = await runSections(chosen, ctx, log));
  } finally {
    await db?.close();
  }
  const wall = (performance.now() - started) / 1000;

  printTable(figures, wall);
  const missed = figures.filter((f) => f.target && !meets(f));
  if (args.json) console.log(jsonLine(figures, failures, { scale: args.scale as string, wall_s: Number(wall.toFixed(1)) }));
  return failures.length || missed.length ? 1 : 0;
}

function meets(f: Figure): boolean {
  if (!f.target || typeof f.value !== "number") return true;
  return f.target.op === ">=" ? f.value >= f.target.value : f.value < f.target.value;
}

function printTable(figures: Figure[], wall: number) {
  const rows = figures.map((f) => [
    f.key,
    `${typeof f.value === "number" ? f.value.toLocaleString("en-US") : f.value}${f.unit ? ` ${f.unit}` : ""}`,
    f.target ? `${f.target.op} ${f.target.value}` : "",
    f.target ? (meets(f) ? "ok" : "MISSED") : "",
  ]);
  const head = ["figure", "value", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log(`(scale ${args.scale}, ${wall.toFixed(1)} s)`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
