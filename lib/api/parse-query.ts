// Validates URL query parameters with a zod schema; on failure, a 400 naming each bad parameter
// (the same shape as parseJsonBody's).
import type { z } from "zod";
import { invalidParameters } from "./parse-json-body";

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export function parseQuery<S extends z.ZodType>(params: URLSearchParams, schema: S): Parsed<z.infer<S>> {
  // An empty parameter (an empty form field) is an absent one.
  const parsed = schema.safeParse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidParameters(parsed.error, "query") };
}
