// Rejected records are spooled to a temporary file while the main COPY streams, then loaded
// into ingest_reject with a second COPY: memory stays flat however many rows are bad. The file
// is only created once there is more than a batch of them; a few rejects go straight from memory.
import { createReadStream, createWriteStream, mkdtempSync, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RejectedRecord } from "./csv-framer";

// An unquoted empty field is NULL in COPY's CSV format.
const quote = (text: string | null | undefined) => (text == null ? "" : `"${text.replace(/\u0000/g, "").replace(/"/g, '""')}"`);
const BATCH_CHARS = 1 << 16;

export class RejectSpool {
  count = 0;
  private pending = "";
  private dir: string | null = null;
  private out: WriteStream | null = null;

  private constructor(private readonly fileId: bigint) {}

  static async open(fileId: bigint): Promise<RejectSpool> {
    return new RejectSpool(fileId);
  }

  // Batched: a file whose every cell is bad makes millions of calls.
  readonly add = (r: RejectedRecord) => {
    this.count++;
    this.pending += `${this.fileId},${r.line},${quote(r.field)},${quote(r.reason)},${quote(r.raw)}\n`;
    if (this.pending.length >= BATCH_CHARS) this.flush();
  };

  private flush() {
    if (!this.pending) return;
    if (!this.out) {
      this.dir = mkdtempSync(path.join(os.tmpdir(), "rejects-"));
      this.out = createWriteStream(path.join(this.dir, "rejects.csv"));
    }
    this.out.write(this.pending);
    this.pending = "";
  }

  async copyInto(client: pg.PoolClient): Promise<void> {
    if (!this.count) return;
    const sql = "COPY ingest_reject (file_id, line_no, field, reason, raw) FROM STDIN WITH (FORMAT csv)";
    if (!this.out) {
      await pipeline(Readable.from([Buffer.from(this.pending)]), client.query(copyFrom(sql)));
      return;
    }
    this.flush();
    const out = this.out;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await pipeline(createReadStream(path.join(this.dir!, "rejects.csv")), client.query(copyFrom(sql)));
  }

  async dispose() {
    this.out?.destroy();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
