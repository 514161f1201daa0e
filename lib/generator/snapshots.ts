// Full snapshots of the dimensions at the end of the period (<source>_full_<to>.csv): a
// reference for the latest version of every customer, product and promotion.
import { CONTRACTS } from "../pipeline/contracts";
import type { ExportFiles } from "./export-files";
import { customerCells, productCells, promotionCells } from "./rows";
import type { Simulation } from "./simulation";

export async function writeSnapshots(files: ExportFiles, sim: Simulation, dayStartMs: (dayIndex: number) => number, onProgress?: (customersWritten: number) => void): Promise<void> {
  const to = sim.dates[sim.dates.length - 1];
  const customers = await files.open("customers", `customers_full_${to}.csv`, CONTRACTS.customers.columnNames);
  for (let i = 0; i < sim.customers.count; i++) {
    customers.writeRow(customerCells(sim.customers.row(i)));
    if (i % 5000 === 4999) {
      await customers.drain();
      onProgress?.(i + 1);
    }
  }
  const products = await files.open("products", `products_full_${to}.csv`, CONTRACTS.products.columnNames);
  for (const p of sim.products) products.writeRow(productCells(p));
  const promotions = await files.open("promotions", `promotions_full_${to}.csv`, CONTRACTS.promotions.columnNames);
  for (const p of sim.promotions) promotions.writeRow(promotionCells(p, dayStartMs(p.startDay), dayStartMs(p.endDay)));
  await Promise.all([customers.close(), products.close(), promotions.close()]);
}
