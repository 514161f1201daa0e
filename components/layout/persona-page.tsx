// A persona's home: title, data freshness, the KPI tiles that matter to that team (or how to
// get data in, before the first pipeline run). Full dashboards grow from here.
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { pool } from "@/lib/db";
import { getFreshness } from "@/lib/data/get-freshness";
import { getMessages } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { getKpiOverview } from "@/lib/kpi/get-kpi-overview";
import { KpiTiles } from "@/components/kpi/kpi-tiles";
import { FreshnessBanner } from "./freshness-banner";
import { NoDataYet } from "./no-data-yet";
import { PageHeader } from "./page-header";

export function personaPage(permission: Permission, page: keyof Messages["pages"], kpis: string[]) {
  return async function PersonaPage() {
    const user = await requirePermission(permission);
    const { t, locale } = await getMessages();
    const freshness = await getFreshness(pool());
    const tiles = freshness.dataUpTo ? await getKpiOverview(pool(), user, kpis, freshness.dataUpTo) : [];
    return (
      <>
        <PageHeader title={t.pages[page].title} lead={t.pages[page].lead} />
        <FreshnessBanner freshness={freshness} locale={locale} labels={t.freshness} />
        {tiles.length ? <KpiTiles tiles={tiles} locale={locale} labels={t.kpiTiles} /> : <NoDataYet labels={t.empty} />}
      </>
    );
  };
}
