import Link from "next/link";
import { getMessages } from "@/lib/i18n/locale";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">{t.notFound.title}</h1>
      <Link href="/" className="mt-6 inline-block font-medium text-indigo-700 underline">
        {t.notFound.home}
      </Link>
    </main>
  );
}
