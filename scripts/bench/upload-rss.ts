// upload_peak_rss_mb: a 100 MB order_lines file POSTed to the real app (`next start`) must
// complete with the server's peak RSS under 300 MB, i.e. the upload path streams to disk and
// into COPY instead of buffering the file. Peak = max VmHWM over the server's process tree.
import { createReadStream } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createApiToken } from "../../lib/auth/api-tokens";
import { ensureDemoAccounts } from "../../lib/auth/demo-accounts";
import { createDbClients } from "../../lib/db/clients";
import { appEnv, startApp } from "./next-app";
import { freePort, mb, orderLinesFile, procMemory, processTree, round, type Section } from "./support";

const FILE_BYTES = 100 * 1024 * 1024;
const SAMPLE_MS = 50;

export const uploadRss: Section = {
  name: "100 MB upload: peak server RSS",
  async run(ctx) {
    const file = await orderLinesFile("100mb", { bytes: FILE_BYTES }, ctx.log);
    const url = await ctx.database("bench_upload");
    const token = await uploadToken(url);
    const port = await freePort();
    const server = await startApp(appEnv(url, port), port, ctx.tmp, ctx.log);
    const app = server.app;
    try {
      let tree = await processTree(app.pid!);
      const idle = await treeMemory(tree);
      ctx.log(`server up on port ${port} (pids ${tree.join(", ")}), idle RSS ${idle.rss.toFixed(0)} MB`);

      // Sample every 50 ms while the upload runs; re-read the tree now and then in case the
      // server forks a worker mid-request.
      // Split at the moment the last body byte is sent: before, the server is receiving the
      // file to disk; after, it is loading it (ingestFile), so a miss points at the culprit.
      const peak = { receive: idle.rss, ingest: 0 };
      let phase: keyof typeof peak = "receive";
      let ticks = 0;
      const sampler = setInterval(async () => {
        if (++ticks % 20 === 0) tree = await processTree(app.pid!);
        peak[phase] = Math.max(peak[phase], (await treeMemory(tree)).rss);
      }, SAMPLE_MS);
      const t0 = performance.now();
      let response: { status: number; body: string };
      try {
        response = await postMultipart(port, token, file.path, () => (phase = "ingest"));
      } finally {
        clearInterval(sampler);
      }
      const sampledPeak = Math.max(peak.receive, peak.ingest);
      const seconds = (performance.now() - t0) / 1000;
      const final = await treeMemory(await processTree(app.pid!));
      const result = JSON.parse(response.body) as { status?: string; rowsLoaded?: number; message?: string };
      ctx.log(`upload answered ${response.status} in ${seconds.toFixed(1)} s: ${result.status}, ${result.rowsLoaded} rows`);
      if (response.status !== 201 || result.rowsLoaded !== file.lines) {
        throw new Error(`upload: HTTP ${response.status}, rowsLoaded ${result.rowsLoaded} of ${file.lines} (${result.message ?? response.body.slice(0, 300)})`);
      }
      return [
        { key: "upload_peak_rss_mb", value: round(Math.max(final.hwm, sampledPeak), 1), unit: "MB", target: { op: "<", value: 300 } },
        { key: "upload_sampled_peak_rss_mb", value: round(sampledPeak, 1), unit: "MB" },
        { key: "upload_receive_peak_rss_mb", value: round(peak.receive, 1), unit: "MB" },
        { key: "upload_ingest_peak_rss_mb", value: round(peak.ingest, 1), unit: "MB" },
        { key: "upload_idle_rss_mb", value: round(idle.rss, 1), unit: "MB" },
        { key: "upload_file_mb", value: round(mb(file.bytes), 1), unit: "MB" },
        { key: "upload_rows_loaded", value: result.rowsLoaded, unit: "rows" },
        { key: "upload_http_status", value: response.status },
        { key: "upload_mb_per_s", value: round(mb(file.bytes) / seconds, 1), unit: "MB/s" },
      ];
    } catch (error) {
      ctx.log(`server log (${server.logFile}) tail:\n${await server.tail()}`);
      throw error;
    } finally {
      await server.stop();
    }
  },
};

// An uploads:write token of the demo admin, created straight in the database.
async function uploadToken(url: string): Promise<string> {
  const db = createDbClients(url, 2);
  try {
    await ensureDemoAccounts(db.prisma);
    const owner = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.local" }, select: { id: true, email: true, name: true, role: true, locale: true } });
    return (await createApiToken(db.prisma, owner, { name: "bench", scopes: ["uploads:write"], expiresAt: null })).token;
  } finally {
    await db.close();
  }
}

// Streams preamble + file + epilogue with a computed Content-Length: the client never holds
// the file either, so the numbers are the server's alone.
async function postMultipart(port: number, token: string, file: string, onSent: () => void): Promise<{ status: number; body: string }> {
  const boundary = `----bench${Date.now()}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\norder_lines\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
  const req = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/api/v1/uploads",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": preamble.length + size + epilogue.length,
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", async (res) => {
      let body = "";
      for await (const chunk of res) body += chunk;
      resolve({ status: res.statusCode ?? 0, body });
    });
    req.on("error", reject);
  });
  async function* body() {
    yield preamble;
    yield* createReadStream(file, { highWaterMark: 1 << 20 });
    yield epilogue;
  }
  await pipeline(Readable.from(body()), req);
  onSent();
  return answered;
}

async function treeMemory(pids: number[]) {
  let rss = 0;
  let hwm = 0;
  for (const pid of pids) {
    const m = await procMemory(pid);
    if (m) (rss = Math.max(rss, m.rss)), (hwm = Math.max(hwm, m.hwm));
  }
  return { rss, hwm };
}
