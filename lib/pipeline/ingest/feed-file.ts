// Streams a plain (uncompressed UTF-8) file through a framer into COPY with reused buffers:
// two read buffers, and the framer's output buffers given back once COPY has handed them to
// the kernel. Fresh buffers per chunk (createReadStream, one output buffer per chunk) made
// 12 GB of short-lived external memory at a first load at scale m, which V8 collects with full
// garbage collections only: 1,700 of them, their marking threads taking a third of a core from
// PostgreSQL. A read buffer is read into again once the framer has finished with it (the
// framers copy whatever they keep); an output buffer is reused once the socket holds none of it.
import { open } from "node:fs/promises";
import { Writable, type Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import type { OutputBuffers } from "./frame-bytes";

/** Length of a UTF-8 byte order mark at the start of `chunk` (0 if none). */
export const bomLength = (chunk: Buffer) => (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0);

type FeedOptions = { chunkBytes: number; onBytes?: (bytes: number) => void };

/** Output buffers handed out by allocate(), each taken back at most once (release of a part of one). */
export class RecycledBuffers implements OutputBuffers {
  private readonly free: Buffer[] = [];
  private readonly lent = new Map<ArrayBufferLike, Buffer>();

  allocate(bytes: number): Buffer {
    const index = this.free.findIndex((b) => b.length >= bytes);
    const buffer = index >= 0 ? this.free.splice(index, 1)[0] : Buffer.allocUnsafeSlow(bytes);
    this.lent.set(buffer.buffer, buffer);
    return buffer;
  }

  release(part: Buffer): void {
    const buffer = this.lent.get(part.buffer);
    if (!buffer) return;
    this.lent.delete(part.buffer);
    if (this.free.length < 4) this.free.push(buffer);
  }
}

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
  // A small file (most of a drop folder's) is read whole, into a buffer of its size.
  const size = Math.min(o.chunkBytes, (await file.stat()).size + 1);
  const buffers: Buffer[] = [Buffer.allocUnsafeSlow(size)];
  let next: Promise<{ bytesRead: number }> | null = file.read(buffers[0], 0, size, null);
  try {
    let total = 0;
    for (let k = 0; next; k ^= 1) {
      const { bytesRead }: { bytesRead: number } = await next;
      // The next read goes on in the background while this chunk is framed; a short read is
      // the end of the file.
      next = bytesRead === size ? file.read((buffers[k ^ 1] ??= Buffer.allocUnsafeSlow(size)), 0, size, null) : null;
      if (bytesRead === 0) break;
      const chunk = buffers[k].subarray(total === 0 ? bomLength(buffers[k].subarray(0, bytesRead)) : 0, bytesRead);
      total += bytesRead;
      o.onBytes?.(total);
      await new Promise<void>((resolve, reject) => framer.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    framer.end();
  } finally {
    await next?.catch(() => {});
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
