// The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves.
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { requireUser } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { ApiOperationCard, type ApiOperation } from "@/components/datasets/api-operation";
import { PageHeader } from "@/components/layout/page-header";

export default async function ApiReferencePage() {
  await requireUser();
  const { t } = await getMessages();
  const labels = t.data.reference;
  const doc = buildOpenApi();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ ...(op as Omit<ApiOperation, "method" | "path">), method, path })));
  return (
    <>
      <PageHeader title={labels.title} />
      <p className="mb-2 text-slate-700">
        {labels.lead}{" "}
        <a href="/api/v1/openapi.json" className="font-mono text-indigo-800 underline">
          /api/v1/openapi.json
        </a>
      </p>
      <p className="mb-4 text-sm text-slate-600">{labels.auth}</p>
      <div className="grid gap-4">
        {operations.map((op) => (
          <ApiOperationCard key={`${op.method} ${op.path}`} op={op} labels={labels} />
        ))}
      </div>
    </>
  );
}
