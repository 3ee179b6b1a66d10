/**
 * `npm run load`: 100 editors sign in and edit measures of the 13 city-scale plans for 60 s,
 * through the real server action (updateMeasureAction, posted as the browser does: POST to the
 * area page with a `Next-Action` header), against `next start` on loopback; driven by autocannon.
 * Each virtual editor repeats: open the area page (GET) → read the measure's version from it →
 * save the measure with a unique marker in its text. Afterwards SQL proves that every edit
 * answered OK is in the database (audit row and version), that every edit answered CONFLICT left
 * no trace, and that versions and audit rows agree (no lost update).
 *
 * `npm run load -- --fault`: the same, and 20 s in the PostgreSQL server is stopped (crash:
 * `pg_ctl stop -m immediate`) for 10 s and started again; the answers while it is down are
 * reported by status and text, and afterwards the chain invariants are checked in SQL.
 *
 * Database: LOAD_DATABASE_URL (emptied and filled with `db:generate --scale city` first; refused when
 * it holds anything but generated data); without it, and always with --fault, a PostgreSQL cluster
 * of our own (port 55460 or the next free one), removed afterwards.
 * Options: --duration S (60), --editors N (100), --fault, --down-at S (20), --down-for S (10),
 *          --rate R (all editors together send at most R requests/s; default: each as fast as answered),
 *          --think S (instead: every editor thinks S s on average — exponentially distributed — before each
 *          click, k6-style virtual users; how people work, and the figure to hold to the p95 goal),
 *          --instances N (with --think: N next start processes on the same database, editors spread over
 *          them as by a load balancer — the README's way to scale out),
 *          --rebuild (next build even if .next-bench is fresh), --no-build (use the build as it is).
 * Figures also go to test-results/load/. BENCH_APP_DIR: see scripts/lib/next-server.ts. LOAD_NODE_OPTIONS:
 * NODE_OPTIONS for the app servers only (e.g. --require a script that starts the inspector's profiler).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { ROOT, redact } from "./lib/common.ts";
import { APP_DIR, BENCH_DIST_DIR, ensureBuild, freePortFrom, signIn, startNext, type NextServer } from "./lib/next-server.ts";
import { startControlledCluster, type ControlledCluster } from "./lib/pg-control.ts";
import { GENERATED_PASSWORD, GENERATED_SLUG_PREFIX, generate, parseArgs } from "./generate.ts";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const FAULT = argv.includes("--fault");
const DURATION = opt("--duration", 60);
const EDITORS = opt("--editors", 100);
const DOWN_AT = opt("--down-at", 20);
const DOWN_FOR = opt("--down-for", 10);
/** Requests per second of all editors together (autocannon's overallRate). 0 = as fast as answered. */
const RATE = opt("--rate", 0);
/** Mean think time in seconds before each click of every editor (exponential; k6-style virtual users instead of autocannon). */
const THINK = opt("--think", 0);
/** App instances (next start) behind the editors, each editor always on the same one, as a load balancer with sticky sessions would do (with --think). */
const INSTANCES = opt("--instances", 1);
/**
 * With --think: seconds of editing before the measured DURATION (default 20). The first requests of a
 * fresh server compile code and query plans; they are verified like all others but not timed.
 */
const WARMUP = THINK > 0 ? opt("--warmup", 20) : 0;
const YEAR = 2026;
const OUT_DIR = path.join(ROOT, "test-results", "load");
const log = (m: string) => console.log(`[load] ${m}`);

// ---------------------------------------------------------------------------------------------
// What the editors edit, read from the database before the run.

type MeasureRow = {
  id: string;
  areaId: string;
  description: string;
  kind: string | null;
  withPolice: boolean;
  deadlineKind: string | null;
  deadlineDate: string | null;
  youthStrategy: boolean;
  violentExtremism: boolean;
  confidential: boolean;
  evidenceEffect: string | null;
  version: number;
  parties: { organisation: string; role: string | null }[];
};
type PlanRow = { planId: string; slug: string; version: number; measures: MeasureRow[] };
/** `versions`: what the editor last saw of each measure (an open page keeps its versions when the server fails). */
type Editor = { index: number; email: string; slug: string; base: string; cookie: string; plan: PlanRow; busySince: number; versions: Map<string, number> };

async function readPlans(client: pg.Client): Promise<Map<string, PlanRow>> {
  const { rows } = await client.query<MeasureRow & { planId: string; slug: string; planVersion: number }>(
    `SELECT pl."id" AS "planId", d."slug", pl."version" AS "planVersion", m."id", p."areaId", m."description", m."kind"::text AS "kind", m."withPolice",
            m."deadlineKind"::text AS "deadlineKind", to_char(m."deadlineDate", 'YYYY-MM-DD') AS "deadlineDate", m."youthStrategy", m."violentExtremism",
            m."confidential", m."evidenceEffect", m."version",
            COALESCE((SELECT json_agg(json_build_object('organisation', r."organisation", 'role', r."role") ORDER BY r."position") FROM "ResponsibleParty" r WHERE r."measureId" = m."id"), '[]') AS "parties"
     FROM "Plan" pl JOIN "District" d ON d."id" = pl."districtId" JOIN "PriorityArea" a ON a."planId" = pl."id"
     JOIN "Problem" p ON p."areaId" = a."id" JOIN "Cause" c ON c."problemId" = p."id" JOIN "Measure" m ON m."causeId" = c."id"
     WHERE pl."year" = $1 AND pl."status" = 'DRAFT' AND d."slug" LIKE '${GENERATED_SLUG_PREFIX}%'
     ORDER BY d."slug", a."position", p."position", c."position", m."position"`,
    [YEAR],
  );
  const plans = new Map<string, PlanRow>();
  for (const r of rows) {
    const plan = plans.get(r.slug) ?? { planId: r.planId, slug: r.slug, version: r.planVersion, measures: [] };
    plan.measures.push(r);
    plans.set(r.slug, plan);
  }
  return plans;
}

/** The id of updateMeasureAction in this build: the client chunk that calls it names it. */
function findActionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(APP_DIR, BENCH_DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, v]) => v.exportedName === name && (v.filename ?? "").includes("lib/actions/measures"));
  if (ids.length !== 1) throw new Error(`Found ${ids.length} server actions named ${name} in ${BENCH_DIST_DIR}/server/server-reference-manifest.json`);
  return ids[0]![0];
}

// ---------------------------------------------------------------------------------------------
// The request a browser sends for a server action called by useActionState(action, null) with a
// FormData: multipart, the form's fields prefixed "_1_", the arguments as "0" = [null, "$K1"].

const BOUNDARY = "----trygghetsplanload7d1f";
function actionBody(fields: [string, string][]): string {
  const part = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return fields.map(([k, v]) => part(`_1_${k}`, v)).join("") + part("0", '[null,"$K1"]') + `--${BOUNDARY}--\r\n`;
}

function measureFields(slug: string, m: MeasureRow, version: number, description: string): [string, string][] {
  const f: [string, string][] = [
    ["districtSlug", slug], ["year", String(YEAR)], ["id", m.id], ["version", String(version)], ["description", description],
    ["kind", m.kind ?? ""], ["deadlineKind", m.deadlineKind ?? ""], ["deadlineDate", m.deadlineDate ?? ""],
  ];
  if (m.withPolice) f.push(["withPolice", "on"]);
  if (m.youthStrategy) f.push(["youthStrategy", "on"]);
  if (m.violentExtremism) f.push(["violentExtremism", "on"]);
  if (m.confidential) f.push(["confidential", "on"]);
  if (m.evidenceEffect) f.push(["evidenceEffect", m.evidenceEffect]);
  m.parties.forEach((p, i) => f.push([`responsible.${i}.organisation`, p.organisation], [`responsible.${i}.role`, p.role ?? ""]));
  return f;
}

/** The action's result from the RSC response: row 0 names the row that holds it ("a":"$@1"). */
export function actionResult(body: string): { ok: boolean; code?: string; message?: string } | null {
  const lines = body.split("\n");
  const root = lines.find((l) => l.startsWith("0:"));
  if (!root) return null;
  try {
    const ref = (JSON.parse(root.slice(2)) as { a?: string }).a;
    if (typeof ref !== "string" || !ref.startsWith("$@")) return null;
    const row = lines.find((l) => l.startsWith(`${ref.slice(2)}:`));
    return row ? (JSON.parse(row.slice(row.indexOf(":") + 1)) as { ok: boolean; code?: string; message?: string }) : null;
  } catch {
    return null;
  }
}

/** The measure's version as the area page shows it (in the page's RSC data). */
function versionOnPage(html: string, measureId: string): number | null {
  const i = html.indexOf(`\\"id\\":\\"${measureId}\\",\\"description\\"`);
  if (i < 0) return null;
  const m = /\\"version\\":(\d+)/.exec(html.slice(i, i + 60_000));
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------

/** What the report reads of a run (autocannon's result, or the same figures from the virtual editors). */
type RunResult = {
  requests: { total: number };
  errors: number;
  timeouts: number;
  latency: { p50: number; p97_5: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
};

type Attempt = { editor: number; measureId: string; planId: string; marker: string; sentVersion: number; outcome: string; status: number; ms: number; at: number; message?: string };

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s[s.length - 1] ?? NaN };
};
const fmt = (s: ReturnType<typeof summary>) => `n=${s.n} p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;

async function main() {
  const started = new Date();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  let cluster: ControlledCluster | undefined;
  const servers: (NextServer & { output(): string })[] = [];
  let databaseUrl = process.env.LOAD_DATABASE_URL;
  try {
    if (FAULT || !databaseUrl) {
      cluster = await startControlledCluster(await freePortFrom(55460), log);
      databaseUrl = cluster.url;
    } else {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      const other = await c.query(`SELECT 1 FROM "Municipality" WHERE "slug" NOT LIKE '${GENERATED_SLUG_PREFIX}%' LIMIT 1`).catch(() => ({ rowCount: 0 }));
      await c.end();
      if (other.rowCount) throw new Error(`LOAD_DATABASE_URL ${redact(databaseUrl)} holds data that was not generated: the load test empties its database, use another one.`);
    }
    await generate(databaseUrl, { ...parseArgs(["--scale", "city"]), reset: true }, (m) => log(m));

    await ensureBuild(log, argv.includes("--rebuild"));
    const actionId = findActionId("updateMeasureAction");
    if (INSTANCES > 1 && THINK <= 0) throw new Error("--instances needs --think (autocannon drives one address).");
    // LOAD_NODE_OPTIONS: for the app servers only, e.g. "--cpu-prof --cpu-prof-dir=test-results/load/prof" to see where their time goes.
    const nodeOptions = process.env.LOAD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.LOAD_NODE_OPTIONS } : undefined;
    for (let i = 0; i < INSTANCES; i++) servers.push(await startNext({ databaseUrl, port: await freePortFrom(3400 + i * 10), env: nodeOptions }, log));
    const base = servers[0]!.url;
    const baseOf = (index: number) => servers[index % servers.length]!.url;

    // Not kept open during the run: the fault test stops the server under it.
    let db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const plans = await readPlans(db);
    const { rows: users } = await db.query<{ email: string; slug: string }>(
      `SELECT u."email", d."slug" FROM "User" u JOIN "Membership" ms ON ms."userId" = u."id" AND ms."role" = 'STRATEGIST' JOIN "District" d ON d."id" = ms."districtId"
       ORDER BY split_part(u."email", '.', 1), d."slug"`,
    );
    if (users.length < EDITORS) throw new Error(`Only ${users.length} strategists for ${EDITORS} editors (db:generate --editors).`);
    const before = await db.query<{ id: string; version: number; parties: number }>(
      `SELECT m."id", m."version", (SELECT count(*) FROM "ResponsibleParty" r WHERE r."measureId" = m."id")::int AS "parties" FROM "Measure" m`,
    );
    const initial = new Map(before.rows.map((r) => [r.id, r]));
    const planVersions = new Map([...plans.values()].map((p) => [p.planId, p.version]));
    const auditBefore = Number((await db.query<{ max: string | null }>(`SELECT max("id")::text AS "max" FROM "AuditLog"`)).rows[0]!.max ?? 0);
    await db.end();

    // 1. Sign-in: every editor at once.
    log(`${EDITORS} editors sign in at once (${plans.size} districts, ${[...plans.values()].reduce((n, p) => n + p.measures.length, 0)} measures)…`);
    const signInMs: number[] = [];
    const signInRetries: string[] = [];
    const t0 = performance.now();
    const editors: Editor[] = await Promise.all(
      users.slice(0, EDITORS).map(async (u, index) => {
        const t = performance.now();
        // One retry: with 100 password checks at once a sign-in can wait long and the client give up.
        const home = baseOf(index);
        const cookie = await signIn(home, u.email, GENERATED_PASSWORD).catch((err: Error) => {
          signInRetries.push(`${u.email}: ${err.message}${err.cause ? ` (${(err.cause as Error).message})` : ""}`);
          return signIn(home, u.email, GENERATED_PASSWORD);
        });
        signInMs.push(performance.now() - t);
        return { index, email: u.email, slug: u.slug, base: home, cookie, plan: plans.get(u.slug)!, busySince: 0, versions: new Map() };
      }),
    );
    const signInWall = performance.now() - t0;
    log(`  signed in: ${fmt(summary(signInMs))}; all ${EDITORS} in ${(signInWall / 1000).toFixed(1)} s; retried: ${signInRetries.length}`);
    for (const r of signInRetries.slice(0, 5)) log(`    retried ${r}`);

    // Each editor opens a page of their plan once (not measured): the server's first requests
    // compile query plans and load code, which is start-up, not load.
    const tw = performance.now();
    await Promise.all(
      editors.map(async (e) => {
        const res = await fetch(`${e.base}/plans/${e.slug}/${YEAR}/areas/${e.plan.measures[0]!.areaId}`, { headers: { cookie: e.cookie } });
        await res.arrayBuffer();
      }),
    );
    log(`  warm-up: every editor opened an area page once (${((performance.now() - tw) / 1000).toFixed(1)} s)`);

    // 2. Editing, driven by autocannon: each connection takes a free editor for one page + save.
    const attempts: Attempt[] = [];
    /** Page answer times, and when (ms since the start of the run) each page was asked for. */
    const pageMs: number[] = [];
    const pageAt: number[] = [];
    const pageCode: number[] = [];
    const pageStatus = new Map<number, number>();
    const downAnswers = new Map<string, number>();
    let parseMisses = 0;
    let seq = 0;
    /** The database's down time in ms since the start of the run (fault test). */
    const down = { active: false, from: Infinity, to: Infinity };
    const free = [...editors];
    const runStart = performance.now();
    type Ctx = { editor?: Editor; measure?: MeasureRow; version?: number; t?: number; attempt?: Attempt; pageFailed?: boolean };
    const release = (ctx: Ctx) => {
      if (ctx.editor && !free.includes(ctx.editor)) free.push(ctx.editor);
      ctx.editor = undefined;
    };
    /** An editor whose request got no answer (connection reset, timeout) is taken back after a while. */
    const take = (): Editor => {
      const editor = free.shift() ?? editors.reduce((a, b) => (b.busySince < a.busySince ? b : a));
      editor.busySince = performance.now();
      return editor;
    };
    const pending = new Map<string, Attempt>();
    const noteDown = (status: number, body: string, location?: string) => {
      if (!down.active) return;
      const now = performance.now() - runStart;
      if (now < down.from || now > down.to + 2000) return;
      // An action's own result as it is; else the page's "försök igen" sentence, its title, or the start of the body.
      const text = (
        /^save → [A-Z_]+: /.test(body)
          ? body.slice(0, 160)
          : body.includes('id="__next_error__"')
            ? "the app's error page (app/error.tsx: “Något gick fel … Försök igen om en stund.”)"
            : (/(försök igen[^<"]{0,80})/i.exec(body)?.[1] ?? /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? body.slice(0, 80))
      ).replace(/\s+/g, " ");
      const key = location ? `${status} → ${location.replace(base, "")}` : `${status} ${text}`;
      downAnswers.set(key, (downAnswers.get(key) ?? 0) + 1);
    };

    // One page view and one save, shared by the two drivers below: what to request, and what the answer means.
    const pageRequest = (ctx: Ctx, editor: Editor) => {
      ctx.editor = editor;
      ctx.version = undefined;
      ctx.pageFailed = undefined;
      // Mostly the measures of "their" area, now and then any other of the plan.
      const list = editor.plan.measures;
      const own = list.filter((m) => m.areaId === list[(editor.index * 7) % list.length]!.areaId);
      ctx.measure = Math.random() < 0.8 && own.length ? own[Math.floor(Math.random() * own.length)]! : list[Math.floor(Math.random() * list.length)]!;
      ctx.t = performance.now();
      return { path: `/plans/${editor.slug}/${YEAR}/areas/${ctx.measure.areaId}`, headers: { cookie: editor.cookie } };
    };
    const onPage = (ctx: Ctx, status: number, body: string, location?: string) => {
      pageMs.push(performance.now() - (ctx.t ?? performance.now()));
      pageAt.push((ctx.t ?? performance.now()) - runStart);
      pageStatus.set(status, (pageStatus.get(status) ?? 0) + 1);
      pageCode.push(status);
      noteDown(status, body, location);
      ctx.pageFailed = status !== 200;
      if (status === 200 && ctx.measure) {
        const v = versionOnPage(body, ctx.measure.id);
        if (v === null) parseMisses++;
        ctx.version = v ?? ctx.editor?.versions.get(ctx.measure.id) ?? ctx.measure.version;
        if (v !== null) ctx.editor?.versions.set(ctx.measure.id, v);
      } else if (FAULT && ctx.measure) {
        // The fault test: the editor still has the page open from before and clicks save anyway.
        ctx.pageFailed = false;
        ctx.version = ctx.editor?.versions.get(ctx.measure.id) ?? ctx.measure.version;
      }
    };
    /** The save after the page, or null when there is nothing to save (the page failed). */
    const saveRequest = (ctx: Ctx) => {
      if (ctx.pageFailed !== false || ctx.version === undefined || !ctx.editor || !ctx.measure) return null;
      const editor = ctx.editor;
      const m = ctx.measure;
      const marker = `[L ${editor.index}-${++seq}]`;
      const description = `${m.description.replace(/ \[L \d+-\d+\]$/, "")} ${marker}`;
      ctx.attempt = { editor: editor.index, measureId: m.id, planId: editor.plan.planId, marker, sentVersion: ctx.version, outcome: "NO ANSWER", status: 0, ms: 0, at: performance.now() - runStart };
      pending.set(marker, ctx.attempt);
      ctx.t = performance.now();
      return {
        path: `/plans/${editor.slug}/${YEAR}/areas/${m.areaId}`,
        headers: {
          cookie: editor.cookie,
          "next-action": actionId,
          accept: "text/x-component",
          origin: editor.base,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        },
        body: actionBody(measureFields(editor.slug, m, ctx.version, description)),
      };
    };
    const onSave = (ctx: Ctx, status: number, body: string, location?: string) => {
      const a = ctx.attempt;
      if (!a) return;
      a.ms = performance.now() - (ctx.t ?? performance.now());
      a.status = status;
      const result = status === 200 ? actionResult(body) : null;
      a.outcome = result ? (result.ok ? "OK" : (result.code ?? "FAILED")) : `HTTP ${status}`;
      if (result && !result.ok) a.message = result.message;
      // An answer without the action's result: keep its start for the report's files.
      if (!result) a.message = body.slice(0, 3000);
      if (result?.ok) ctx.editor?.versions.set(a.measureId, a.sentVersion + 1);
      if (result?.ok) ctx.measure!.description = `${ctx.measure!.description.replace(/ \[L \d+-\d+\]$/, "")} ${a.marker}`;
      pending.delete(a.marker);
      attempts.push(a);
      noteDown(status, result ? (result.ok ? "save → OK: saved" : `save → ${result.code}: ${result.message ?? ""}`) : `save → ${body}`, location);
    };

    let faultTimers: NodeJS.Timeout[] = [];
    const driven = THINK > 0 ? thinkingEditors() : closedLoop();

    /** autocannon: each connection takes a free editor for one page + save, again and again (at most RATE requests/s in all). */
    function closedLoop(): Promise<RunResult> {
      return autocannon({
        url: base,
        connections: EDITORS,
        duration: DURATION,
        timeout: 30,
        ...(RATE > 0 ? { overallRate: RATE } : {}),
        requests: [
          {
            method: "GET",
            setupRequest: (req, context) => ({ ...req, method: "GET", ...pageRequest(context as Ctx, take()) }),
            onResponse: (status, body, context, headers) => onPage(context as Ctx, status, body, (headers as Record<string, string> | undefined)?.location),
          },
          {
            method: "POST",
            setupRequest: (req, context) => {
              const save = saveRequest(context as Ctx);
              if (!save) {
                release(context as Ctx);
                return undefined as unknown as typeof req; // start over with the page
              }
              return { ...req, method: "POST", ...save };
            },
            onResponse: (status, body, context, headers) => {
              onSave(context as Ctx, status, body, (headers as Record<string, string> | undefined)?.location);
              release(context as Ctx);
            },
          },
        ],
      }) as unknown as Promise<RunResult>;
    }

    /**
     * k6-style virtual users: every editor its own loop for DURATION s — think, open the page, think,
     * save — with think times drawn from an exponential distribution of mean THINK s (people do not
     * click in step), so requests arrive as they would from 100 people at work.
     */
    async function thinkingEditors(): Promise<RunResult> {
      const until = runStart + (WARMUP + DURATION) * 1000;
      // Never past the end of the run: the last think is cut short.
      const think = () => new Promise((r) => setTimeout(r, Math.min(-Math.log(1 - Math.random()) * THINK * 1000, Math.max(0, until - performance.now()))));
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      let errors = 0;
      const request = async (editor: Editor, path: string, init: RequestInit) => {
        const t = performance.now();
        try {
          const res = await fetch(`${editor.base}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
          const body = await res.text();
          latencies.push(performance.now() - t);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          return { status: res.status, body, location: res.headers.get("location") ?? undefined };
        } catch {
          errors++;
          return null;
        }
      };
      await Promise.all(
        editors.map(async (editor) => {
          // Editors start their first click at different moments of the first think time.
          await new Promise((r) => setTimeout(r, Math.random() * THINK * 1000));
          while (performance.now() < until) {
            const ctx: Ctx = {};
            const page = pageRequest(ctx, editor);
            const got = await request(editor, page.path, { headers: page.headers });
            if (!got) continue;
            onPage(ctx, got.status, got.body, got.location);
            await think();
            if (performance.now() >= until) break;
            const save = saveRequest(ctx);
            if (save) {
              const answer = await request(editor, save.path, { method: "POST", headers: save.headers, body: save.body });
              if (answer) onSave(ctx, answer.status, answer.body, answer.location);
            }
            await think();
          }
        }),
      );
      const sorted = [...latencies].sort((x, y) => x - y);
      return {
        requests: { total: latencies.length },
        errors,
        timeouts: 0,
        latency: { p50: Math.round(percentile(sorted, 0.5)), p97_5: Math.round(percentile(sorted, 0.975)), p99: Math.round(percentile(sorted, 0.99)) },
        statusCodeStats: Object.fromEntries([...statuses].map(([k, count]) => [String(k), { count }])),
      };
    }
    if (FAULT && cluster) {
      const c = cluster;
      faultTimers = [
        setTimeout(() => {
          Object.assign(down, { active: true, from: performance.now() - runStart });
          log(`t=${WARMUP + DOWN_AT}s: stopping PostgreSQL (pg_ctl stop -m immediate)`);
          void c.stopServer("immediate").then(() =>
            setTimeout(() => {
              log(`t=${WARMUP + DOWN_AT + DOWN_FOR}s: starting PostgreSQL again`);
              void c.startServer().then(() => {
                down.to = performance.now() - runStart;
                log(`  PostgreSQL is up again (t=${(down.to / 1000).toFixed(1)}s)`);
              });
            }, DOWN_FOR * 1000),
          );
        }, (WARMUP + DOWN_AT) * 1000),
      ];
    }
    const result = await driven;
    faultTimers.forEach(clearTimeout);
    const runSeconds = (performance.now() - runStart) / 1000;
    // Saves still on their way when the run ended (or whose connection broke): no answer, outcome unknown to the editor.
    attempts.push(...pending.values());
    await new Promise((r) => setTimeout(r, 3000)); // let the server finish what it was still doing
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();

    // 3. What the editors were told vs what the database holds.
    const edits = summary(attempts.filter((a) => a.status > 0 && a.at >= WARMUP * 1000).map((a) => a.ms));
    // Timed: what was asked after the warm-up (every attempt is verified below, warm-up or not).
    const timedPages = pageMs.filter((_, i) => pageAt[i]! >= WARMUP * 1000);
    const timedSaves = attempts.filter((a) => a.status > 0 && a.at >= WARMUP * 1000).map((a) => a.ms);
    const pages = summary(timedPages);
    const all = summary([...timedPages, ...timedSaves]);
    const byOutcome = new Map<string, number>();
    for (const a of attempts) byOutcome.set(a.outcome, (byOutcome.get(a.outcome) ?? 0) + 1);

    const audit = await db.query<{ entityId: string; planId: string; marker: string | null; beforeVersion: number | null }>(
      `SELECT "entityId", "planId"::text AS "planId", substring("after"->>'description' from '\\[L [0-9]+-[0-9]+\\]$') AS "marker", ("before"->>'version')::int AS "beforeVersion"
       FROM "AuditLog" WHERE "id" > $1 AND "action" = 'measure.update'`,
      [auditBefore],
    );
    const auditMarkers = new Set(audit.rows.map((r) => r.marker));
    const ok = attempts.filter((a) => a.outcome === "OK");
    const conflicts = attempts.filter((a) => a.outcome === "CONFLICT");
    const lost = ok.filter((a) => !auditMarkers.has(a.marker));
    const conflictWritten = conflicts.filter((a) => auditMarkers.has(a.marker));
    const failed = attempts.filter((a) => a.outcome !== "OK" && a.outcome !== "CONFLICT");
    const failedButWritten = failed.filter((a) => auditMarkers.has(a.marker));

    // Per measure: version grew by exactly its audit rows, no two updates from the same version,
    // its text is the last update's, and its responsible parties are all there (delete + insert in one transaction).
    const after = await db.query<{ id: string; version: number; marker: string | null; parties: number; causeOk: boolean }>(
      `SELECT m."id", m."version", substring(m."description" from '\\[L [0-9]+-[0-9]+\\]$') AS "marker",
              (SELECT count(*) FROM "ResponsibleParty" r WHERE r."measureId" = m."id")::int AS "parties",
              EXISTS (SELECT 1 FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" WHERE c."id" = m."causeId") AS "causeOk"
       FROM "Measure" m`,
    );
    const auditByMeasure = new Map<string, { versions: number[]; markers: (string | null)[] }>();
    for (const r of audit.rows) {
      const e = auditByMeasure.get(r.entityId) ?? { versions: [], markers: [] };
      e.versions.push(r.beforeVersion ?? -1);
      e.markers.push(r.marker);
      auditByMeasure.set(r.entityId, e);
    }
    const problems: string[] = [];
    for (const m of after.rows) {
      const start = initial.get(m.id);
      const e = auditByMeasure.get(m.id) ?? { versions: [], markers: [] };
      if (!m.causeOk) problems.push(`measure ${m.id} has no cause/problem`);
      if (!start) continue;
      if (m.version !== start.version + e.versions.length) problems.push(`measure ${m.id}: version ${start.version} → ${m.version} but ${e.versions.length} audit rows`);
      if (new Set(e.versions).size !== e.versions.length) problems.push(`measure ${m.id}: two updates from the same version (${e.versions.join(",")})`);
      if (m.parties !== start.parties) problems.push(`measure ${m.id}: ${start.parties} responsible parties before, ${m.parties} after`);
      if (e.versions.length > 0) {
        const last = e.markers[e.versions.indexOf(Math.max(...e.versions))];
        if (last !== m.marker) problems.push(`measure ${m.id}: text ends with ${m.marker}, the last update wrote ${last}`);
      }
    }
    const planAfter = await db.query<{ id: string; version: number }>(`SELECT "id", "version" FROM "Plan"`);
    for (const p of planAfter.rows) {
      const startVersion = planVersions.get(p.id);
      if (startVersion === undefined) continue;
      const edits = audit.rows.filter((r) => r.planId === p.id).length;
      if (p.version !== startVersion + edits) problems.push(`plan ${p.id}: version ${startVersion} → ${p.version} but ${edits} edits audited`);
    }
    const orphans = await db.query<{ what: string; n: number }>(
      `SELECT 'causes without problem' AS "what", count(*)::int AS "n" FROM "Cause" c WHERE NOT EXISTS (SELECT 1 FROM "Problem" p WHERE p."id" = c."problemId")
       UNION ALL SELECT 'goals without measure', count(*)::int FROM "Goal" g WHERE NOT EXISTS (SELECT 1 FROM "Measure" m WHERE m."id" = g."measureId")
       UNION ALL SELECT 'measure.update audit rows without actor', count(*)::int FROM "AuditLog" a WHERE a."id" > $1 AND a."action" = 'measure.update' AND a."actorId" IS NULL`,
      [auditBefore],
    );
    for (const o of orphans.rows) if (o.n > 0) problems.push(`${o.n} ${o.what}`);
    await db.end();

    // 4. Report.
    const status = result.statusCodeStats as unknown as Record<string, { count: number }>;
    const http5xx = Object.entries(status).filter(([s]) => s.startsWith("5")).reduce((n, [, v]) => n + v.count, 0);
    // The fault test: answers while the database is down (and 2 s after) are the "try again" answers
    // reported below; any other 5xx is a failure.
    const inDownWindow = (at: number) => FAULT && at >= down.from && at <= down.to + 2000;
    const http5xxOutside =
      pageCode.filter((c, i) => c >= 500 && !inDownWindow(pageAt[i]!)).length + attempts.filter((a) => a.status >= 500 && !inDownWindow(a.at)).length;
    const lines = [
      `Load test ${FAULT ? "WITH FAULT " : ""}— ${started.toISOString()}, ${EDITORS} editors, ${DURATION} s, ${INSTANCES > 1 ? `${INSTANCES} app instances, ` : ""}${THINK > 0 ? `each thinking ${THINK} s on average before every click (page, then save), timed after ${WARMUP} s of warm-up` : RATE > 0 ? `at most ${RATE} requests/s in all` : "each as fast as answered"}, ${plans.size} districts, database ${cluster ? "own cluster" : redact(databaseUrl)}`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; load average at start ${loadAtStart}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (other processes share the machine)`,
      `sign-in (${EDITORS} at once): ${fmt(summary(signInMs))}; all done in ${(signInWall / 1000).toFixed(1)} s; ${signInRetries.length} retried after the client gave up`,
      `requests: ${result.requests.total} in ${runSeconds.toFixed(0)} s = ${(result.requests.total / runSeconds).toFixed(1)} req/s (${(attempts.length / runSeconds).toFixed(1)} saves/s); ${THINK > 0 ? "failed requests" : "autocannon errors"} ${result.errors}, timeouts ${result.timeouts}`,
      `  area page (GET):   ${fmt(pages)}`,
      `  save (POST action): ${fmt(edits)}`,
      `  all requests:       ${fmt(all)}   [${THINK > 0 ? "incl. warm-up" : "autocannon"}: p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms]`,
      `HTTP status: ${Object.entries(status).map(([s, v]) => `${s}: ${v.count}`).join(", ")}   (page GETs: ${[...pageStatus].map(([s, n]) => `${s}: ${n}`).join(", ")})`,
      `save outcomes: ${[...byOutcome].map(([k, n]) => `${k}: ${n}`).join(", ")}; version not found on the page: ${parseMisses}`,
      `verified in SQL: ${ok.length} OK saves → ${ok.length - lost.length} in the audit log and the measures (${lost.length} LOST); ${conflicts.length} CONFLICT answers → ${conflictWritten.length} written anyway; ` +
        `${failed.length} other answers → ${failedButWritten.length} written anyway; invariants: ${problems.length === 0 ? "all hold" : `${problems.length} broken`}`,
      ...problems.slice(0, 20).map((p) => `  ✖ ${p}`),
    ];
    // What the server logged as errors, by kind (the log is in test-results/load/).
    const serverErrors = new Map<string, number>();
    for (const chunk of servers.map((x) => x.output()).join("\n").split("⨯ ").slice(1)) {
      const first = chunk.split("\n")[0]!.replace(/^Error \[(\w+)\]: /, "$1: ").slice(0, 110);
      const code = /code: '(\w+)'/.exec(chunk.slice(0, 1500))?.[1];
      const key = `${first}${code ? ` (code ${code})` : ""}`;
      serverErrors.set(key, (serverErrors.get(key) ?? 0) + 1);
    }
    lines.push(`server log errors: ${serverErrors.size === 0 ? "none" : ""}`);
    for (const [k, n] of [...serverErrors].sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`  ${String(n).padStart(5)} × ${k}`);
    if (FAULT) {
      lines.push(`database down from t=${(down.from / 1000).toFixed(1)} s to t=${(down.to / 1000).toFixed(1)} s (up again = pg_ctl start returned); answers from then until 2 s after (status, text):`);
      for (const [k, n] of [...downAnswers].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)} × ${k}`);
      const afterUp = attempts.filter((a) => a.at > down.to + 5000);
      const okAfter = afterUp.filter((a) => a.outcome === "OK" || a.outcome === "CONFLICT").length;
      lines.push(`saves later than 5 s after the restart: ${afterUp.length}, of them answered OK/CONFLICT: ${okAfter}`);
    }
    const goals = [
      `p95 < 300 ms: ${all.p95 < 300 ? "met" : "MISSED"} (all requests p95 ${all.p95.toFixed(0)} ms; saves ${edits.p95.toFixed(0)} ms, pages ${pages.p95.toFixed(0)} ms)`,
      FAULT
        ? `zero 5xx apart from the "try again" answers while the database was down: ${http5xxOutside === 0 ? "met" : `MISSED (${http5xxOutside})`} (${http5xx - http5xxOutside} while it was down)`
        : `zero 5xx: ${http5xx === 0 ? "met" : `MISSED (${http5xx})`}`,
      `zero lost updates: ${lost.length === 0 && conflictWritten.length === 0 && problems.length === 0 ? "met" : "MISSED"}`,
    ];
    lines.push(...goals);
    console.log(`\n${lines.join("\n")}`);
    mkdirSync(OUT_DIR, { recursive: true });
    const name = FAULT ? "fault" : "load";
    writeFileSync(path.join(OUT_DIR, `${name}.txt`), `${lines.join("\n")}\n`);
    writeFileSync(path.join(OUT_DIR, `${name}-attempts.json`), JSON.stringify(attempts));
    writeFileSync(path.join(OUT_DIR, `${name}-server.log`), servers.map((x, i) => `=== instance ${i + 1}: ${x.url}\n${x.output()}`).join("\n"));
  } finally {
    for (const x of servers) await x.stop();
    if (cluster) await cluster.remove();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
