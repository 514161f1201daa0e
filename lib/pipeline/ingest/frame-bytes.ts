// Byte writes shared by the framers' hot paths (csv-framer.ts, ndjson-framer.ts).

/** Copies from[start, end) to `to` at `at`; returns the end. A loop below a few dozen bytes:
 *  cells and records are short, and Buffer#copy's per-call overhead is larger than the copy. */
export function copyBytes(from: Buffer, start: number, end: number, to: Buffer, at: number): number {
  if (end - start > 48) return at + from.copy(to, at, start, end);
  for (let i = start; i < end; i++) to[at++] = from[i];
  return at;
}

/** Writes a non-negative integer's decimal digits at `at`; returns the end. */
export function writeDigits(out: Buffer, at: number, value: number): number {
  let length = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) length++;
  for (let k = at + length - 1, v = value; k >= at; k--) {
    const q = Math.floor(v / 10);
    out[k] = 0x30 + v - q * 10;
    v = q;
  }
  return at + length;
}

/**
 * Where a framer gets its output buffers from, and gives back the ones it replaced by larger
 * ones before they were ever sent. By default fresh ones (see feed-file.ts for reused ones).
 */
export type OutputBuffers = { allocate(bytes: number): Buffer; release(buffer: Buffer): void };
export const FRESH_BUFFERS: OutputBuffers = { allocate: (bytes) => Buffer.allocUnsafeSlow(bytes), release: () => {} };
