// lib/domain is pure: no framework or database imports, and no clock.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DOMAIN_DIR = fileURLToPath(new URL("../../lib/domain/", import.meta.url));
const FILES = readdirSync(DOMAIN_DIR).filter((f) => f.endsWith(".ts"));

const FORBIDDEN_IMPORT = /from\s+["'](?:next(?:\/[^"']*)?|react(?:-dom)?(?:\/[^"']*)?|@prisma\/[^"']*|prisma|pg|server-only|@\/lib\/db(?:\/[^"']*)?|\.\.\/db(?:\/[^"']*)?)["']/u;
const CLOCK = /new Date\(\s*\)|Date\.now\(/u;

describe("lib/domain purity", () => {
  it("has files to check", () => {
    expect(FILES.length).toBeGreaterThan(5);
  });

  it.each(FILES)("%s imports no framework or database and reads no clock", (file) => {
    const source = readFileSync(`${DOMAIN_DIR}${file}`, "utf8");
    expect(source).not.toMatch(FORBIDDEN_IMPORT);
    expect(source).not.toMatch(CLOCK);
  });
});
