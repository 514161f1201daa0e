// withReadBuffers: distinct buffers to whoever reads at the same time, taken back once the
// work has settled (failed or not) and lent again.
import { describe, expect, it } from "vitest";
import { READ_BUFFER_BYTES, withReadBuffers } from "./read-buffers";

describe("withReadBuffers", () => {
  it("lends distinct buffers to works running at once, and the same ones again afterwards", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let outer: Buffer[] = [];
    const first = withReadBuffers(2, async (buffers) => {
      outer = buffers;
      await held;
    });
    const inner = await withReadBuffers(1, async ([buffer]) => buffer);
    expect(outer.map((b) => b.length)).toEqual([READ_BUFFER_BYTES, READ_BUFFER_BYTES]);
    expect(outer[0] === outer[1]).toBe(false);
    expect(outer.includes(inner)).toBe(false);
    release();
    await first;
    const again = await withReadBuffers(3, async (buffers) => buffers);
    expect(again.filter((b) => [...outer, inner].includes(b))).toHaveLength(3); // the very same buffers
  });

  it("takes the buffers back when the work fails", async () => {
    let lent!: Buffer;
    await expect(
      withReadBuffers(1, async ([buffer]) => {
        lent = buffer;
        throw new Error("read failed");
      }),
    ).rejects.toThrow("read failed");
    expect(await withReadBuffers(1, async ([buffer]) => buffer)).toBe(lent);
  });
});
