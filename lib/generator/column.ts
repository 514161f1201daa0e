// A growable column of small integers in fixed-size typed-array chunks: a few bytes per entry,
// no copying when it grows (a doubling array would briefly need twice its size) and at most one
// partly used chunk.
type Typed = Uint8Array | Uint16Array | Int16Array | Uint32Array | Float64Array;

export class Column<T extends Typed> {
  private readonly chunks: T[] = [];
  private readonly mask: number;
  length = 0;

  /** chunkBits: log2 of the entries per chunk. */
  constructor(
    private readonly make: (size: number) => T,
    private readonly chunkBits = 16,
  ) {
    this.mask = (1 << chunkBits) - 1;
  }

  get(index: number): number {
    return this.chunks[index >>> this.chunkBits][index & this.mask];
  }

  set(index: number, value: number): void {
    this.chunks[index >>> this.chunkBits][index & this.mask] = value;
  }

  push(value: number): void {
    const chunk = this.length >>> this.chunkBits;
    if (chunk === this.chunks.length) this.chunks.push(this.make(this.mask + 1));
    this.chunks[chunk][this.length & this.mask] = value;
    this.length++;
  }

  /** Empties the column, keeping its chunks for reuse. */
  clear(): void {
    this.length = 0;
  }
}
