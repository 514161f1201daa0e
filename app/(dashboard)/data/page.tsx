// The data catalogue: home of data scientists, open to analysts. Every published dataset with
// its description, columns, size, freshness and quality, downloadable as CSV or Parquet.
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { pool } from "@/lib/db";
import { getFreshness } from "@/lib/data/get-freshness";
import { getCatalogue } from "@/lib/datasets/get-catalogue";
import { getMessages } from "@/lib/i18n/locale";
import { DatasetCard } from "@/components/datasets/dataset-card";
import { FreshnessBanner } from "@/components/layout/freshness-banner";
import { NoDataYet } from "@/components/layout/no-data-yet";
import { PageHeader } from "@/components/layout/page-header";

export default async function DataCataloguePage() {
  const user = await requirePermission("datasets:read");
  const { t, locale } = await getMessages();
  const labels = t.data.catalogue;
  const [freshness, catalogue] = await Promise.all([getFreshness(pool()), getCatalogue(pool(), user)]);
  return (
    <>
      <PageHeader title={labels.title} lead={labels.lead} />
      <FreshnessBanner freshness={freshness} locale={locale} labels={t.freshness} />
      {!freshness.dataUpTo && <NoDataYet labels={t.empty} />}
      <p className="my-4 flex flex-wrap gap-4 text-sm">
        <Link href="/data/api" className="text-indigo-800 underline">
          {labels.apiLink}
        </Link>
        <Link href="/tokens" className="text-indigo-800 underline">
          {labels.tokensLink}
        </Link>
        <span className="text-slate-600">{labels.sqlHint}</span>
      </p>
      <div className="grid gap-4">
        {catalogue.map((entry) => (
          <DatasetCard key={entry.id} entry={entry} locale={locale} canPii={can(user.role, "pii:read")} labels={labels} />
        ))}
      </div>
    </>
  );
}
