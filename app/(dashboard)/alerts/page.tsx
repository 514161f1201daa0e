// Every alert the user's role may see (stock alerts for supply chain, anomalies for KPI readers),
// live; alerts:ack holders acknowledge and resolve them here.
import { AlertsFeed } from "@/components/alerts/alerts-feed";
import { DigestOptIn } from "@/components/alerts/digest-opt-in";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDigestOptIn } from "@/lib/alerts/digest-preference";
import { pool } from "@/lib/db";
import { getMessages } from "@/lib/i18n/locale";

export default async function AlertsPage() {
  const user = await requirePermission("kpi:read");
  const { t, locale } = await getMessages();
  return (
    <>
      <PageHeader title={t.alerts.page.title} lead={t.alerts.page.lead} />
      <DigestOptIn initial={await getDigestOptIn(pool(), user)} t={t.alerts.digest} />
      <AlertsFeed labels={t.alerts.feed} locale={locale} canAct={can(user.role, "alerts:ack")} />
    </>
  );
}
