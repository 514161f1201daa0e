// A persona's home until its dashboards land: title, purpose, and how to get data in.
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { NoDataYet } from "./no-data-yet";
import { PageHeader } from "./page-header";

export function personaPage(permission: Permission, page: keyof Messages["pages"]) {
  return async function PersonaPage() {
    await requirePermission(permission);
    const { t } = await getMessages();
    return (
      <>
        <PageHeader title={t.pages[page].title} lead={t.pages[page].lead} />
        <NoDataYet labels={t.empty} />
      </>
    );
  };
}
