/**
 * Applies prisma/migrations/NNNN_name/migration.sql in name order, each in its own transaction
 * together with its row in _app_migrations. Refuses to run when an applied migration was
 * edited or removed, or when a new one sorts before one already applied.
 * CLI: `tsx scripts/migrate.ts` (DATABASE_URL, else the embedded PGlite URL).
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE_URL, ROOT, describeDbError, isMain, redact } from "./lib/common.ts";

export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const LOCK_KEY = 7_304_512_118; // any constant bigint, shared by every run of this script
const NAME = /^\d{4}_[A-Za-z0-9_-]+$/;

type Migration = { name: string; sql: string; checksum: string };

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      if (!NAME.test(name)) throw new Error(`Migration folder "${name}" is not named NNNN_name.`);
      const file = path.join(dir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch(() => {
        throw new Error(`Migration folder "${name}" has no migration.sql.`);
      });
      // Line endings are normalised so a Windows checkout does not count as an edit.
      const checksum = createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
      return { name, sql, checksum };
    }),
  );
}

export async function migrate(
  databaseUrl: string,
  log: (message: string) => void = console.log,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  // One client: PGlite serves a single connection at a time.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A session lock serialises concurrent runs; it is released on unlock or disconnect.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS _app_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows: applied } = await client.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM _app_migrations",
    );

    const byName = new Map(migrations.map((m) => [m.name, m]));
    const problems = applied.flatMap(({ name, checksum }) => {
      const m = byName.get(name);
      if (!m) return [`${name}: applied to the database, but its folder is missing`];
      if (m.checksum !== checksum) return [`${name}: migration.sql changed after it was applied`];
      return [];
    });
    const appliedNames = new Set(applied.map((a) => a.name));
    const pending = migrations.filter((m) => !appliedNames.has(m.name));
    const lastApplied = [...appliedNames].sort().at(-1);
    for (const m of pending) {
      if (lastApplied && m.name < lastApplied) problems.push(`${m.name}: new, but sorts before ${lastApplied}, which is already applied`);
    }
    if (problems.length) {
      throw new Error(
        `Migrations do not match the database ${redact(databaseUrl)}:\n  - ${problems.join("\n  - ")}\n` +
          "Never edit an applied migration: add a new one. (For a throwaway dev database: delete it and start again.)",
      );
    }

    for (const m of pending) {
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("INSERT INTO _app_migrations (name, checksum) VALUES ($1, $2)", [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      log(`applied ${m.name}`);
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

if (isMain(import.meta.url)) {
  const url = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
  try {
    const applied = await migrate(url);
    console.log(applied.length ? `${applied.length} migration(s) applied to ${redact(url)}` : `${redact(url)} is up to date`);
  } catch (err) {
    console.error(describeDbError(err, url) + (url === EMBEDDED_DATABASE_URL ? " (`npm run dev` starts the embedded one)" : ""));
    process.exit(1);
  }
}
