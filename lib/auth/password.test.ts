import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt parameters, a random salt and the key", async () => {
    const a = await hashPassword("demo1234");
    const b = await hashPassword("demo1234");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
  });

  it("matches an independent scrypt computation", async () => {
    const stored = await hashPassword("s3cret pass");
    const [, n, r, p, salt, key] = stored.split("$");
    const expected = scryptSync("s3cret pass", Buffer.from(salt, "base64"), 32, { N: +n, r: +r, p: +p, maxmem: 64 * 1024 * 1024 });
    expect(expected.toString("base64")).toBe(key);
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horse ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("never verifies against the unknown-user hash or garbage", async () => {
    expect(await verifyPassword("anything", UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword("anything", "plaintext")).toBe(false);
  });
});
