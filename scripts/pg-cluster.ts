/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, served on 127.0.0.1 at a
 * free port, deleted on stop(). PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user (runuser) on a folder owned by that user.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./lib/proc.ts";

const run = promisify(execFile);

/** The bin folder of the newest /usr/lib/postgresql/<version>, or null. */
export function findPostgresBin(root = "/usr/lib/postgresql"): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export type Cluster = { url: string; stop(): Promise<void> };

export async function startThrowawayCluster(log: (message: string) => void = console.log): Promise<Cluster | null> {
  const binDir = findPostgresBin();
  if (!binDir) return null;

  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), "pg-throwaway-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const pgTool = (tool: string, args: string[]) => {
    const cmd = path.join(binDir, tool);
    return asRoot ? run("runuser", ["-u", "postgres", "--", cmd, ...args], { cwd: dir }) : run(cmd, args, { cwd: dir });
  };

  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await pgTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch((err) => log(`pg_ctl stop failed: ${err.message}`));
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    if (asRoot) {
      const { uid, gid } = await postgresIds();
      await chown(dir, uid, gid);
    }
    // Locale and time zone as in PGlite, so both databases sort and format alike.
    await pgTool("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-sync", "--no-instructions"]);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c TimeZone=UTC"];
    await pgTool("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options.join(" "), "start"]);
    started = true;
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    log(`PostgreSQL ${path.basename(path.dirname(binDir))} throwaway cluster on 127.0.0.1:${port} (${dir})`);
    return { url, stop };
  } catch (err) {
    const serverLog = existsSync(logFile) ? `\n${readFileSync(logFile, "utf8").trim()}` : "";
    await stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${(err as Error).message}${serverLog}`, { cause: err });
  }
}

async function postgresIds() {
  const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    throw new Error('PostgreSQL refuses to run as root and there is no "postgres" user to run it as (the Debian package postgresql creates one).');
  }
}

/** Creates database `name` on the server at `url` and returns the URL that points to it. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}
