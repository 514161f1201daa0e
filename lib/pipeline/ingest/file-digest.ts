// sha256 and size of a file, streamed through one reused buffer (flat memory, no per-chunk
// allocation).
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

const READ_BYTES = 1 << 20;

export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
  const file = await open(path, "r");
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await file.close();
  }
  return { sha256: hash.digest("hex"), size };
}
