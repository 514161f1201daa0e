// A signed-in HTTP client for the bench: signs in through next-auth's credentials flow (CSRF
// token, then the callback, keeping the cookies it sets) like the login form does, and times
// GETs up to the last byte of the (possibly streamed) body.

export type Session = { cookie: string; get: (path: string) => Promise<Timed> };
export type Timed = { ms: number; status: number; bytes: number };

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl, json: "true" }),
  });
  keep(callback);
  await callback.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in as ${email} set no session cookie (HTTP ${callback.status})`);
  }
  const header = cookie();
  return {
    cookie: header,
    get: async (path) => {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: header }, redirect: "manual" });
      const body = await res.arrayBuffer();
      return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
    },
  };
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * `users` virtual users, each sending the next request of `paths` (one shared round robin, so
 * the mix is the same whatever the user count) as soon as its previous answer is read, for `seconds`.
 * Latencies are per request; any non-200 answer is counted as an error.
 */
export async function loadLoop(session: Session, paths: string[], users: number, seconds: number) {
  const latencies: number[] = [];
  const errors: string[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < until) {
        const path = paths[next++ % paths.length];
        const r = await session.get(path);
        if (r.status === 200) latencies.push(r.ms);
        else errors.push(`${r.status} ${path}`);
      }
    }),
  );
  return { latencies, errors, rps: latencies.length / seconds };
}
