// Rejected records are spooled to a temporary file while the main COPY streams, then loaded
// into ingest_reject with a second COPY: memory stays flat however many rows are bad.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RejectedRecord } from "./csv-framer";

const quote = (text: string) => `"${text.replace(/\u0000/g, "").replace(/"/g, '""')}"`;

export class RejectSpool {
  count = 0;
  private constructor(
    private readonly dir: string,
    private readonly out: WriteStream,
    private readonly fileId: bigint,
  ) {}

  static async open(fileId: bigint): Promise<RejectSpool> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rejects-"));
    return new RejectSpool(dir, createWriteStream(path.join(dir, "rejects.csv")), fileId);
  }

  readonly add = (r: RejectedRecord) => {
    this.count++;
    this.out.write(`${this.fileId},${r.line},${quote(r.reason)},${quote(r.raw)}\n`);
  };

  async copyInto(client: pg.PoolClient): Promise<void> {
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (!this.count) return;
    const sql = "COPY ingest_reject (file_id, line_no, reason, raw) FROM STDIN WITH (FORMAT csv)";
    await pipeline(createReadStream(path.join(this.dir, "rejects.csv")), client.query(copyFrom(sql)));
  }

  async dispose() {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
