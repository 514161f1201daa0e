import Link from "next/link";
import { getMessages } from "@/lib/i18n/locale";

export default async function Forbidden() {
  const { t } = await getMessages();
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">{t.forbidden.title}</h1>
      <p className="mt-3 text-slate-600">{t.forbidden.body}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-indigo-700 underline">
        {t.forbidden.home}
      </Link>
    </main>
  );
}
