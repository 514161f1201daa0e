// What every dashboard page starts from: the signed-in user (checked), strings, data
// freshness, and the global filters read from the URL (none before the first data).
import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { pool } from "@/lib/db";
import { parseFilters, type Grain, type Preset } from "@/lib/dashboard/date-range";
import { getFilterOptions } from "@/lib/dashboard/get-filter-options";
import { getFreshness } from "@/lib/data/get-freshness";
import { getMessages } from "@/lib/i18n/locale";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function dashboardContext(permission: Permission, searchParams: SearchParams, defaults: { range?: Preset; grain?: Grain } = {}) {
  const user = await requirePermission(permission);
  const [{ t, locale }, freshness, search] = await Promise.all([getMessages(), getFreshness(pool()), searchParams]);
  const filters = freshness.dataUpTo ? parseFilters(search, freshness.dataUpTo, defaults) : null;
  const options = filters ? await getFilterOptions(pool()) : { categories: [], channels: [] };
  return { user, t, locale, freshness, filters, options, anchor: freshness.dataUpTo };
}

export type DashboardContext = Awaited<ReturnType<typeof dashboardContext>>;
/** A context once data exists (filters set). */
export type ReadyContext = DashboardContext & { filters: NonNullable<DashboardContext["filters"]>; anchor: string };
