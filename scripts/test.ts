/**
 * `npm test`: eslint → tsc → npm audit --audit-level=high (scripts/lib/audit.ts) → unit tests →
 * throwaway PostgreSQL (databases `it` and `e2e`, migrated) → integration tests → demo seed
 * into e2e → next build → Playwright.
 * Stops at the first failing step with that step's exit code; always removes the databases.
 * Without PostgreSQL server binaries it falls back to PGlite (one server per database).
 * Env: SKIP_E2E=1 skips next build and Playwright.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { migrate } from "./migrate.ts";
import { createDatabase, startThrowawayCluster } from "./pg-cluster.ts";
import { startPgliteServer, type PgliteServer } from "./lib/pglite.ts";
import { FORWARDED_SIGNALS, exitCode, signalExitCode, signalGroup, spawnGroup } from "./lib/proc.ts";
import { ROOT, bin, redact, tsx } from "./lib/common.ts";

import { clearResults, resultFile, totals } from "./lib/results.ts";
import { auditDependencies } from "./lib/audit.ts";

const vitestArgs = (project: "unit" | "integration") => [
  "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${resultFile(project)}`,
];

class StepFailed extends Error {
  constructor(readonly code: number) {
    super(`exit code ${code}`);
  }
}

type ExtraEnv = Record<string, string>;
type Databases = { it: string; e2e: string; env: ExtraEnv; stop(): Promise<void> };

const skipE2e = process.env.SKIP_E2E === "1";
const e2eAuth = { NEXTAUTH_URL: "http://127.0.0.1:3100", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "e2e-test-secret" };
let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
let stepNo = 0;

for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    interrupted ??= signal;
    console.error(`\n${signal}: stopping the current step, then cleaning up…`);
    if (current) signalGroup(current, signal);
  });
}

const banner = (text: string) => console.log(`\n${"═".repeat(72)}\n  ${text}\n${"═".repeat(72)}`);

/** Runs one step; a command is run in its own process group with the given extra env. */
async function step(title: string, work: [string, string[]] | (() => Promise<void>), env: ExtraEnv = {}) {
  if (interrupted) throw new StepFailed(signalExitCode(interrupted));
  banner(`▶ ${++stepNo}. ${title}`);
  const started = Date.now();
  let code = 0;
  if (typeof work === "function") {
    try {
      await work();
    } catch (err) {
      console.error((err as Error).message);
      code = 1;
    }
  } else {
    current = spawnGroup(work[0], work[1], { env: { ...process.env, ...env } });
    code = await exitCode(current);
    current = undefined;
  }
  if (interrupted) code = signalExitCode(interrupted);
  if (code !== 0) {
    banner(`✖ ${stepNo}. ${title}: FAILED (exit code ${code})`);
    throw new StepFailed(code);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function startDatabases(): Promise<Databases> {
  const cluster = await startThrowawayCluster();
  if (cluster) {
    try {
      const [it, e2e] = [await createDatabase(cluster.url, "it"), await createDatabase(cluster.url, "e2e")];
      return { it, e2e, env: {}, stop: cluster.stop };
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }
  banner("PostgreSQL-servern saknas: integrationstesterna körs mot PGlite");
  console.log("(no /usr/lib/postgresql/*/bin/initdb; install the Debian package postgresql to test on the real server)");
  // PGlite serves one database: a server of its own for each.
  const dir = await mkdtemp(path.join(tmpdir(), "pglite-test-"));
  const servers: PgliteServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    servers.push(await startPgliteServer({ dataDir: path.join(dir, "it"), port: 0 }));
    // The e2e tests read the database beside the app's one pooled connection, and the second app server of the OIDC tests (playwright.config.ts) has one too.
    servers.push(await startPgliteServer({ dataDir: path.join(dir, "e2e"), port: 0, maxConnections: 3 }));
  } catch (err) {
    await stop();
    throw err;
  }
  return { it: servers[0]!.url, e2e: servers[1]!.url, env: { DATABASE_POOL_MAX: "1" }, stop };
}

async function main(): Promise<number> {
  let databases: Databases | undefined;
  // Set when npm audit could not reach its endpoint: repeated at the end, so nobody takes the run as audited.
  let auditWarning: string | null = null;
  clearResults();
  try {
    await step("eslint .", [bin("eslint"), ["."]]);
    await step("tsc --noEmit", [bin("tsc"), ["--noEmit"]]);
    await step("npm audit --audit-level=high", async () => {
      auditWarning = await auditDependencies();
    });
    await step("vitest run --project unit", [bin("vitest"), vitestArgs("unit")]);
    await step("start a throwaway PostgreSQL, create databases it and e2e", async () => {
      databases = await startDatabases();
      console.log(`it:  ${redact(databases.it)}\ne2e: ${redact(databases.e2e)}`);
    });
    const db = databases!;
    await step("migrate it and e2e", async () => {
      for (const url of [db.it, db.e2e]) await migrate(url, (m) => console.log(`${redact(url)}: ${m}`));
    });
    await step("vitest run --project integration", [bin("vitest"), vitestArgs("integration")], { ...db.env, DATABASE_URL: db.it });
    if (!existsSync(path.join(ROOT, "prisma", "seed.ts"))) throw new Error("prisma/seed.ts is missing: the e2e tests need its demo data.");
    await step("tsx prisma/seed.ts (demo data into e2e)", tsx("prisma/seed.ts"), { ...db.env, DATABASE_URL: db.e2e });
    if (skipE2e) {
      banner("SKIP_E2E=1: next build and the Playwright tests were SKIPPED");
    } else {
      const e2eEnv = { ...db.env, ...e2eAuth, DATABASE_URL: db.e2e };
      await step("next build", [bin("next"), ["build"]], e2eEnv);
      await step("playwright test", [bin("playwright"), ["test"]], e2eEnv);
    }
    banner(skipE2e ? "✔ all steps passed (e2e skipped)" : "✔ all steps passed");
    return 0;
  } catch (err) {
    if (err instanceof StepFailed) return err.code;
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    const t = totals();
    // One plain line of totals over unit, integration and e2e tests, for people and CI alike.
    console.log(`\nTests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
    if (auditWarning) console.log(`⚠ ${auditWarning}`);
    if (databases) {
      console.log("\nStopping the test databases…");
      await databases.stop().catch((err) => console.error(`Could not stop the test databases: ${err.message}`));
    }
  }
}

process.exit(await main());
