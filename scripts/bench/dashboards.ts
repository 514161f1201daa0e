// The persona dashboards on the bench-scale generated dataset (s: two years, ~100k orders),
// loaded by a real pipeline run and served by `next start` (BENCH_PORT, or a free port):
// - page_first_load_ms_max: per persona page, the median of 3 server-rendered loads (whole
//   streamed HTML, signed in as the role whose home it is, else admin) after one warm-up;
//   the max over pages. Target < 1000 ms.
// - kpi_api_p95_ms: 20 virtual users on GET /api/v1/kpis/{id} with a realistic mix for 20 s.
//   Target < 100 ms.
// - gold_vs_silver_speedup: silver time / gold time for the same figures (see gold-vs-silver.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureDemoAccounts, DEMO_PASSWORD } from "../../lib/auth/demo-accounts";
import { createDbClients } from "../../lib/db/clients";
import { createPool } from "../../lib/db/pool";
import { ROLE_HOME } from "../../lib/navigation";
import { BENCH_PII_KEY, loadDataset } from "./generated-dataset";
import { goldVsSilver, shift } from "./gold-vs-silver";
import { loadLoop, median, percentile, signIn, type Session } from "./http-session";
import { appEnv, buildApp, startApp } from "./next-app";
import { freePort, root, round, type Figure, type Section } from "./support";

// Persona pages; those not (yet) in the app are skipped.
const PAGES = ["/finance", "/marketing", "/supply-chain", "/merchandising", "/analyst", "/forecasts", "/alerts", "/marketing/segments"];
const LOADS_PER_PAGE = 3;
const USERS = 20;
const LOAD_SECONDS = 20;
/** Days of web events loaded (see loadDataset): the conversion KPIs below stay within them. */
const WEB_DAYS = 90;

/** The KPI API mix, relative to the last day with data. */
const kpiMix = (a: string) => {
  const last = (days: number) => `from=${shift(a, 1 - days)}&to=${a}`;
  return [
    `revenue?${last(30)}&grain=day`,
    `revenue?${last(90)}&grain=day`,
    `revenue?${last(365)}&grain=month&by=category`,
    `revenue?${last(30)}&grain=month&by=product&top=10`,
    `conversion_rate?${last(90)}&grain=week`,
    `aov?${last(90)}&grain=week&by=channel`,
    `net_revenue?${last(90)}&grain=day`,
    `stockout_rate?${last(90)}&grain=week&by=category`,
    `margin?${last(365)}&grain=month&by=channel`,
    `units?${last(30)}&grain=day&by=category`,
    `orders?${last(365)}&grain=week`,
    `return_rate?${last(365)}&grain=month&by=category`,
  ].map((q) => `/api/v1/kpis/${q}`);
};

export const dashboards: Section = {
  name: "persona dashboards: page loads, KPI API, gold vs silver",
  async run(ctx) {
    const url = await ctx.database("bench_dashboards");
    const port = Number(process.env.BENCH_PORT) || (await freePort());
    const env = appEnv(url, port, { PII_HASH_KEY: BENCH_PII_KEY, INBOX_DIR: path.join(ctx.tmp, "app-inbox") });
    // The build (when stale) needs no data: it runs while the dataset loads.
    const built = buildApp(env, ctx.log);
    built.catch(() => {});
    const db = createDbClients(url, 2);
    await ensureDemoAccounts(db.prisma).finally(db.close);
    await loadDataset(url, ctx.scale, ctx.tmp, WEB_DAYS, ctx.log);
    await built;

    const pool = createPool({ connectionString: url, max: 2 });
    let anchor: string;
    let speed: Awaited<ReturnType<typeof goldVsSilver>>;
    try {
      anchor = (await pool.query<{ day: string }>("SELECT max(day)::text AS day FROM gold_sales_daily")).rows[0].day;
      speed = await goldVsSilver(pool, anchor, ctx.log);
    } finally {
      await pool.end();
    }

    const server = await startApp(env, port, ctx.tmp, ctx.log);
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      const sessions = new Map<string, Promise<Session>>();
      const as = (role: string) => sessions.get(role) ?? sessions.set(role, signIn(baseUrl, `${role}@demo.local`, DEMO_PASSWORD)).get(role)!;

      const pages = PAGES.filter((p) => existsSync(path.join(root, "app/(dashboard)", p, "page.tsx")));
      if (!pages.length) throw new Error("no persona page found under app/(dashboard)");
      const pageFigures: Figure[] = [];
      for (const page of pages) {
        const role = Object.entries(ROLE_HOME).find(([, home]) => home === page)?.[0] ?? "admin";
        const session = await as(role);
        const warm = await session.get(page);
        if (warm.status !== 200) throw new Error(`GET ${page} as ${role}: HTTP ${warm.status}`);
        const times: number[] = [];
        for (let i = 0; i < LOADS_PER_PAGE; i++) times.push((await session.get(page)).ms);
        ctx.log(`${page} as ${role}: ${Math.round(warm.bytes / 1024)} KB, warm-up ${warm.ms.toFixed(0)} ms, loads ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
        pageFigures.push({ key: `page_load_ms_${page.slice(1).replace(/[/-]/g, "_")}`, value: Math.round(median(times)), unit: "ms" });
      }

      const api = await as("analyst");
      const mix = kpiMix(anchor);
      // Warm-up, then each query alone: what a request costs without queueing behind the others.
      const alone: number[] = [];
      for (const p of mix) {
        const r = await api.get(p);
        if (r.status !== 200) throw new Error(`GET ${p}: HTTP ${r.status}`);
        alone.push((await api.get(p)).ms);
        ctx.log(`${p}: ${alone.at(-1)!.toFixed(0)} ms alone`);
      }
      ctx.log(`KPI API: ${USERS} users for ${LOAD_SECONDS} s over ${mix.length} queries…`);
      const load = await loadLoop(api, mix, USERS, LOAD_SECONDS);
      if (load.errors.length) throw new Error(`KPI API: ${load.errors.length} failed requests, e.g. ${load.errors.slice(0, 3).join("; ")}`);

      return [
        { key: "page_first_load_ms_max", value: Math.max(...pageFigures.map((f) => f.value as number)), unit: "ms", target: { op: "<", value: 1000 } },
        ...pageFigures,
        { key: "kpi_api_p95_ms", value: round(percentile(load.latencies, 95), 1), unit: "ms", target: { op: "<", value: 100 } },
        { key: "kpi_api_alone_max_ms", value: round(Math.max(...alone), 1), unit: "ms" },
        { key: "kpi_api_p50_ms", value: round(percentile(load.latencies, 50), 1), unit: "ms" },
        { key: "kpi_api_requests", value: load.latencies.length, unit: "requests" },
        { key: "kpi_api_rps", value: round(load.rps, 1), unit: "req/s" },
        { key: "gold_vs_silver_speedup", value: round(speed.silverMs / speed.goldMs, 1), target: { op: ">=", value: 1 } },
        { key: "gold_queries_ms", value: round(speed.goldMs, 1), unit: "ms" },
        { key: "silver_queries_ms", value: round(speed.silverMs, 1), unit: "ms" },
      ];
    } catch (error) {
      ctx.log(`server log (${server.logFile}) tail:\n${await server.tail()}`);
      throw error;
    } finally {
      await server.stop();
    }
  },
};
