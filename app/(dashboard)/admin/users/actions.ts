"use server";
// Admin user-management actions; each re-checks the permission through the data functions.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/session";
import { createUserInput, updateUserInput } from "@/lib/users/schemas";
import { createUser, updateUser, UserError } from "@/lib/users/manage-users";

export type ActionState = { ok: boolean; message: string } | null;

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  const parsed = createUserInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: describe(parsed.error.issues) };
  return run(() => createUser(db, actor, parsed.data));
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  const change = form.get("active") !== null ? { active: form.get("active") === "true" } : { role: form.get("role") };
  const parsed = updateUserInput.safeParse(change);
  if (!parsed.success) return { ok: false, message: describe(parsed.error.issues) };
  return run(() => updateUser(db, actor, String(form.get("id")), parsed.data));
}

async function run(change: () => Promise<unknown>): Promise<ActionState> {
  try {
    await change();
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: "" };
}

const describe = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ");
