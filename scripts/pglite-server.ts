/**
 * Embedded PostgreSQL for development: PGlite on a data folder, served over the wire protocol.
 * Env: PGLITE_DATA_DIR (default .data/pglite), PGLITE_PORT (default 54329; 0 = any free port),
 * PGLITE_MAX_CONNECTIONS (default 1).
 * Prints `PGLITE_READY <url>` once it accepts connections; stops cleanly on SIGINT/SIGTERM/SIGHUP.
 * PGlite is a single session: by default the socket server takes one connection at a time and
 * drops the others. More connections are multiplexed into that one session, which loses
 * statements under concurrent load (docs: STACK.md), so raise it only for light side traffic.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PGLITE_DEFAULT_PORT, ROOT, pgliteUrl } from "./lib/common.ts";

const host = "127.0.0.1";
const dataDir = path.resolve(ROOT, process.env.PGLITE_DATA_DIR ?? ".data/pglite");
const port = Number(process.env.PGLITE_PORT ?? PGLITE_DEFAULT_PORT);
const maxConnections = Number(process.env.PGLITE_MAX_CONNECTIONS || 1);
const lockFile = `${dataDir}.lock`;

function fail(message: string): never {
  console.error(`pglite-server: ${message}`);
  process.exit(1);
}

/** Two processes on one data folder silently lose writes: a pid file next to it keeps a second one out. */
function lockDataDir() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && isAlive(pid)) fail(`${dataDir} is already in use by process ${pid}.`);
      unlinkSync(lockFile); // stale: its owner is gone
    }
  }
  fail(`could not lock ${dataDir} (${lockFile}).`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function unlockDataDir() {
  try {
    if (readFileSync(lockFile, "utf8") === String(process.pid)) unlinkSync(lockFile);
  } catch {
    // already gone
  }
}

if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid PGLITE_PORT "${process.env.PGLITE_PORT}".`);
if (!Number.isInteger(maxConnections) || maxConnections < 1) fail(`invalid PGLITE_MAX_CONNECTIONS "${process.env.PGLITE_MAX_CONNECTIONS}".`);
mkdirSync(path.dirname(dataDir), { recursive: true }); // PGlite creates the folder itself, but not its parents
lockDataDir();

// btree_gin: the search indexes hold the plan id beside the tsvector (migration 0007).
const db = await PGlite.create(dataDir, { extensions: { btree_gin } });
const server = new PGLiteSocketServer({ db, host, port, maxConnections });
try {
  await server.start();
} catch (err) {
  await db.close();
  unlockDataDir();
  const code = (err as NodeJS.ErrnoException).code;
  fail(code === "EADDRINUSE" ? `port ${port} on ${host} is already in use.` : String(err));
}

let closing = false;
async function close(signal: string) {
  if (closing) return; // the process group and tsx may both deliver the signal
  closing = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    unlockDataDir();
  }
  console.log(`PGlite stopped (${signal}), data kept in ${dataDir}`);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void close(signal));

console.log(`PGLITE_READY ${pgliteUrl(server.getServerConn().split(":").pop()!)}`);
