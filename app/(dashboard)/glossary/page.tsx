// The metric glossary, for everyone who reads KPIs.
import { MetricGlossary } from "@/components/dashboard/metric-glossary";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";

export default async function GlossaryPage() {
  await requirePermission("kpi:read");
  const { t, locale } = await getMessages();
  return (
    <>
      <PageHeader title={t.glossary.title} lead={t.glossary.lead} />
      <section className="rounded-lg border bg-white p-4">
        <MetricGlossary locale={locale} labels={t.glossary} />
      </section>
    </>
  );
}
