// RecycledBuffers: an output buffer comes back into use only once it was given back, whole or
// by a part of it, and only once however often it is given back.
import { describe, expect, it } from "vitest";
import { bomLength, RecycledBuffers } from "./feed-file";

describe("RecycledBuffers", () => {
  it("lends a buffer given back (by the part that was sent) again, to a request it is large enough for", () => {
    const buffers = new RecycledBuffers();
    const first = buffers.allocate(1000);
    buffers.release(first.subarray(0, 10));
    expect(buffers.allocate(2000)).not.toBe(first); // too small: a new one
    expect(buffers.allocate(500)).toBe(first);
  });

  it("never lends one buffer twice at once, however often it is given back", () => {
    const buffers = new RecycledBuffers();
    const first = buffers.allocate(100);
    buffers.release(first);
    buffers.release(first.subarray(0, 5));
    const a = buffers.allocate(100);
    const b = buffers.allocate(100);
    expect(a).toBe(first);
    expect(b).not.toBe(first);
    buffers.release(Buffer.alloc(100)); // not one of its own: ignored
    expect(buffers.allocate(100)).not.toBe(a);
  });
});

describe("bomLength", () => {
  it("is 3 for a UTF-8 byte order mark, 0 otherwise", () => {
    expect([bomLength(Buffer.from("\ufeffid,x")), bomLength(Buffer.from("id,x")), bomLength(Buffer.from([0xef, 0xbb]))]).toEqual([3, 0, 0]);
  });
});
