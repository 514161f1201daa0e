// Sign-in page. In demo mode it lists the demo accounts; otherwise it shows none.
import { redirect } from "next/navigation";
import { DEMO_PASSWORD, demoAccounts } from "@/lib/auth/demo-accounts";
import { getCurrentUser } from "@/lib/auth/session";
import { isDemoMode } from "@/lib/env";
import { getMessages } from "@/lib/i18n/locale";
import { ROLE_HOME } from "@/lib/navigation";
import { LoginForm } from "@/components/auth/login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { t } = await getMessages();
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <h1 className="text-center text-xl font-semibold text-slate-700">{t.appName}</h1>
      <section className="mt-6 rounded-lg border bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t.login.title}</h2>
        <LoginForm labels={t.login} callbackUrl={safeCallback(callbackUrl)} />
      </section>
      {isDemoMode() && (
        <section className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" aria-labelledby="demo-title">
          <h2 id="demo-title" className="font-semibold">{t.login.demoTitle}</h2>
          <ul className="mt-2 space-y-1 font-mono">
            {demoAccounts().map((a) => (
              <li key={a.email}>
                {a.email} <span className="font-sans text-slate-500">— {t.roles[a.role]}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2">
            {t.login.demoPassword}
            <code className="font-mono">{DEMO_PASSWORD}</code>
          </p>
        </section>
      )}
    </main>
  );
}

// Only same-site paths: an open redirect after login would help phishing.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
