// The frame of every persona page: title, freshness, global filters, then its cards — or how
// to get data in, before the first pipeline run.
import type { Messages } from "@/lib/i18n/messages";
import { FreshnessBanner } from "@/components/layout/freshness-banner";
import { NoDataYet } from "@/components/layout/no-data-yet";
import { PageHeader } from "@/components/layout/page-header";
import type { DashboardContext, ReadyContext } from "./dashboard-context";
import { FilterBar } from "./filter-bar";

type Props = {
  ctx: DashboardContext;
  page: keyof Messages["pages"];
  show?: { grain?: boolean; category?: boolean; channel?: boolean };
  extraFields?: React.ReactNode;
  children: (ctx: ReadyContext) => React.ReactNode;
};

export function DashboardShell({ ctx, page, show, extraFields, children }: Props) {
  const { t, locale, freshness, filters, options } = ctx;
  return (
    <>
      <PageHeader title={t.pages[page].title} lead={t.pages[page].lead} />
      <FreshnessBanner freshness={freshness} locale={locale} labels={t.freshness} />
      {filters ? (
        <>
          <FilterBar filters={filters} options={options} labels={t.dashboard.filters} show={show} extraFields={extraFields} />
          {children(ctx as ReadyContext)}
        </>
      ) : (
        <NoDataYet labels={t.empty} />
      )}
    </>
  );
}
