/**
 * The first administrator of a municipality, on a fresh production database (no demo data):
 *   ADMIN_PASSWORD='…' npm run db:create-admin -- --email anna@stad.se --name "Anna Admin" --municipality stockholm --municipality-name "Stockholms stad"
 * Creates the municipality when it does not exist. Everything else is done in the app (*Administration*).
 * With single sign-on, leave ADMIN_PASSWORD unset: the user signs in through the identity provider.
 */
import { hashPassword } from "../lib/auth/password.ts";
import pg from "pg";
import { EMBEDDED_DATABASE_URL, isMain } from "./lib/common.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function createAdmin(url: string, o: { email: string; name: string; municipality: string; municipalityName: string; password?: string }) {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email)) throw new Error("--email must be an e-mail address");
  if (!/^[a-z0-9-]+$/.test(o.municipality)) throw new Error("--municipality must be a slug (a-z, 0-9, -)");
  if (o.password !== undefined && o.password.length < 12) throw new Error("ADMIN_PASSWORD must be at least 12 characters");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const m = await client.query<{ id: string }>(
      `INSERT INTO "Municipality" ("id", "slug", "name") VALUES (gen_random_uuid(), $1, $2)
       ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id"`,
      [o.municipality, o.municipalityName],
    );
    const hash = o.password ? await hashPassword(o.password) : null;
    const u = await client.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES (gen_random_uuid(), lower($1), $2, $3)
       ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name", "passwordHash" = COALESCE(EXCLUDED."passwordHash", "User"."passwordHash") RETURNING "id"`,
      [o.email, o.name, hash],
    );
    await client.query(
      `INSERT INTO "Membership" ("id", "userId", "role", "municipalityId")
       SELECT gen_random_uuid(), $1, 'ADMIN', $2 WHERE NOT EXISTS (SELECT 1 FROM "Membership" WHERE "userId" = $1 AND "role" = 'ADMIN' AND "municipalityId" = $2)`,
      [u.rows[0]!.id, m.rows[0]!.id],
    );
    await client.query("COMMIT");
    return { userId: u.rows[0]!.id, municipalityId: m.rows[0]!.id };
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

if (isMain(import.meta.url)) {
  const email = arg("email");
  const name = arg("name");
  const municipality = arg("municipality");
  if (!email || !name || !municipality) {
    console.error('usage: ADMIN_PASSWORD=… npm run db:create-admin -- --email E --name "N" --municipality slug [--municipality-name "Name"]');
    process.exit(2);
  }
  createAdmin(process.env.DATABASE_URL || EMBEDDED_DATABASE_URL, { email, name, municipality, municipalityName: arg("municipality-name") ?? municipality, password: process.env.ADMIN_PASSWORD })
    .then((r) => console.log(`Administratör ${email} i ${municipality} (användare ${r.userId}).`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
