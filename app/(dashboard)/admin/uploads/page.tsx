// Admin: send an export and watch it load (progress, rows loaded and rejected, rejects as CSV),
// map a foreign file's columns to a contract once, and see the files received recently.
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { SOURCES } from "@/lib/pipeline/contracts";
import { listUploads } from "@/lib/uploads/list-uploads";
import { PageHeader } from "@/components/layout/page-header";
import { UploadForm } from "@/components/uploads/upload-form";
import { UploadsTable } from "@/components/uploads/uploads-table";

export default async function UploadsPage() {
  const user = await requirePermission("uploads:write");
  const { t, locale } = await getMessages();
  const uploads = await listUploads(db, user);
  return (
    <>
      <PageHeader title={t.uploads.title} lead={t.uploads.lead} />
      <UploadForm sources={[...SOURCES]} labels={t.uploads} locale={locale} />
      <UploadsTable rows={uploads} labels={t.uploads} locale={locale} />
    </>
  );
}
