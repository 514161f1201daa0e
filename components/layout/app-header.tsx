"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { setLocaleAction } from "@/app/(dashboard)/actions";
import type { Locale } from "@/lib/i18n/messages";

type Props = {
  appName: string;
  links: { href: string; label: string }[];
  user: { name: string; role: string };
  locale: Locale;
  labels: { signOut: string; language: string; mainNavigation: string };
};

export function AppHeader({ appName, links, user, locale, labels }: Props) {
  const pathname = usePathname();
  // The most specific matching link is the current one (/admin/users beats /admin).
  const current = links.filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <header className="border-b bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="font-semibold text-indigo-800">
          {appName}
        </Link>
        <nav aria-label={labels.mainNavigation} className="flex flex-1 flex-wrap gap-1">
          {links.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              aria-current={l === current ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm ${l === current ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <form action={setLocaleAction} className="flex items-center gap-1 text-sm">
          <span className="sr-only">{labels.language}</span>
          {(["fr", "en"] as const).map((l) => (
            <button
              key={l}
              name="locale"
              value={l}
              aria-pressed={l === locale}
              className={`rounded px-2 py-1 uppercase ${l === locale ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {l}
            </button>
          ))}
        </form>
        <span className="text-sm text-slate-600" data-testid="current-user">
          {user.name} · {user.role}
        </span>
        <button onClick={() => signOut({ callbackUrl: "/login" })} className="rounded-md border px-3 py-1.5 text-sm hover:bg-slate-100">
          {labels.signOut}
        </button>
      </div>
    </header>
  );
}
