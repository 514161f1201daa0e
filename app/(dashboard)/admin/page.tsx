// Admin home: the state of the platform at a glance (uploads and runs join when they exist).
import Link from "next/link";
import { db, pool } from "@/lib/db";
import { getFreshness } from "@/lib/data/get-freshness";
import { getKpiOverview } from "@/lib/kpi/get-kpi-overview";
import { KpiTiles } from "@/components/kpi/kpi-tiles";
import { FreshnessBanner } from "@/components/layout/freshness-banner";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { countActiveUsersByRole } from "@/lib/users/count-active-users-by-role";
import { NoDataYet } from "@/components/layout/no-data-yet";
import { PageHeader } from "@/components/layout/page-header";

export default async function AdminPage() {
  const user = await requirePermission("admin:view");
  const { t, locale } = await getMessages();
  const [counts, freshness] = await Promise.all([countActiveUsersByRole(db, user), getFreshness(pool())]);
  const tiles = freshness.dataUpTo ? await getKpiOverview(pool(), user, ["revenue", "orders", "conversion_rate"], freshness.dataUpTo) : [];
  return (
    <>
      <PageHeader title={t.pages.admin.title} lead={t.pages.admin.lead} />
      <FreshnessBanner freshness={freshness} locale={locale} labels={t.freshness} />
      <section className="mb-6 rounded-lg border bg-white p-5" aria-labelledby="users-by-role">
        <div className="flex items-center justify-between">
          <h2 id="users-by-role" className="font-semibold">{t.admin.usersByRole}</h2>
          <Link href="/admin/users" className="text-sm font-medium text-indigo-700 underline">
            {t.admin.manageUsers}
          </Link>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {counts.map(({ role, count }) => (
            <div key={role} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-600">{t.roles[role]}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={`role-count-${role}`}>{count}</dd>
            </div>
          ))}
        </dl>
      </section>
      {tiles.length ? <KpiTiles tiles={tiles} locale={locale} labels={t.kpiTiles} /> : <NoDataYet labels={t.empty} />}
    </>
  );
}
