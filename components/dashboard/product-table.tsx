// Best-selling products of the period with their pricing: list price against the price
// actually realised after discounts, margin and return rate; each links to its product file.
import Link from "next/link";
import { pool } from "@/lib/db";
import { filtersToSearch } from "@/lib/dashboard/date-range";
import { getProductPerformance } from "@/lib/dashboard/get-product-performance";
import { formatKpiValue } from "@/lib/format";
import type { ReadyContext } from "./dashboard-context";

export async function ProductTable({ ctx, limit, testId }: { ctx: ReadyContext; limit: number; testId: string }) {
  const { filters, locale, t } = ctx;
  const L = t.dashboard.merch;
  const rows = await getProductPerformance(pool(), ctx.user, { ...filters, limit });
  if (!rows.length) return <p className="text-sm text-slate-600">{t.dashboard.noDataInRange}</p>;
  const eur = (v: string | null) => formatKpiValue(v, "eur", locale);
  const pct = (v: string | null) => formatKpiValue(v, "ratio", locale);
  const query = filtersToSearch(filters);
  return (
    <div className="max-h-[32rem] overflow-auto">
      <table className="w-full text-sm tabular-nums" data-testid={testId}>
        <thead className="sticky top-0 bg-white text-xs text-slate-500">
          <tr>
            {["#", L.product, L.category, L.units, L.revenue, L.margin, L.listPrice, L.realisedPrice, L.priceGap, L.returnRate].map((h, i) => (
              <th key={h} scope="col" className={`py-1 pr-3 font-medium ${i > 2 ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.sku} className="border-t border-slate-100">
              <td className="py-1 pr-3 text-slate-500">{i + 1}</td>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <Link href={`/merchandising/products/${encodeURIComponent(r.sku)}?${query}`} className="text-indigo-800 underline-offset-2 hover:underline">
                  {r.name}
                </Link>{" "}
                <span className="font-mono text-xs text-slate-500">{r.sku}</span>
              </th>
              <td className="py-1 pr-3">{r.category}</td>
              <td className="py-1 pr-3 text-right">{formatKpiValue(String(r.units), "count", locale)}</td>
              <td className="py-1 pr-3 text-right">{eur(r.revenue)}</td>
              <td className="py-1 pr-3 text-right">{eur(r.margin)}</td>
              <td className="py-1 pr-3 text-right">{eur(r.listPrice)}</td>
              <td className="py-1 pr-3 text-right">{eur(r.realisedPrice)}</td>
              <td className="py-1 pr-3 text-right">{pct(r.priceGap)}</td>
              <td className="py-1 pr-3 text-right">{pct(r.returnRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
