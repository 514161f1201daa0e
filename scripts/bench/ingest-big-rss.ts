// ingest_1gb_peak_rss_mb (only with --big): ingestFile on a ~1 GB order_lines file in a child
// process of its own, so the figure is the loader's memory and not the bench's. It must stay
// flat (streamed), i.e. far below the file size.
import { spawn } from "node:child_process";
import path from "node:path";
import { mb, orderLinesFile, round, root, type Section } from "./support";

const FILE_BYTES = 1024 * 1024 * 1024;

export const ingestBigRss: Section = {
  name: "1 GB ingest: peak RSS of the loader",
  async run(ctx) {
    const file = await orderLinesFile("1gb", { bytes: FILE_BYTES }, ctx.log);
    const url = await ctx.database("bench_big");
    const t0 = performance.now();
    const report = await runChild(url, file.path);
    const seconds = (performance.now() - t0) / 1000;
    if (report.status !== "loaded" || report.rowsLoaded !== file.lines) {
      throw new Error(`1 GB ingest: ${report.status}, ${report.rowsLoaded} of ${file.lines} rows (${report.message ?? ""})`);
    }
    return [
      { key: "ingest_1gb_peak_rss_mb", value: round(report.peakRssMb, 1), unit: "MB", target: { op: "<", value: 300 } },
      { key: "ingest_1gb_start_rss_mb", value: round(report.startRssMb, 1), unit: "MB" },
      { key: "ingest_1gb_file_mb", value: round(mb(file.bytes), 1), unit: "MB" },
      { key: "ingest_1gb_rows_per_s", value: Math.round(file.lines / seconds), unit: "rows/s" },
    ];
  },
};

type ChildReport = { status: string; rowsLoaded: number; message: string | null; peakRssMb: number; startRssMb: number };

function runChild(url: string, file: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "ingest-child.ts"), url, file], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(last) as ChildReport);
      else reject(new Error(`ingest child exited with ${code}: ${last}`));
    });
  });
}
