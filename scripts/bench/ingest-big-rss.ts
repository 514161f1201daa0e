// ingest_1gb_peak_rss_mb (only with --big): ingestFile on a ~1 GB order_lines file in a child
// process of its own, so the figure is the loader's memory and not the bench's. It must stay
// flat (streamed), i.e. far below the file size.
import { mb, orderLinesFile, round, runJsonChild, type Section } from "./support";

const FILE_BYTES = 1024 * 1024 * 1024;

export const ingestBigRss: Section = {
  name: "1 GB ingest: peak RSS of the loader",
  async run(ctx) {
    const file = await orderLinesFile("1gb", { bytes: FILE_BYTES }, ctx.log);
    const url = await ctx.database("bench_big");
    const t0 = performance.now();
    const report = await runJsonChild<ChildReport>("ingest-child.ts", [url, file.path]);
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
