// Registry of every source contract, in load order (dimensions before facts).
import { customers } from "./customers";
import type { AnyContract } from "./define-contract";
import { orderLines } from "./order-lines";
import { orders } from "./orders";
import { payments } from "./payments";
import { products } from "./products";
import { promotions } from "./promotions";
import { returns } from "./returns";
import { stockSnapshots } from "./stock-snapshots";
import { webEvents } from "./web-events";

export const CONTRACTS = {
  customers,
  products,
  promotions,
  orders,
  order_lines: orderLines,
  payments,
  returns,
  stock_snapshots: stockSnapshots,
  web_events: webEvents,
} as const;

export type SourceName = keyof typeof CONTRACTS;
export const SOURCES = Object.keys(CONTRACTS) as SourceName[];

export function getContract(source: SourceName): AnyContract {
  return CONTRACTS[source];
}

export { customers, orderLines, orders, payments, products, promotions, returns, stockSnapshots, webEvents };
export type { AnyContract, ColumnDef, ColumnType, Contract, ContractDef, RowOf, RowResult, RuleDef } from "./define-contract";
