// Streams a plain (uncompressed UTF-8) file through a framer into COPY with reused buffers:
// two shared read buffers (read-buffers.ts), and the framer's output buffers given back once
// COPY has handed them to the kernel. Fresh buffers per chunk (createReadStream, one output
// buffer per chunk) made 12 GB of short-lived external memory at a first load at scale m, which
// V8 collects with full garbage collections only: 1,700 of them, their marking threads taking a
// third of a core from PostgreSQL. A read buffer is read into again once the framer has finished
// with it (the framers copy whatever they keep); an output buffer is reused once the socket holds
// none of it.
import { open } from "node:fs/promises";
import { Writable, type Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import type { OutputBuffers } from "./frame-bytes";
import { READ_BUFFER_BYTES, withReadBuffers } from "./read-buffers";

/** Length of a UTF-8 byte order mark at the start of `chunk` (0 if none). */
export const bomLength = (chunk: Buffer) => (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0);

type FeedOptions = { onBytes?: (bytes: number) => void };

/**
 * Output buffers handed out by allocate(), each taken back at most once (release of a part of
 * one). Sizes are rounded up to a power of two so that a buffer given back fits the requests of
 * files of other sizes; up to `keep` wait for reuse.
 */
export class RecycledBuffers implements OutputBuffers {
  private readonly free: Buffer[] = [];
  // Weak: a buffer never given back (its socket never drained) is simply collected.
  private readonly lent = new WeakMap<ArrayBufferLike, Buffer>();

  constructor(private readonly keep = 4) {}

  allocate(bytes: number): Buffer {
    const index = this.free.findIndex((b) => b.length >= bytes);
    const buffer = index >= 0 ? this.free.splice(index, 1)[0] : Buffer.allocUnsafeSlow(2 ** Math.ceil(Math.log2(Math.max(bytes, MIN_OUTPUT_BYTES))));
    this.lent.set(buffer.buffer, buffer);
    return buffer;
  }

  release(part: Buffer): void {
    const buffer = this.lent.get(part.buffer);
    if (!buffer) return;
    this.lent.delete(part.buffer);
    if (this.free.length < this.keep) this.free.push(buffer);
  }
}

const MIN_OUTPUT_BYTES = 64 * 1024;

/** The output buffers of every plain file's load (16 at most waiting, each a few MB at most). */
export const OUTPUT_BUFFERS = new RecycledBuffers(16);

/** `framer` (built with `buffers`) fed from the file at `path`, its output COPYed by `copy`. */
export async function feedFile(path: string, framer: Transform, buffers: RecycledBuffers, copy: Writable, o: FeedOptions): Promise<void> {
  const copied = pipeline(framer, new CopyHandoff(copy, buffers));
  const fed = readInto(path, framer, o).catch((error: unknown) => {
    framer.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  const [reading, copying] = await Promise.allSettled([fed, copied]);
  // The COPY's own error says more than the framer's "destroyed" that follows from it.
  if (copying.status === "rejected") throw copying.reason;
  if (reading.status === "rejected") throw reading.reason;
}

async function readInto(path: string, framer: Transform, o: FeedOptions): Promise<void> {
  const file = await open(path, "r");
  try {
    // A small file (most of a drop folder's) is read whole, in one read.
    const size = Math.min(READ_BUFFER_BYTES, (await file.stat()).size + 1);
    await withReadBuffers(2, async (buffers) => {
      let next: Promise<{ bytesRead: number }> | null = file.read(buffers[0], 0, size, null);
      try {
        let total = 0;
        for (let k = 0; next; k ^= 1) {
          const { bytesRead }: { bytesRead: number } = await next;
          // The next read goes on in the background while this chunk is framed; a short read is
          // the end of the file.
          next = bytesRead === size ? file.read(buffers[k ^ 1], 0, size, null) : null;
          if (bytesRead === 0) break;
          const chunk = buffers[k].subarray(total === 0 ? bomLength(buffers[k].subarray(0, bytesRead)) : 0, bytesRead);
          total += bytesRead;
          o.onBytes?.(total);
          await new Promise<void>((resolve, reject) => framer.write(chunk, (error) => (error ? reject(error) : resolve())));
        }
        framer.end();
      } finally {
        // No read may still be filling a buffer once it is given back.
        await next?.catch(() => {});
      }
    });
  } finally {
    await file.close();
  }
}

/**
 * Passes each output chunk on to the COPY stream, and its buffer back to `buffers` once the
 * connection's socket has written all it was given (the COPY stream writes the chunk to it
 * before acknowledging it; a socket that still holds bytes gives the buffer back at 'drain', and
 * one that never drains keeps it: it is then simply not reused).
 */
class CopyHandoff extends Writable {
  constructor(
    private readonly copy: Writable,
    private readonly buffers: RecycledBuffers,
  ) {
    super();
    copy.on("error", (error) => this.destroy(error));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void) {
    this.copy.write(chunk, (error) => {
      if (error) return done(error);
      const socket = (this.copy as { connection?: { stream?: Writable } }).connection?.stream;
      if (socket?.writableLength === 0) this.buffers.release(chunk);
      else socket?.once("drain", () => this.buffers.release(chunk));
      done();
    });
  }

  override _final(done: (error?: Error | null) => void) {
    this.copy.end();
    finished(this.copy).then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void) {
    if (error && !this.copy.destroyed) this.copy.destroy(error);
    done(error);
  }
}
