// hyparquet-writer's ByteWriter, drained after every row group: the file leaves in chunks
// instead of growing in memory (the writer keeps only offsets and the footer metadata).
import { ByteWriter } from "hyparquet-writer";

export class DrainableWriter extends ByteWriter {
  /** The bytes written since the last call, and the buffer reset for the next ones. */
  drain(): Uint8Array {
    const chunk = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return chunk;
  }
}
