// Which language to speak: the signed-in user's saved choice, else the `locale` cookie, else French.
import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "../auth/session";
import { LOCALES, messages, type Locale } from "./messages";

export const LOCALE_COOKIE = "locale";

export async function getLocale(): Promise<Locale> {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return (LOCALES as readonly string[]).includes(cookie ?? "") ? (cookie as Locale) : "fr";
}

export async function getMessages() {
  const locale = await getLocale();
  return { locale, t: messages[locale] };
}
