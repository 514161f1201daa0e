// Signed-in shell: header, the sections this role may open, language switch, sign-out.
import { requireUser } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { sectionsFor } from "@/lib/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/layout/providers";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { t, locale } = await getMessages();
  const links = sectionsFor(user.role).map((s) => ({ href: s.href, label: t.nav[s.label] }));
  return (
    <Providers>
      <AppHeader
        appName={t.appName}
        links={links}
        user={{ name: user.name, role: t.roles[user.role] }}
        locale={locale}
        labels={{ signOut: t.nav.signOut, language: t.nav.language, mainNavigation: t.nav.mainNavigation }}
      />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </Providers>
  );
}
