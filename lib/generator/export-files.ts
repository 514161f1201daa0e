// Daily export files in the drop-folder layout (DIR/<source>/<file>). Rows are buffered and
// written with backpressure: callers await drain() regularly, so memory stays flat.
import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import { csvLine } from "./csv";
import type { Defects, RowContext } from "./defects";

const FLUSH_CHARS = 1 << 16;

export class ExportFile {
  private readonly stream: WriteStream;
  private readonly target: WriteStream | Gzip;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private pendingDrain: Promise<unknown> | null = null;
  /** Lines written so far (the header is line 1). */
  lines = 0;

  constructor(
    readonly relPath: string,
    absolutePath: string,
    readonly source: string,
    gzip: boolean,
    private readonly defects: Defects | null,
  ) {
    this.stream = createWriteStream(absolutePath);
    if (gzip) {
      const gz = createGzip();
      gz.pipe(this.stream);
      this.target = gz;
    } else this.target = this.stream;
  }

  writeRow(cells: readonly (string | number | boolean | null)[], context?: RowContext): void {
    this.writeLine(csvLine(cells));
    if (!this.defects) return;
    for (const extra of this.defects.extraLines(this.source, cells, context)) {
      this.writeLine(extra.text);
      this.defects.record(extra.kind, this.relPath, this.lines);
    }
  }

  /** One complete line, ending with "\n". */
  writeLine(text: string): void {
    this.buffer.push(text);
    this.bufferedChars += text.length;
    this.lines++;
    if (this.bufferedChars >= FLUSH_CHARS) this.flush();
  }

  async drain(): Promise<void> {
    this.flush();
    if (this.pendingDrain) await this.pendingDrain;
    this.pendingDrain = null;
  }

  async close(): Promise<void> {
    this.flush();
    this.target.end();
    await finished(this.stream);
  }

  private flush(): void {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.target.write(chunk) && !this.pendingDrain) this.pendingDrain = once(this.target, "drain");
  }
}

export class ExportFiles {
  private readonly createdDirs = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly defects: Defects | null,
  ) {}

  /** Opens DIR/<source>/<name>, writing the CSV header when given. */
  open(source: string, name: string, header?: readonly string[], gzip = false): ExportFile {
    const dir = path.join(this.outDir, source);
    if (!this.createdDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.createdDirs.add(dir);
    }
    const relPath = `${source}/${name}`;
    const file = new ExportFile(relPath, path.join(dir, name), source, gzip, this.defects);
    if (header) file.writeLine(csvLine(header));
    return file;
  }
}
