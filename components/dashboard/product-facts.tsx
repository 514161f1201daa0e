// What a product is and what it costs, how its list price moved, and why it comes back.
import type { ProductDetail } from "@/lib/dashboard/get-product-detail";
import { formatDate, formatKpiValue, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";

type Props = { detail: ProductDetail; locale: UiLocale; labels: Messages["dashboard"]["merch"] };

export function ProductFacts({ detail, locale, labels: L }: Props) {
  const { product: p } = detail;
  const eur = (v: string) => formatKpiValue(v, "eur", locale);
  const cell = "py-1 pr-3";
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section className="rounded-lg border bg-white p-4" aria-label={p.name}>
        <h2 className="text-lg font-semibold" data-testid="product-name">
          {p.name} {!p.active && <span className="text-sm text-slate-500">({L.inactive})</span>}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-500">SKU</dt>
          <dd className="font-mono">{p.sku}</dd>
          <dt className="text-slate-500">{L.category}</dt>
          <dd>{p.category}</dd>
          <dt className="text-slate-500">{L.brand}</dt>
          <dd>{p.brand}</dd>
          <dt className="text-slate-500">{L.listPrice}</dt>
          <dd className="tabular-nums">{eur(p.listPrice)}</dd>
          <dt className="text-slate-500">{L.unitCost}</dt>
          <dd className="tabular-nums">{eur(p.unitCost)}</dd>
        </dl>
      </section>
      <section className="rounded-lg border bg-white p-4" aria-label={L.priceHistory}>
        <h2 className="font-semibold">{L.priceHistory}</h2>
        <table className="mt-2 w-full text-sm tabular-nums" data-testid="price-history">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className={`${cell} text-left font-medium`}>{L.since}</th>
              <th scope="col" className={`${cell} text-right font-medium`}>{L.listPrice}</th>
              <th scope="col" className={`${cell} text-right font-medium`}>{L.unitCost}</th>
            </tr>
          </thead>
          <tbody>
            {detail.priceHistory.map((v) => (
              <tr key={v.since} className="border-t border-slate-100">
                <th scope="row" className={`${cell} text-left font-normal`}>{formatDate(v.since, locale)}</th>
                <td className={`${cell} text-right`}>{eur(v.listPrice)}</td>
                <td className={`${cell} text-right`}>{eur(v.unitCost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-lg border bg-white p-4" aria-label={L.returnReasons}>
        <h2 className="font-semibold">{L.returnReasons}</h2>
        {detail.returnReasons.length ? (
          <table className="mt-2 w-full text-sm tabular-nums" data-testid="return-reasons">
            <thead className="text-xs text-slate-500">
              <tr>
                {[L.reason, L.returns, L.units, L.refunds].map((h, i) => (
                  <th key={h} scope="col" className={`${cell} font-medium ${i ? "text-right" : "text-left"}`}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detail.returnReasons.map((r) => (
                <tr key={r.reason} className="border-t border-slate-100">
                  <th scope="row" className={`${cell} text-left font-normal`}>{r.reason}</th>
                  <td className={`${cell} text-right`}>{r.returns}</td>
                  <td className={`${cell} text-right`}>{r.units}</td>
                  <td className={`${cell} text-right`}>{eur(r.refunds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{L.noReturns}</p>
        )}
      </section>
    </div>
  );
}
