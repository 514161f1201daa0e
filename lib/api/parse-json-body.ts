// Reads and validates a JSON body; on failure, a 400 that names each bad parameter.
import type { z } from "zod";
import { apiError } from "./errors";

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The request body must be valid JSON.") };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidParameters(parsed.error, "(body)") };
}

/** 400 invalid_parameters with one { parameter, message } per issue. */
export function invalidParameters(error: z.ZodError, whole: string): Response {
  const details = error.issues.map((i) => ({ parameter: i.path.map(String).join(".") || whole, message: i.message }));
  return apiError(400, "invalid_parameters", details.map((d) => `${d.parameter}: ${d.message}`).join("; "), details);
}
