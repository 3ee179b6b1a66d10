import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import net from "node:net";
import { ROOT } from "./common.ts";

export type Signal = "SIGINT" | "SIGTERM" | "SIGHUP";
export const FORWARDED_SIGNALS: Signal[] = ["SIGINT", "SIGTERM", "SIGHUP"];
export const signalExitCode = (s: NodeJS.Signals) => 128 + (constants.signals[s] ?? 0);

/**
 * Starts a command in its own process group (detached), so that stopping it reaches every
 * process it started (next, its workers, tsx's child). stdin is never attached: a background
 * group reading the terminal would be stopped by SIGTTIN.
 */
export function spawnGroup(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stdout?: "pipe" | "inherit"; stderr?: "pipe" | "inherit"; cwd?: string } = {},
): ChildProcess {
  return spawn(cmd, args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ["ignore", opts.stdout ?? "inherit", opts.stderr ?? "inherit"],
  });
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already
  }
}

/** Resolves with the exit code (128 + signal number when killed by a signal, 127 when it could not start). */
export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    if (child.signalCode) return resolve(signalExitCode(child.signalCode));
    child.once("exit", (code, signal) => resolve(code ?? signalExitCode(signal ?? "SIGTERM")));
    child.once("error", (err) => {
      console.error(`Could not start ${child.spawnfile}: ${err.message}`);
      resolve(127);
    });
  });
}

/** Signals the group, waits up to graceMs, then SIGKILLs whatever is left of it. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<number> {
  signalGroup(child, signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), graceMs)));
  const result = await Promise.race([exitCode(child), timedOut]);
  clearTimeout(timer);
  if (result === "timeout") console.error(`${child.spawnfile} did not stop within ${graceMs / 1000}s: killing it`);
  signalGroup(child, "SIGKILL"); // leftovers of the group, if any
  return result === "timeout" ? exitCode(child) : result;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
