// Step "gold": rebuilds exactly the days and customers that silver changes touched, one
// transaction per fact family so readers never see half a rebuild, then forgets those marks.
import type pg from "pg";
import { inTransaction } from "../../db/in-transaction";
import { addDays } from "../../dates/add-days";
import { inLanes } from "../lanes";
import { clearDirty, readDirtyScope, type GoldScope } from "./dirty-scope";
import { REBUILD_CUSTOMERS, REBUILD_REFUNDS, REBUILD_STOCK, REBUILD_WEB } from "./other-facts-sql";
import { DELETE_SALES, INSERT_SALES_FACTS, MARK_SEGMENT_MONTHS } from "./sales-sql";

export type GoldResult = { orderDays: number; refundDays: number; stockDays: number; webDays: number; customers: number };

type Family = { name: string; keys: (s: GoldScope) => string[]; kinds: string[]; statements: string[]; daysAtOnce?: number };

// Largest first at a first load of scale m: sales, web sessions, customers, stock, refunds.
const FAMILIES: Family[] = [
  { name: "sales", keys: (s) => s.orderDays, kinds: ["order_day"], statements: [...DELETE_SALES, INSERT_SALES_FACTS, MARK_SEGMENT_MONTHS] },
  // Sessions are grouped with their events sorted by time: a month of days at a time sorts in
  // memory; two years at once (a first load at scale m, ten million events) spilled to disk.
  { name: "web", keys: (s) => s.webDays, kinds: ["web_day"], statements: REBUILD_WEB, daysAtOnce: 31 },
  { name: "customers", keys: (s) => s.customers, kinds: ["customer"], statements: REBUILD_CUSTOMERS },
  { name: "stock", keys: (s) => s.stockDays, kinds: ["stock_day"], statements: REBUILD_STOCK },
  { name: "refunds", keys: (s) => s.refundDays, kinds: ["refund_day"], statements: REBUILD_REFUNDS },
];

export async function buildGold(pool: pg.Pool, params: { timeZone: string }): Promise<GoldResult> {
  const scope = await readDirtyScope(pool);
  const keysOf = async (kind: string) => (await pool.query<{ key: string }>("SELECT key FROM gold_dirty WHERE kind = $1", [kind])).rows.map((r) => r.key);
  const [orderIds, productChanges] = [await keysOf("order"), await keysOf("product")];
  // Two connections take the families as they come free, largest first (FAMILIES' order): a
  // fixed web / everything-else cut left one core idle for the last ~30 s of a first load at m.
  await inLanes(FAMILIES.map((f) => [f]), 2, async (family) => {
    const keys = family.keys(scope);
    if (!keys.length) return;
    await inTransaction(pool, async (client) => {
      // Session and day aggregates sort millions of rows at scale m: in memory, not spilled.
      await client.query("SET LOCAL work_mem = '64MB'");
      for (const part of inParts(keys, family.daysAtOnce)) {
        for (const sql of family.statements) await client.query(sql, statementParams(sql, part, params.timeZone));
      }
      await clearDirty(client, Object.fromEntries(family.kinds.map((k) => [k, keys])));
    });
  });
  // Changed orders and product versions fed several families: forget them once all are rebuilt.
  await clearDirty(pool, { order: orderIds, product: productChanges });
  await pool.query("DELETE FROM gold_dirty WHERE kind IN ('promotions', 'payment_day')");
  return {
    orderDays: scope.orderDays.length,
    refundDays: scope.refundDays.length,
    stockDays: scope.stockDays.length,
    webDays: scope.webDays.length,
    customers: scope.customers.length,
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
