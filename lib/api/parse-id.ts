// A numeric id from a URL (path segment or query): digits only, else null — never passed to SQL unchecked.
export const NUMERIC_ID = /^\d{1,18}$/;

export function parseId(raw: string | string[] | null | undefined): bigint | null {
  return typeof raw === "string" && NUMERIC_ID.test(raw) ? BigInt(raw) : null;
}
