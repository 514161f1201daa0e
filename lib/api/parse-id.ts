// A numeric id from a URL (path segment or query): digits only, else null — never passed to SQL unchecked.
export function parseId(raw: string | string[] | null | undefined): bigint | null {
  return typeof raw === "string" && /^\d{1,18}$/.test(raw) ? BigInt(raw) : null;
}
