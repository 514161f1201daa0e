// Step "gold": rebuilds exactly the days and customers that silver changes touched, one
// transaction per fact family so readers never see half a rebuild, then forgets those marks.
import type pg from "pg";
import { inTransaction } from "../../db/in-transaction";
import { addDays } from "../../dates/add-days";
import { inLanes } from "../lanes";
import { withIndexesOfEmptyTablesRebuilt } from "../sql/bulk-load";
import { clearDirty, readMarks, resolveScope, type GoldScope, type Marks } from "./dirty-scope";
import { REBUILD_CUSTOMERS, REBUILD_REFUNDS, REBUILD_STOCK, REBUILD_WEB } from "./other-facts-sql";
import { DELETE_SALES, INSERT_SALES_FACTS, MARK_SEGMENT_MONTHS } from "./sales-sql";

export type GoldResult = { orderDays: number; refundDays: number; stockDays: number; webDays: number; customers: number };

// A family's keys: web and refund days are taken from the marks as they are, so their lane
// starts at once; the others wait for changed orders and product versions to be resolved (a
// first load at scale m: ~5 s, which the web lane no longer waits for).
type Family = {
  name: string;
  keys: (marks: Marks, scope: () => Promise<GoldScope>) => Promise<string[]>;
  kinds: string[];
  statements: string[];
  daysAtOnce?: number;
  /** Its large tables: filled from empty (a first load), their indexes are built after the rows (sql/bulk-load.ts). */
  bulkTables?: string[];
};

// Largest first at a first load of scale m: sales, web sessions, customers, stock, refunds.
const FAMILIES: Family[] = [
  { name: "sales", keys: async (_, scope) => (await scope()).orderDays, kinds: ["order_day"], statements: [...DELETE_SALES, INSERT_SALES_FACTS, MARK_SEGMENT_MONTHS], bulkTables: ["gold_product_daily"] },
  // Sessions are grouped with their events sorted by time: a month of days at a time sorts in
  // memory; two years at once (a first load at scale m, ten million events) spilled to disk.
  { name: "web", keys: async (marks) => marks("web_day"), kinds: ["web_day"], statements: REBUILD_WEB, daysAtOnce: 31 },
  { name: "customers", keys: async (_, scope) => (await scope()).customers, kinds: ["customer"], statements: REBUILD_CUSTOMERS, bulkTables: ["gold_customer_value"] },
  { name: "stock", keys: async (_, scope) => (await scope()).stockDays, kinds: ["stock_day"], statements: REBUILD_STOCK, bulkTables: ["gold_stock_daily"] },
  { name: "refunds", keys: async (marks) => marks("refund_day"), kinds: ["refund_day"], statements: REBUILD_REFUNDS },
];

export async function buildGold(pool: pg.Pool, params: { timeZone: string }): Promise<GoldResult> {
  const marks = await readMarks(pool);
  let resolving: Promise<GoldScope> | undefined;
  const scope = () => (resolving ??= resolveScope(pool, marks));
  // Two connections take the families as they come free, largest first (FAMILIES' order): a
  // fixed web / everything-else cut left one core idle for the last ~30 s of a first load at m.
  await inLanes(FAMILIES.map((f) => [f]), 2, async (family) => {
    const keys = await family.keys(marks, scope);
    if (!keys.length) return;
    await inTransaction(pool, async (client) => {
      // Session and day aggregates sort millions of rows at scale m: in memory, not spilled.
      await client.query("SET LOCAL work_mem = '64MB'");
      await withIndexesOfEmptyTablesRebuilt(client, family.bulkTables ?? [], async () => {
        for (const part of inParts(keys, family.daysAtOnce)) {
          for (const sql of family.statements) await client.query(sql, statementParams(sql, part, params.timeZone));
        }
      });
      await clearDirty(client, Object.fromEntries(family.kinds.map((k) => [k, keys])));
    });
  });
  // Changed orders and product versions fed several families: forget them once all are rebuilt.
  await clearDirty(pool, { order: marks("order"), product: marks("product") });
  await pool.query("DELETE FROM gold_dirty WHERE kind IN ('promotions', 'payment_day')");
  const rebuilt = await scope();
  return {
    orderDays: rebuilt.orderDays.length,
    refundDays: rebuilt.refundDays.length,
    stockDays: rebuilt.stockDays.length,
    webDays: rebuilt.webDays.length,
    customers: rebuilt.customers.length,
  };
}

/** Day keys in runs of consecutive days (ISO days sort as text); all at once without a size. */
function inParts(keys: string[], size?: number): string[][] {
  if (!size) return [keys];
  const sorted = [...keys].sort();
  return Array.from({ length: Math.ceil(sorted.length / size) }, (_, i) => sorted.slice(i * size, (i + 1) * size));
}

/** $1 the keys, $2 the time zone, $3 (day keys) the days with the day before and after each. */
function statementParams(sql: string, keys: string[], timeZone: string): unknown[] {
  if (/\$3/.test(sql)) return [keys, timeZone, [...new Set(keys.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]))]];
  return /\$2/.test(sql) ? [keys, timeZone] : [keys];
}
