// A run id from a URL (path segment or ?run=): digits only, else null.
export function parseRunId(raw: string | string[] | null | undefined): bigint | null {
  return typeof raw === "string" && /^\d{1,18}$/.test(raw) ? BigInt(raw) : null;
}
