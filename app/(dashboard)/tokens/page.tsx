// Your API tokens: create (scopes within your role, shown once), see when each was last used,
// revoke; and the latest calls made with them (who, what, when, outcome).
import { db } from "@/lib/db";
import { TOKEN_SCOPES } from "@/lib/auth/api-tokens";
import { listOwnTokens } from "@/lib/auth/manage-tokens";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listOwnTokenRequests } from "@/lib/auth/token-requests";
import { formatDateTime } from "@/lib/format";
import { getMessages } from "@/lib/i18n/locale";
import { PageHeader } from "@/components/layout/page-header";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { EmptyRow } from "@/components/ui/empty-row";
import { TableHead } from "@/components/ui/table-head";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await requireUser();
  const { t, locale } = await getMessages();
  const labels = t.data.tokens;
  const [tokens, requests] = await Promise.all([listOwnTokens(db, user), listOwnTokenRequests(db, user.id)]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : labels.never);
  const now = new Date();
  return (
    <>
      <PageHeader title={labels.title} lead={labels.lead} />
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm" aria-label={labels.title}>
          <TableHead columns={[labels.name, labels.scopes, labels.created_at, labels.expires, labels.lastUsed, labels.status, ""]} />
          <tbody>
            {tokens.map((k) => {
              const state = k.revokedAt ? labels.revoked : k.expiresAt && k.expiresAt <= now ? labels.expired : labels.active;
              return (
                <tr key={k.id} className="border-t" data-testid={`token-${k.name}`}>
                  <td className="px-3 py-2">{k.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{k.scopes.join(" ")}</td>
                  <td className="px-3 py-2">{when(k.createdAt)}</td>
                  <td className="px-3 py-2">{when(k.expiresAt)}</td>
                  <td className="px-3 py-2">{when(k.lastUsedAt)}</td>
                  <td className="px-3 py-2">{state}</td>
                  <td className="px-3 py-2">{state === labels.active && <RevokeTokenButton id={k.id} label={labels.revoke} />}</td>
                </tr>
              );
            })}
            {!tokens.length && <EmptyRow columns={7}>{labels.none}</EmptyRow>}
          </tbody>
        </table>
      </div>
      <CreateTokenForm scopes={TOKEN_SCOPES.filter((s) => can(user.role, s))} labels={labels} />
      <h2 className="mb-2 mt-8 font-semibold">{labels.requests}</h2>
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm" aria-label={labels.requests}>
          <TableHead columns={[labels.at, labels.token, labels.request, labels.result, labels.duration]} />
          <tbody>
            {requests.map((r) => (
              <tr key={String(r.id)} className="border-t">
                <td className="px-3 py-1">{formatDateTime(r.at, locale)}</td>
                <td className="px-3 py-1">{r.token.name}</td>
                <td className="px-3 py-1 font-mono text-xs">
                  {r.method} {r.path}
                  {r.query ? `?${r.query}` : ""}
                </td>
                <td className="px-3 py-1">{r.status}</td>
                <td className="px-3 py-1">{r.durationMs}</td>
              </tr>
            ))}
            {!requests.length && <EmptyRow columns={5}>{labels.noRequests}</EmptyRow>}
          </tbody>
        </table>
      </div>
    </>
  );
}
