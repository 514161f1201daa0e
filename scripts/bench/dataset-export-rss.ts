// dataset_csv_peak_rss_mb / dataset_parquet_peak_rss_mb: the order_lines dataset (3 million
// lines made in SQL) exported as CSV, and a tenth of them (300,000) as Parquet, each in a child
// process of its own; memory must stay flat (streamed), far below the file size.
import pg from "pg";
import { mb, round, runJsonChild, type Section } from "./support";

const LINES = 3_000_000;
const LINES_PER_ORDER = 3;
const DAYS = 300;

export const datasetExportRss: Section = {
  name: "dataset export (3M order lines): peak RSS",
  async run(ctx) {
    const url = await ctx.database("bench_datasets");
    await fill(url, ctx.log);
    const csv = await runJsonChild<ChildReport>("dataset-export-child.ts", [url, "csv"]);
    if (csv.rows !== LINES) throw new Error(`CSV export: ${csv.rows} rows, expected ${LINES}`);
    // A date range of a tenth of the days: 300,000 lines as Parquet.
    const parquet = await runJsonChild<ChildReport>("dataset-export-child.ts", [url, "parquet", "2026-01-01", "2026-01-30"]);
    return [
      { key: "dataset_csv_peak_rss_mb", value: round(csv.peakRssMb, 1), unit: "MB", target: { op: "<", value: 250 } },
      { key: "dataset_csv_file_mb", value: round(mb(csv.bytes), 1), unit: "MB" },
      { key: "dataset_csv_rows_per_s", value: Math.round(LINES / csv.seconds), unit: "rows/s" },
      { key: "dataset_parquet_peak_rss_mb", value: round(parquet.peakRssMb, 1), unit: "MB", target: { op: "<", value: 400 } },
      { key: "dataset_parquet_file_mb", value: round(mb(parquet.bytes), 1), unit: "MB" },
      { key: "dataset_parquet_rows_per_s", value: Math.round(LINES / 10 / parquet.seconds), unit: "rows/s" },
    ];
  },
};

async function fill(url: string, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    log(`making ${LINES} order lines in SQL…`);
    const orders = LINES / LINES_PER_ORDER;
    await client.query(`INSERT INTO silver_orders (order_id, customer_id, ordered_at, order_date, status, channel, currency, shipping_amount, promo_code, updated_at, src_file_id, src_line)
      SELECT 'ORD-' || i, 'C' || (i % 50000), d::timestamptz, d, 'shipped', CASE WHEN i % 3 = 0 THEN 'app' ELSE 'web' END, 'EUR', 4.90, NULL, now(), 1, i
      FROM generate_series(1, ${orders}) i, LATERAL (SELECT DATE '2026-01-01' + (i % ${DAYS}) AS d) x`);
    await client.query(`INSERT INTO silver_order_lines (order_id, line_no, sku, quantity, unit_price, discount_amount, src_file_id, src_line)
      SELECT 'ORD-' || i, n, 'SKU-' || lpad(((i * n) % 2000)::text, 5, '0'), 1 + (i + n) % 4, 9.99 + (i % 90), CASE WHEN n = 1 THEN 1.50 ELSE 0 END, 1, i
      FROM generate_series(1, ${orders}) i, generate_series(1, ${LINES_PER_ORDER}) n`);
    await client.query("ANALYZE silver_orders; ANALYZE silver_order_lines");
  } finally {
    await client.end();
  }
}

type ChildReport = { rows: number | null; bytes: number; peakRssMb: number; startRssMb: number; seconds: number };
