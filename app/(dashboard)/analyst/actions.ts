"use server";
// Saving explorer views to (and removing them from) the analyst's own dashboard.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/session";
import { removeSavedChart, saveChart, savedChartInput } from "@/lib/dashboard/saved-charts";

export type SaveState = { ok: boolean; message: string } | null;

export async function saveChartAction(_prev: SaveState, form: FormData): Promise<SaveState> {
  const user = await requirePermission("analyst:view");
  const parsed = savedChartInput.safeParse({ title: form.get("title"), query: JSON.parse(String(form.get("query") ?? "{}")) });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  try {
    await saveChart(db, user, parsed.data);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  revalidatePath("/analyst");
  return { ok: true, message: "" };
}

export async function removeChartAction(form: FormData) {
  const user = await requirePermission("analyst:view");
  const id = String(form.get("id") ?? "");
  if (/^\d+$/.test(id)) await removeSavedChart(db, user, BigInt(id));
  revalidatePath("/analyst");
}
