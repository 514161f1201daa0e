// --dirty: one day of the catalogue "re-exported by hand from Excel": Windows-1252 bytes,
// semicolons, decimal commas, French booleans and dd/mm/yyyy dates. Ingestion must reject it
// (not valid UTF-8) rather than load garbled names like "ThÃ©iÃ¨re".
import { writeFileSync } from "node:fs";
import path from "node:path";
import { CONTRACTS } from "../pipeline/contracts";
import { CATEGORIES, type Product } from "./catalog";
import { cents } from "./csv";
import { formatParis } from "./paris-time";

export function writeExcelProducts(outDir: string, date: string, products: readonly Product[]): string {
  const relPath = `products/products_${date}_excel.csv`;
  const rows = [CONTRACTS.products.columnNames.join(";")];
  for (const p of products) {
    const iso = formatParis(p.updatedMs);
    const excelDate = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
    const decimal = (c: number) => cents(c).replace(".", ",");
    rows.push([p.sku, p.name, CATEGORIES[p.category].name, p.brand, decimal(p.unitCost), decimal(p.listPrice), p.active ? "VRAI" : "FAUX", excelDate].join(";"));
  }
  // Latin-1 covers every character of our names; it is byte-identical to Windows-1252 there.
  writeFileSync(path.join(outDir, relPath), Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));
  return relPath;
}
