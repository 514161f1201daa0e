"use server";
// Server actions available to every signed-in user.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { setOwnLocale } from "@/lib/users/manage-users";

export async function setLocaleAction(form: FormData) {
  const user = await requireUser();
  const locale = form.get("locale") === "en" ? "en" : "fr";
  await setOwnLocale(db, user, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
