/**
 * The built app under `next start`, for the benchmark and the load test: a build of its own in
 * NEXT_DIST_DIR (default .next-bench, so it never clobbers `.next` of a developer or the e2e run),
 * a server on a free loopback port, and sign-in through next-auth's credentials endpoint.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, bin } from "./common.ts";
import { exitCode, portInUse, spawnGroup, stopGroup } from "./proc.ts";

export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
/**
 * The app to build and start: this checkout, or BENCH_APP_DIR (a copy of the tree inside it, e.g.
 * `.next-bench-src`, to measure a fixed snapshot while the working tree is being edited).
 */
export const APP_DIR = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : ROOT;
export const BENCH_SECRET = "bench-only-secret-not-for-production";

/** The newest modification time under the folders a build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name.startsWith(".")) continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib"]) if (existsSync(path.join(APP_DIR, dir))) walk(path.join(APP_DIR, dir));
  for (const file of ["next.config.ts", "proxy.ts", "package.json"]) if (existsSync(path.join(APP_DIR, file))) newest = Math.max(newest, statSync(path.join(APP_DIR, file)).mtimeMs);
  return newest;
}

/**
 * `next build` into BENCH_DIST_DIR unless a build newer than every source file is there already
 * (`force` rebuilds; `--no-build` on the command line takes whatever build is there). Next rewrites
 * tsconfig.json to include the dist folder's types: it is put back.
 */
export async function ensureBuild(log: (m: string) => void, force = false): Promise<void> {
  const buildId = path.join(APP_DIR, BENCH_DIST_DIR, "BUILD_ID");
  const where = path.relative(ROOT, path.join(APP_DIR, BENCH_DIST_DIR));
  if (!force && existsSync(buildId) && (process.argv.includes("--no-build") || statSync(buildId).mtimeMs > newestSource())) {
    log(`using the build in ${where} from ${new Date(statSync(buildId).mtimeMs).toISOString()}`);
    return;
  }
  log(`next build into ${BENCH_DIST_DIR} (takes a minute or two)…`);
  const tsconfig = path.join(APP_DIR, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  const started = Date.now();
  const child = spawnGroup(bin("next"), ["build"], { cwd: APP_DIR, env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" }, stdout: "pipe" });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await exitCode(child);
  if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  if (code !== 0) throw new Error(`next build failed (exit code ${code}):\n${output.slice(-4000)}`);
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export type NextServer = { url: string; port: number; stop(): Promise<void> };

/** A free port from `from` upwards (loopback). */
export async function freePortFrom(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (!(await portInUse(port))) return port;
  throw new Error(`No free port in ${from}–${from + 99}.`);
}

/**
 * `next start` on 127.0.0.1 with its own database and the demo sign-in on (AUTH_DEMO_LOGIN), waits
 * until the login page answers. Its output (stdout and stderr) is kept for `output()`, not printed.
 */
export async function startNext(opts: { databaseUrl: string; port: number; poolMax?: number; env?: Record<string, string> }, log: (m: string) => void): Promise<NextServer & { output(): string }> {
  const url = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_MAX: String(opts.poolMax ?? 10),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: BENCH_SECRET,
    AUTH_DEMO_LOGIN: "on",
    ...opts.env,
  };
  const child = spawnGroup(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(opts.port)], { cwd: APP_DIR, env, stdout: "pipe", stderr: "pipe" });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const stop = async () => {
    await stopGroup(child, "SIGTERM", 10_000);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (code ${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${url} within 60 s:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`next start on ${url} (${path.relative(ROOT, path.join(APP_DIR, BENCH_DIST_DIR))}, database pool ${env.DATABASE_POOL_MAX})`);
  return { url, port: opts.port, stop, output: () => output };
}

/** Cookies of a response as `name=value` pairs (Set-Cookie lines). */
function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
  return out;
}

/**
 * Signs in through next-auth's credentials endpoint, as the login form does (csrf token, then
 * POST /api/auth/callback/credentials) and returns the Cookie header of the signed-in session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/plans`, json: "true" }),
  });
  await res.arrayBuffer();
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Sign-in of ${email} failed: HTTP ${res.status}, no session cookie (is AUTH_DEMO_LOGIN on and the user's password "${password}"?)`);
  return `${session}=${jar.get(session)}`;
}
