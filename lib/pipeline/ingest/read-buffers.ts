// Read buffers shared by every file ingest reads (its digest, its sniff, its load), lent and
// taken back rather than allocated per file. A drop folder is mostly small files, and a fresh
// buffer per read (1 MB for the digest alone) is external memory that V8 frees only with full
// garbage collections: 300 to 600 of them while a first load at scale m read its 5,800 small
// files, their marking on the main thread and on helper threads taking CPU from PostgreSQL.
export const READ_BUFFER_BYTES = 256 * 1024;

// Enough for every file being read at once (each load holds two, a digest or a sniff one).
const KEEP = 16;
const idle: Buffer[] = [];

/** `work` with `count` read buffers of READ_BUFFER_BYTES, taken back when it has settled: it must not keep them. */
export async function withReadBuffers<T>(count: number, work: (buffers: Buffer[]) => Promise<T>): Promise<T> {
  const buffers = Array.from({ length: count }, () => idle.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES));
  try {
    return await work(buffers);
  } finally {
    for (const buffer of buffers) if (idle.length < KEEP) idle.push(buffer);
  }
}
