// Forecasts: one series' history and forecast with its bands (chart and table) and its measured
// accuracy, every series' totals at 7/30/90 days, stock cover per product, promotion impact.
import { ForecastChart, type ForecastChartPoint } from "@/components/charts/forecast-chart";
import { AccuracyNote } from "@/components/forecasts/accuracy-note";
import { DaysOfCoverTable } from "@/components/forecasts/days-of-cover-table";
import { ForecastDayTable } from "@/components/forecasts/forecast-day-table";
import { ForecastSummaryTable } from "@/components/forecasts/forecast-summary-table";
import { PromoUpliftTable } from "@/components/forecasts/promo-uplift-table";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pool } from "@/lib/db";
import { forecastQuerySchema } from "@/lib/data/forecasts/forecast-params";
import { getDaysOfCover, REORDER_SOON_DAYS } from "@/lib/data/forecasts/get-days-of-cover";
import { getForecast } from "@/lib/data/forecasts/get-forecast";
import { getForecastSummary } from "@/lib/data/forecasts/get-forecast-summary";
import { getPromoUplift } from "@/lib/data/forecasts/get-promo-uplift";
import { getMessages } from "@/lib/i18n/locale";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForecastsPage({ searchParams }: Props) {
  const user = await requirePermission("forecasts:view");
  const { t: all, locale } = await getMessages();
  const t = all.forecasts;
  const parsed = forecastQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : forecastQuerySchema.parse({});
  const [summary, series, cover, promos] = await Promise.all([
    getForecastSummary(pool(), user),
    getForecast(pool(), user, query),
    getDaysOfCover(pool(), user, { limit: 25 }),
    getPromoUplift(pool(), user, { limit: 20 }),
  ]);
  if (!summary.length) {
    return (
      <>
        <PageHeader title={t.title} lead={t.lead} />
        <p data-testid="forecasts-empty">{t.noData}</p>
      </>
    );
  }
  const scopes = [...new Set(summary.map((r) => r.scope))];
  const points: ForecastChartPoint[] = [
    ...series.history.map((h) => ({ day: h.day, actual: Number(h.value) })),
    ...series.forecast.map((f) => ({ day: f.day, point: Number(f.point), band80: [Number(f.lower80), Number(f.upper80)] as [number, number], band95: [Number(f.lower95), Number(f.upper95)] as [number, number] })),
  ];
  const scopeLabel = query.scope === "total" ? t.total : query.scope;
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <Select name="metric" label={t.measure} value={query.metric} options={[["revenue", t.metric.revenue], ["units", t.metric.units]]} />
        <Select name="scope" label={t.scope} value={query.scope} options={scopes.map((s) => [s, s === "total" ? t.total : s])} />
        <Select name="horizon" label={t.horizon} value={String(query.horizon)} options={[7, 30, 90].map((h) => [String(h), `${h} ${t.days}`])} />
        <button className="rounded border bg-slate-900 px-3 py-1 text-white" type="submit">{t.show}</button>
      </form>
      <section className="mb-8 rounded-lg border bg-white p-4">
        <h2 className="font-semibold">
          {t.chartTitle} — {t.metric[query.metric]} · {scopeLabel} · {query.horizon} {t.days}
        </h2>
        <p className="mb-2">
          <AccuracyNote accuracy={series.accuracy} t={t} locale={locale} testId="series-accuracy" />
        </p>
        <ForecastChart points={points} labels={t} locale={locale} title={`${t.chartTitle} ${t.metric[query.metric]} ${scopeLabel}`} />
        <ForecastDayTable rows={series.forecast} unit={query.metric === "revenue" ? "eur" : "count"} t={t} locale={locale} />
      </section>
      <Section title={t.summaryTitle}>
        <ForecastSummaryTable rows={summary} t={t} locale={locale} />
      </Section>
      <Section title={t.coverTitle} lead={t.coverLead.replace("{days}", String(REORDER_SOON_DAYS))}>
        <DaysOfCoverTable rows={cover} t={t} locale={locale} />
      </Section>
      <Section title={t.promoTitle} lead={t.promoLead}>
        <PromoUpliftTable rows={promos} t={t} locale={locale} />
      </Section>
    </>
  );
}

function Section({ title, lead, children }: { title: string; lead?: string; children: React.ReactNode }) {
  return (
    <section className="mb-8 rounded-lg border bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      {lead && <p className="mb-2 text-sm text-slate-600">{lead}</p>}
      {children}
    </section>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <label className="flex flex-col">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={value} className="rounded border px-2 py-1">
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
