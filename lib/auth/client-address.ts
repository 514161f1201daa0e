// The client's address for login throttling. Behind a reverse proxy it is the first entry of
// X-Forwarded-For (the proxy must overwrite, not append to, what the client sent).
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? value[0] : (value ?? null);
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || null;
}
