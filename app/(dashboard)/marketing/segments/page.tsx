// Marketing → customer segments (RFM, movement, export) and acquisition cohorts.
import { CohortsSection } from "@/components/segments/cohorts-section";
import { SegmentsSection } from "@/components/segments/segments-section";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";

export default async function SegmentsPage() {
  const user = await requirePermission("segments:view");
  const { t, locale } = await getMessages();
  return (
    <>
      <PageHeader title={t.segments.title} lead={t.segments.lead} />
      <div className="space-y-8">
        <SegmentsSection user={user} locale={locale} labels={t.segments} />
        <CohortsSection user={user} locale={locale} labels={t.segments} />
      </div>
    </>
  );
}
