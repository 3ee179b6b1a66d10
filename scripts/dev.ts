/**
 * `npm run dev` (next dev) and `npm start` (--prod: next build if needed, then next start).
 * Without DATABASE_URL it runs the embedded PostgreSQL (PGlite, scripts/pglite-server.ts),
 * then: migrations → demo data (prisma/seed.ts --if-empty) → Next.js. Stops PGlite last.
 * Env: DATABASE_URL, DATABASE_POOL_MAX, PGLITE_PORT, PGLITE_DATA_DIR, PORT, NEXTAUTH_URL, NEXTAUTH_SECRET,
 * AUTH_DEMO_LOGIN (default: "on" when the database holds the demo users, else "off"), OIDC_* (README).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { migrate } from "./migrate.ts";
import { startPgliteServer, type PgliteServer } from "./lib/pglite.ts";
import { FORWARDED_SIGNALS, exitCode, portInUse, signalExitCode, spawnGroup, stopGroup } from "./lib/proc.ts";
import { PGLITE_DEFAULT_PORT, ROOT, bin, describeDbError, pgliteUrl, redact, tsx } from "./lib/common.ts";

const DEV_SECRET = "dev-only-secret-not-for-production";
const prod = process.argv.includes("--prod");
const port = process.env.PORT || "3000";
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port };
const log = (message: string) => console.log(`[dev] ${message}`);
const never = new Promise<never>(() => {});

let database: PgliteServer | undefined; // only a PGlite this script started itself
let child: ChildProcess | undefined; // the seed, the build or the app: one at a time
let stopping = false;

async function shutdown(code: number, signal: NodeJS.Signals = "SIGTERM"): Promise<never> {
  if (stopping) return never;
  stopping = true;
  if (child) code = await stopGroup(child, signal);
  if (database) await database.stop(); // last, so the app never outlives its database
  process.exit(code);
}

for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    if (stopping) log("still stopping…");
    else void shutdown(signalExitCode(signal), signal);
  });
}

async function run(title: string, [cmd, args]: [string, string[]]): Promise<void> {
  log(title);
  child = spawnGroup(cmd, args, { env });
  const code = await exitCode(child);
  if (stopping) return never;
  child = undefined;
  if (code !== 0) {
    console.error(`[dev] ${title}: failed with exit code ${code}`);
    return shutdown(code);
  }
}

async function answersAsPglite(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT version() AS v");
    return rows[0]!.v.includes("PGlite");
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The demo data's users (prisma/seed.ts, all @demo.se with a password) are in the database. */
async function holdsDemoUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE "email" LIKE '%@demo.se' AND "passwordHash" IS NOT NULL`);
    return rows[0]!.n > 0;
  } finally {
    await client.end().catch(() => {});
  }
}

async function embeddedDatabase(): Promise<string> {
  const pglitePort = Number(process.env.PGLITE_PORT || PGLITE_DEFAULT_PORT);
  const url = pgliteUrl(pglitePort);
  if (await portInUse(pglitePort)) {
    if (await answersAsPglite(url)) {
      log(`using the PGlite that already runs on port ${pglitePort} (started elsewhere: it keeps running after this)`);
      return url;
    }
    throw new Error(
      `Port ${pglitePort} is in use, and not by a PGlite that accepts a connection.\n` +
        "  - another `npm run dev` may be running (its PGlite takes one connection at a time): stop it first;\n" +
        "  - or set PGLITE_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.",
    );
  }
  log("starting the embedded PostgreSQL (PGlite; the first start takes a few seconds)");
  database = await startPgliteServer({ dataDir: process.env.PGLITE_DATA_DIR || ".data/pglite", port: pglitePort });
  database.child.once("exit", (code) => {
    if (stopping) return;
    console.error(`[dev] PGlite stopped unexpectedly (exit code ${code}): stopping the app`);
    database = undefined;
    void shutdown(1);
  });
  return database.url;
}

async function main() {
  if (!env.DATABASE_URL) {
    env.DATABASE_URL = await embeddedDatabase();
    env.DATABASE_POOL_MAX ||= "1"; // PGlite is one session: a larger pool loses statements
  }
  log(`database ${redact(env.DATABASE_URL)}`);
  const applied = await migrate(env.DATABASE_URL, (m) => log(`migration ${m}`));
  if (!applied.length) log("migrations: up to date");

  if (existsSync(path.join(ROOT, "prisma", "seed.ts"))) await run("demo data: tsx prisma/seed.ts --if-empty", tsx("prisma/seed.ts", "--if-empty"));
  else log("warning: prisma/seed.ts is missing, no demo data loaded");

  // Demo sign-in (e-mail and password) is on only while the database holds the demo users; AUTH_DEMO_LOGIN set by hand wins.
  env.AUTH_DEMO_LOGIN ||= (await holdsDemoUsers(env.DATABASE_URL)) ? "on" : "off";
  log(`demo sign-in with e-mail and password: ${env.AUTH_DEMO_LOGIN === "on" ? "on (demo data loaded)" : "off"}`);

  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  if (!env.NEXTAUTH_SECRET) {
    env.NEXTAUTH_SECRET = DEV_SECRET;
    if (prod) console.warn("[dev] WARNING: NEXTAUTH_SECRET is not set; using a fixed development secret. Set it anywhere others can reach the app.");
  }

  if (prod) {
    if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) log("using the existing build in .next (`npm run build` rebuilds it)");
    else await run("next build", [bin("next"), ["build"]]);
  }
  log(`next ${prod ? "start" : "dev"} on http://localhost:${port}`);
  child = spawnGroup(bin("next"), [prod ? "start" : "dev", "-p", port], { env });
  await shutdown(await exitCode(child));
}

main().catch((err: Error) => {
  if (stopping) return; // errors of a database stopped under our feet
  console.error(`[dev] ${describeDbError(err, env.DATABASE_URL ?? "")}`);
  void shutdown(1);
});
