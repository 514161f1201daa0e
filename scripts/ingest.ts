// `npm run ingest -- [--inbox DIR] [--file PATH --source NAME]`: lands the drop folder's
// complete files (or one file) in bronze and prints what became of each. Exits 1 when a file
// was refused or failed. Uses DATABASE_URL, or the embedded database of `npm start`.
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "../lib/db/migrate";
import { processInbox } from "../lib/pipeline/ingest/inbox";
import { ingestFile, type IngestResult } from "../lib/pipeline/ingest/ingest-file";
import { isSource } from "../lib/pipeline/ingest/preview-file";
import { withLocalDatabase } from "./lib/local-database";
import { createPool } from "../lib/db/pool";

const { values } = parseArgs({
  options: { inbox: { type: "string" }, file: { type: "string" }, source: { type: "string" }, "stable-seconds": { type: "string" } },
});
const timeZone = process.env.REPORTING_TZ ?? "Europe/Paris";

const line = (name: string, r: IngestResult) =>
  `${r.status.padEnd(9)} ${name}  ${r.source ?? "?"}  read ${r.rowsRead}, loaded ${r.rowsLoaded}, rejected ${r.rowsRejected}${r.message ? `  — ${r.message}` : ""}`;

let exitCode = 1;
await withLocalDatabase(async (url) => {
  await migrate(url, path.resolve(import.meta.dirname, "../prisma/migrations"));
  const pool = createPool({ connectionString: url, max: 4 });
  try {
    let outcomes: IngestResult[];
    if (values.file) {
      const source = values.source && isSource(values.source) ? values.source : null;
      const r = await ingestFile(pool, { path: values.file, fileName: path.basename(values.file), source, channel: "inbox", receivedById: null, timeZone });
      console.log(line(values.file, r));
      outcomes = [r];
    } else {
      const inboxDir = path.resolve(values.inbox ?? process.env.INBOX_DIR ?? ".data/inbox");
      console.log(`inbox: ${inboxDir}`);
      const stableSeconds = Number(values["stable-seconds"] ?? process.env.INBOX_STABLE_SECONDS ?? 60);
      outcomes = await processInbox(pool, { inboxDir, timeZone, stableSeconds }, { onFile: (o) => console.log(line(o.file, o)) });
      console.log(`${outcomes.length} files`);
    }
    exitCode = outcomes.some((o) => o.status === "rejected" || o.status === "failed") ? 1 : 0;
  } finally {
    await pool.end();
  }
});
// Explicit: a connection dropped during the run must not leave the exit status to chance.
process.exit(exitCode);
