// sha256 and size of a file, streamed through a shared read buffer (flat memory, nothing
// allocated per file or per chunk).
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { READ_BUFFER_BYTES, withReadBuffers } from "./read-buffers";

export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  const file = await open(path, "r");
  let size = 0;
  try {
    await withReadBuffers(1, async ([buffer]) => {
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, READ_BUFFER_BYTES, null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
        size += bytesRead;
      }
    });
  } finally {
    await file.close();
  }
  return { sha256: hash.digest("hex"), size };
}
