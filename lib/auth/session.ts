// Guards for pages and server actions. Every protected page and action calls one of these.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { loadActiveUser, type CurrentUser } from "./current-user";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

/** The signed-in, active user, or null. Cached for the duration of one request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  return loadActiveUser(db, (session?.user as { id?: string } | undefined)?.id);
});

/** For pages: redirects anonymous users to login and renders the 403 page for the others. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For pages any signed-in user may open. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
