// RecycledBuffers: an output buffer comes back into use only once it was given back, whole or
// by a part of it, and only once however often it is given back; sizes are powers of two.
import { describe, expect, it } from "vitest";
import { bomLength, RecycledBuffers } from "./feed-file";

describe("RecycledBuffers", () => {
  it("lends a buffer given back (by the part that was sent) again, to a request it is large enough for", () => {
    const buffers = new RecycledBuffers();
    const first = buffers.allocate(100_000);
    expect(first.length).toBe(131_072);
    buffers.release(first.subarray(0, 10));
    expect(buffers.allocate(140_000) === first).toBe(false); // too small: a new one
    expect(buffers.allocate(120_000)).toBe(first); // another size, the same power of two
  });

  it("keeps at most `keep` buffers given back", () => {
    const buffers = new RecycledBuffers(1);
    const [a, b] = [buffers.allocate(10), buffers.allocate(10)];
    expect(a.length).toBe(65_536); // the smallest size lent
    buffers.release(a);
    buffers.release(b);
    expect(buffers.allocate(10)).toBe(a);
    expect(buffers.allocate(10) === b).toBe(false);
  });

  it("never lends one buffer twice at once, however often it is given back", () => {
    const buffers = new RecycledBuffers();
    const first = buffers.allocate(100);
    buffers.release(first);
    buffers.release(first.subarray(0, 5));
    const a = buffers.allocate(100);
    const b = buffers.allocate(100);
    expect(a).toBe(first);
    expect(b === first).toBe(false);
    buffers.release(Buffer.alloc(100)); // not one of its own: ignored
    expect(buffers.allocate(100) === a).toBe(false);
  });
});

describe("bomLength", () => {
  it("is 3 for a UTF-8 byte order mark, 0 otherwise", () => {
    expect([bomLength(Buffer.from("\ufeffid,x")), bomLength(Buffer.from("id,x")), bomLength(Buffer.from([0xef, 0xbb]))]).toEqual([3, 0, 0]);
  });
});
