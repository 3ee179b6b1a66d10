import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

describe("password hashes", () => {
  it("scrypt: the right password verifies, a wrong one, another case or a trailing space does not; each hash has its own salt", async () => {
    const a = await hashPassword("trygghet2025");
    const b = await hashPassword("trygghet2025");
    expect(a).toMatch(/^scrypt\$15\$8\$3\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("trygghet2025", a)).toBe(true);
    expect(await verifyPassword("trygghet2025", b)).toBe(true);
    for (const wrong of ["trygghet2026", "Trygghet2025", "trygghet2025 ", ""]) expect(await verifyPassword(wrong, a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("the same password in composed and decomposed Unicode (å) is the same password", async () => {
    const stored = await hashPassword("Gårdstånga\u00e5");
    expect(await verifyPassword("Ga\u030ardsta\u030anga\u0061\u030a", stored)).toBe(true);
  });

  it("bcrypt hashes of the earlier versions still verify, and are marked for replacement", async () => {
    const old = await bcrypt.hash("trygghet2025", 4);
    expect(await verifyPassword("trygghet2025", old)).toBe(true);
    expect(await verifyPassword("fel", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["plain text", "trygghet2025"],
    ["a truncated bcrypt hash", "$2b$12$SVH5j.hySFPqNx8095bmPe"],
    ["scrypt with an absurd cost", "scrypt$40$8$3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U="],
    ["scrypt with a short key", "scrypt$15$8$3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5"],
    ["scrypt with junk", "scrypt$15$8$3$!!$??"],
  ])("a stored value that is not a hash we know (%s) never verifies and never throws", async (_, stored) => {
    await expect(verifyPassword("trygghet2025", stored)).resolves.toBe(false);
  });

  it("the hash checked for unknown e-mails is a real scrypt hash that no password matches", async () => {
    const d = await dummyHash();
    expect(d).toMatch(/^scrypt\$/);
    expect(await dummyHash()).toBe(d);
    expect(await verifyPassword("", d)).toBe(false);
  });

  it("runs off the JavaScript thread: a timer fires while four hashes are computed", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await Promise.all([1, 2, 3, 4].map((i) => hashPassword(`lösenord-${i}`)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});
