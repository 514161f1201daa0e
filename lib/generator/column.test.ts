import { describe, expect, it } from "vitest";
import { Column } from "./column";

describe("Column", () => {
  it("keeps values across chunk boundaries and reuses its chunks after clear()", () => {
    const made: number[] = [];
    const column = new Column((n) => (made.push(n), new Uint32Array(n)), 2); // 4 entries a chunk
    for (let i = 0; i < 10; i++) column.push(i * 1000);
    expect(column.length).toBe(10);
    expect(made).toEqual([4, 4, 4]);
    expect([0, 3, 4, 9].map((i) => column.get(i))).toEqual([0, 3000, 4000, 9000]);
    column.set(5, 42);
    expect(column.get(5)).toBe(42);
    column.clear();
    expect(column.length).toBe(0);
    for (let i = 0; i < 12; i++) column.push(7);
    expect(made).toHaveLength(3);
    expect(column.get(11)).toBe(7);
  });
});
