import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PGLITE_DEFAULT_PORT = 54329;

/** PGlite ignores the user and database of the startup message: it is always postgres/postgres. */
export const pgliteUrl = (port: number | string) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
export const EMBEDDED_DATABASE_URL = pgliteUrl(PGLITE_DEFAULT_PORT);

export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** `tsx script …` without tsx's extra wrapper process. */
export const tsx = (script: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ["--import", "tsx", path.resolve(ROOT, script), ...args],
];

/** True when the calling module is the script node was started with. */
export const isMain = (importMetaUrl: string) =>
  !!process.argv[1] && importMetaUrl === pathToFileURL(path.resolve(process.argv[1])).href;

/** The URL without its password, for logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparsable DATABASE_URL>";
  }
}

/** A readable message for a failure to reach the database. */
export function describeDbError(err: unknown, url: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return `Cannot connect to ${redact(url)}: is the database running?`;
  return err instanceof Error ? err.message : String(err);
}
