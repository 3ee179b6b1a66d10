import readline from "node:readline";
import type { ChildProcess } from "node:child_process";
import { spawnGroup, stopGroup } from "./proc.ts";
import { tsx } from "./common.ts";

export type PgliteServer = { url: string; child: ChildProcess; stop(): Promise<void> };

/** Runs scripts/pglite-server.ts in its own process group and waits for its PGLITE_READY line. */
export async function startPgliteServer(opts: { dataDir: string; port: number; maxConnections?: number }, timeoutMs = 120_000): Promise<PgliteServer> {
  const [cmd, args] = tsx("scripts/pglite-server.ts");
  const child = spawnGroup(cmd, args, {
    env: {
      ...process.env,
      PGLITE_DATA_DIR: opts.dataDir,
      PGLITE_PORT: String(opts.port),
      PGLITE_MAX_CONNECTIONS: String(opts.maxConnections ?? 1),
    },
    stdout: "pipe",
  });
  const stop = async () => {
    await stopGroup(child, "SIGTERM", 20_000);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PGlite was not ready within ${timeoutMs / 1000}s`)), timeoutMs);
      readline.createInterface({ input: child.stdout! }).on("line", (line) => {
        const ready = /^PGLITE_READY (\S+)/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]!);
        } else console.log(`[pglite] ${line}`);
      });
      child.once("exit", (code) => reject(new Error(`The PGlite server exited (code ${code}) before it was ready`)));
      child.once("error", reject);
    });
    return { url, child, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
