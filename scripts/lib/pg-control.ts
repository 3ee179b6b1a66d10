/**
 * A PostgreSQL cluster of our own whose server can be stopped and started again while the app
 * runs (the fault test). As root it runs as the `postgres` user (PostgreSQL refuses root).
 * Unlike scripts/pg-cluster.ts (tests: fsync off) it keeps PostgreSQL's durable defaults, so a
 * crash-stop tests what a real server would keep.
 */
import { execFile } from "node:child_process";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findPostgresBin } from "../pg-cluster.ts";

const run = promisify(execFile);

export type ControlledCluster = {
  url: string;
  port: number;
  /** `pg_ctl stop` with the given mode: "immediate" is a crash (recovery at the next start). */
  stopServer(mode?: "fast" | "immediate"): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server (if running) and deletes the cluster. */
  remove(): Promise<void>;
};

export async function startControlledCluster(port: number, log: (m: string) => void): Promise<ControlledCluster> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error("PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin): apt-get install postgresql");
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), "pg-fault-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const tool = (name: string, args: string[]) => {
    const cmd = path.join(binDir, name);
    return asRoot ? run("runuser", ["-u", "postgres", "--", cmd, ...args], { cwd: dir }) : run(cmd, args, { cwd: dir });
  };
  if (asRoot) {
    const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
    await chown(dir, await id("-u"), await id("-g"));
  }
  await tool("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-instructions"]);
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c TimeZone=UTC", "-c max_connections=200"].join(" ");
  let running = false;
  const startServer = async () => {
    await tool("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"]);
    running = true;
  };
  const stopServer = async (mode: "fast" | "immediate" = "fast") => {
    await tool("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]);
    running = false;
  };
  await startServer();
  log(`PostgreSQL ${path.basename(path.dirname(binDir))} cluster of our own on 127.0.0.1:${port} (${dir})`);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stopServer,
    startServer,
    remove: async () => {
      if (running) await stopServer("fast").catch((e: Error) => log(`pg_ctl stop failed: ${e.message}`));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
