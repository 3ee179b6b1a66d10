// npm run bench: figures and ratios measured in one run on this machine (docs/performance.md).
//  - export of a 100-measure plan to .xlsx (synthetic tree, and a generated plan read from the database),
//  - import of a 200-measure workbook: read the file, find the rows, plan the changes,
//  - with DATABASE_URL: the same import written in one transaction (rolled back afterwards),
//  - with BENCH_CITY_URL / BENCH_NATIONAL_URL (databases filled by `npm run db:generate -- --scale
//    city|national`): the review console at national scale vs at 13 districts, search at national
//    scale, both with EXPLAIN (ANALYZE, BUFFERS) of their SQL (scripts/bench-db.ts, one process per
//    database), and the plan page of a 100-measure plan vs a trivial page under `next start`
//    (its own build in .next-bench, a free port from 3400, signed in as a generated strategist).
// Options: --only xlsx,import,review,search,page   --rebuild (next build even if the build is fresh)
//          --no-build (use the build as it is); BENCH_APP_DIR: see scripts/lib/next-server.ts.
// Run with `node --conditions=react-server` (package.json does) so lib/xlsx's "server-only" loads.
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { readWorkbook } from "@/lib/domain/import";
import { planImport } from "@/lib/domain/import-plan";
import { summarizeTree } from "@/lib/domain/summary";
import { CENTRAL_AREAS, type AreaNode } from "@/lib/domain/types";
import { planWorkbook } from "@/lib/xlsx/export";
import { readWorkbookGrids } from "@/lib/xlsx/read";
import { ROOT, redact } from "./lib/common.ts";
import { ensureBuild, freePortFrom, signIn, startNext } from "./lib/next-server.ts";
import { GENERATED_EMAIL_DOMAIN, GENERATED_PASSWORD } from "./generate.ts";

/** A plan with `measures` measures spread over the five areas, realistic text lengths, 1–3 goals each. */
function syntheticPlan(measures: number): AreaNode[] {
  const text = (n: number, what: string) => `${what} ${n}: ${"Samverkan mellan stadsdelsförvaltningen, polisen och fastighetsägare kring trygghet. ".repeat(3)}`;
  return CENTRAL_AREAS.map((c, a) => ({
    id: randomUUID(),
    name: CENTRAL_AREA_NAMES[c],
    centralArea: c,
    position: a,
    problems: Array.from({ length: Math.ceil(measures / 5 / 4) }, (_, p) => ({
      id: randomUUID(),
      collectiveName: `Samlingsnamn ${a}.${p}`,
      description: text(p, "Problem"),
      position: p,
      causes: Array.from({ length: 2 }, (_, ci) => ({
        id: randomUUID(),
        description: text(ci, "Orsak"),
        position: ci,
        measures: Array.from({ length: 2 }, (_, mi) => ({
          id: randomUUID(),
          description: text(mi, "Åtgärd"),
          kind: null,
          withPolice: mi === 0,
          deadline: mi === 0 ? ({ kind: "DATE", date: "2026-12-31" } as const) : ({ kind: "ONGOING" } as const),
          responsibleParties: [{ organisation: "Stadsdelsförvaltningen", role: "Fältassistenter" }, { organisation: "Polisen", role: null }],
          youthStrategy: false,
          violentExtremism: false,
          position: mi,
          goals: Array.from({ length: 1 + ((p + mi) % 3) }, (_, gi) => ({ id: randomUUID(), description: `Minst ${gi + 10} trygghetsvandringar under året`, targetValue: gi + 10, position: gi })),
        })),
      })),
    })),
  }));
}

const count = (areas: AreaNode[]) => areas.reduce((n, a) => n + a.problems.reduce((m, p) => m + p.causes.reduce((k, c) => k + c.measures.length, 0), 0), 0);

async function time<T>(label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label.padEnd(58)} median ${median.toFixed(0).padStart(5)} ms   min ${ms[0]!.toFixed(0).padStart(5)} ms   (${runs} runs)`);
  lastMedian = median;
  return result!;
}
let lastMedian = 0;

// ---------------------------------------------------------------------------------------------
// Figures with their goals, printed as a table at the end and written to test-results/bench/.

type Figure = { what: string; value: string; goal?: string; met?: boolean };
const figures: Figure[] = [];
const OUT_DIR = path.join(ROOT, "test-results", "bench");
const only = (() => {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? new Set(process.argv[i + 1]!.split(",")) : null;
})();
const wants = (part: string) => !only || only.has(part);
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const log = (m: string) => console.log(m);

type Timing = { medianMs: number; p95Ms: number; minMs: number; runs: number };
type Explained = { sql: string; executionMs: number; indexes: string[]; seqScans: string[]; plan: string };

/** Runs scripts/bench-db.ts against one database in its own process (the app's Prisma client is one per process). */
function benchDb<T>(databaseUrl: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "bench-db.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "4" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_JSON "));
      if (code !== 0 || !line) return reject(new Error(`bench-db ${args.join(" ")} on ${redact(databaseUrl)} failed (exit ${code}):\n${out.slice(-2000)}`));
      resolve(JSON.parse(line.slice("BENCH_JSON ".length)) as T);
    });
  });
}

function printExplained(name: string, explained: Explained[]) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `explain-${name}.txt`);
  writeFileSync(file, explained.map((e) => `${e.sql.trim()}\n\n${e.plan}\n`).join(`\n${"-".repeat(100)}\n\n`));
  for (const [i, e] of explained.entries()) {
    console.log(`    EXPLAIN ANALYZE statement ${i + 1}: ${ms(e.executionMs)} in PostgreSQL`);
    console.log(`      indexes:    ${e.indexes.join(", ") || "(none)"}`);
    console.log(`      seq scans:  ${e.seqScans.join(", ") || "(none)"}`);
  }
  console.log(`    full plans: ${path.relative(ROOT, file)}`);
}

// ---------------------------------------------------------------------------------------------

async function xlsxAndImport() {
  const plan100 = syntheticPlan(100);
  const plan200 = syntheticPlan(200);
  const summary = (areas: AreaNode[]) => summarizeTree({ id: "bench", areas }).rows;

  if (wants("xlsx")) {
    await time(`export .xlsx, ${count(plan100)} measures (synthetic tree)`, 5, () => planWorkbook({ districtName: "Bench", year: 2026, areas: plan100, summary: summary(plan100) }));
    figures.push({ what: `xlsx export, ${count(plan100)}-measure plan (synthetic tree, no database)`, value: ms(lastMedian), goal: "< 1 s", met: lastMedian < 1000 });
  }
  if (!wants("import")) return;
  const file200 = await planWorkbook({ districtName: "Bench", year: 2026, areas: plan200, summary: summary(plan200) });
  console.log(`  (the ${count(plan200)}-measure workbook is ${(file200.byteLength / 1024).toFixed(0)} kB)`);
  await time(`import ${count(plan200)} measures: read + rows + plan (new plan)`, 5, async () => {
    const { sheets } = readWorkbook(await readWorkbookGrids(file200));
    return planImport(sheets, [], 2026);
  });
  await time(`import ${count(plan200)} measures: read + rows + plan (re-import)`, 5, async () => {
    const { sheets } = readWorkbook(await readWorkbookGrids(file200));
    return planImport(sheets, plan200, 2026);
  });

  if (!process.env.DATABASE_URL) {
    console.log("DATABASE_URL not set: the import's write into the database is not measured.");
    return;
  }
  const { db } = await import("@/lib/db/client");
  const { writeImport } = await import("@/lib/db/import");
  const { insertAudits } = await import("@/lib/db/audit");
  const { insertPlanWithCentralAreas } = await import("@/lib/db/plans");
  const user = await db.user.findFirst({ select: { id: true } });
  const district = await db.district.findFirst({ select: { id: true } });
  if (!user || !district) {
    console.log("The database has no user or district (run the seed): the write is not measured.");
    return;
  }
  const ROLLBACK = new Error("rollback");
  await time(`import ${count(plan200)} measures: read + plan + write in one transaction`, 3, async () => {
    await db
      .$transaction(
        async (tx) => {
          const plan = await insertPlanWithCentralAreas(tx, district.id, 2099);
          const { sheets } = readWorkbook(await readWorkbookGrids(file200));
          const current = await tx.priorityArea.findMany({ where: { planId: plan.id }, select: { id: true, name: true, centralArea: true, position: true } });
          const planned = planImport(sheets, current.map((a) => ({ ...a, problems: [] })), 2099);
          await insertAudits(tx, await writeImport(tx, plan.id, user.id, planned));
          throw ROLLBACK;
        },
        { timeout: 60_000 },
      )
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
  });
  await db.$disconnect();
}

type ReviewResult = { plans: number; rows: number; measures: number; municipalities: number; database: { plans: number; measures: number; districts: number }; timing: Timing; filteredTiming: Timing; explained: Explained[] };
type SearchResult = { all: boolean; year: number | null; districts: number; database: { plans: number; measures: number }; results: { query: string; total: number; timing: Timing }[]; explained: Explained[] };

async function reviewConsole(cityUrl: string | undefined, nationalUrl: string | undefined) {
  console.log("\nReview console (lib/db/review.ts#reviewMatrix: counts in SQL + SMART share in TS), Stockholm's 13 districts, 2026");
  const show = (label: string, r: ReviewResult) =>
    console.log(
      `  ${label.padEnd(56)} median ${ms(r.timing.medianMs).padStart(7)}  p95 ${ms(r.timing.p95Ms).padStart(7)}  (${r.plans} plans, ${r.measures} measures counted; database: ${r.database.plans} plans, ${r.database.measures.toLocaleString("en")} measures)` +
        `\n  ${"".padEnd(56)} with the police filter: median ${ms(r.filteredTiming.medianMs)}`,
    );
  let city: ReviewResult | undefined;
  let national: ReviewResult | undefined;
  if (cityUrl) {
    city = await benchDb<ReviewResult>(cityUrl, ["review"]);
    show("city database (13 districts, 1 year)", city);
    printExplained("review-city", city.explained);
  }
  if (nationalUrl) {
    national = await benchDb<ReviewResult>(nationalUrl, ["review"]);
    show("national database (290 municipalities, 10 years)", national);
    printExplained("review-national", national.explained);
    const all = await benchDb<ReviewResult>(nationalUrl, ["review", "--all"]);
    show(`national database, all ${all.municipalities} municipalities at once`, all);
    printExplained("review-national-all", all.explained);
    figures.push({ what: `review console, all ${all.municipalities} municipalities at once (${all.plans} plans; information)`, value: ms(all.timing.medianMs) });
  }
  if (city && national) {
    const ratio = national.timing.medianMs / city.timing.medianMs;
    console.log(`  ratio national / 13 districts: ${ratio.toFixed(2)}×`);
    figures.push({ what: `review console at national scale vs 13 districts (${ms(national.timing.medianMs)} / ${ms(city.timing.medianMs)})`, value: `${ratio.toFixed(2)}×`, goal: "≤ 5×", met: ratio <= 5 });
  }
}

async function search(nationalUrl: string) {
  console.log("\nSearch (lib/db/search.ts#searchPlans), national database");
  // A user's reach is their municipality (readerReach); no role reaches the whole country, which is
  // measured too, over all ten years and over one year (the page's year filter).
  const runs = [
    { key: "search-national", args: ["search"], reach: "one municipality" },
    { key: "search-national-all-2026", args: ["search", "--all", "--year", "2026"], reach: "all districts, one year" },
    { key: "search-national-all", args: ["search", "--all"], reach: "all districts, ten years" },
  ];
  for (const run of runs) {
    const r = await benchDb<SearchResult>(nationalUrl, run.args);
    const what = r.all ? `every district of the country (${r.districts})${r.year ? `, only ${r.year}` : ", all years"}` : `Stockholm's ${r.districts} districts, all years (a strategist's reach)`;
    console.log(`  reach: ${what}; ${r.database.measures.toLocaleString("en")} measures in the database`);
    for (const q of r.results) console.log(`    ${q.query.padEnd(26)} median ${ms(q.timing.medianMs).padStart(7)}  p95 ${ms(q.timing.p95Ms).padStart(7)}  (${q.total.toLocaleString("en")} hits)`);
    printExplained(run.key, r.explained);
    const worst = r.results.reduce((a, b) => (b.timing.medianMs > a.timing.medianMs ? b : a));
    figures.push({
      what: `search at national scale, reach ${run.reach} (slowest query: ${worst.query}, ${worst.total.toLocaleString("en")} hits)`,
      value: ms(worst.timing.medianMs),
      goal: "< 200 ms",
      met: worst.timing.medianMs < 200,
    });
  }
}

async function exportFromDb(cityUrl: string) {
  const r = await benchDb<{ measures: number; bytes: number; timing: Timing }>(cityUrl, ["export"]);
  console.log(`\nexport .xlsx of a generated ${r.measures}-measure plan (route's reads + workbook, no HTTP): median ${ms(r.timing.medianMs)}, p95 ${ms(r.timing.p95Ms)} (${(r.bytes / 1024).toFixed(0)} kB)`);
  figures.push({ what: `xlsx export, generated ${r.measures}-measure plan (database reads + workbook)`, value: ms(r.timing.medianMs), goal: "< 1 s", met: r.timing.medianMs < 1000 });
}

/** Requests `paths` in turn (interleaved, one at a time) and returns each one's timings. */
async function timeRequests(baseUrl: string, cookie: string, pages: { key: string; path: string; anonymous?: boolean }[], rounds: number) {
  const out = new Map<string, { ms: number[]; bytes: number; status: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const p of pages) {
      const t = performance.now();
      const res = await fetch(baseUrl + p.path, { redirect: "manual", headers: p.anonymous ? {} : { cookie } });
      const body = await res.arrayBuffer();
      const elapsed = performance.now() - t;
      const entry = out.get(p.key) ?? { ms: [], bytes: body.byteLength, status: res.status };
      if (res.status !== 200) throw new Error(`GET ${p.path}: HTTP ${res.status} (expected 200)`);
      entry.ms.push(elapsed);
      out.set(p.key, entry);
    }
  }
  const stats = new Map<string, { median: number; p95: number; bytes: number }>();
  for (const [k, v] of out) {
    v.ms.sort((a, b) => a - b);
    stats.set(k, { median: v.ms[Math.floor(v.ms.length / 2)]!, p95: v.ms[Math.min(v.ms.length - 1, Math.floor(v.ms.length * 0.95))]!, bytes: v.bytes });
  }
  return stats;
}

async function pages(cityUrl: string) {
  console.log("\nPages under next start (HTTP on loopback, one request at a time, 30 rounds interleaved after 5 warm-up rounds)");
  const client = new pg.Client({ connectionString: cityUrl });
  await client.connect();
  const { rows } = await client.query<{ slug: string; areaId: string; planMeasures: number; areaMeasures: number }>(`
    SELECT d."slug", a."id" AS "areaId",
           (SELECT count(*) FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" JOIN "PriorityArea" a2 ON a2."id" = p."areaId" WHERE a2."planId" = pl."id")::int AS "planMeasures",
           (SELECT count(*) FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" WHERE p."areaId" = a."id")::int AS "areaMeasures"
    FROM "Plan" pl JOIN "District" d ON d."id" = pl."districtId" JOIN "PriorityArea" a ON a."planId" = pl."id"
    WHERE d."slug" = 'gen-farsta' AND pl."year" = 2026 ORDER BY "areaMeasures" DESC LIMIT 1`);
  await client.end();
  const target = rows[0];
  if (!target) throw new Error("No generated plan gen-farsta/2026 in BENCH_CITY_URL: run `npm run db:generate -- --scale city` into it.");

  await ensureBuild(log, process.argv.includes("--rebuild"));
  const server = await startNext({ databaseUrl: cityUrl, port: await freePortFrom(3400) }, log);
  try {
    const cookie = await signIn(server.url, `strateg1.farsta@${GENERATED_EMAIL_DOMAIN}`, GENERATED_PASSWORD);
    const base = `/plans/${target.slug}/2026`;
    const list = [
      { key: "trivial", path: "/search", label: "trivial page: /search without a query (signed in)" },
      { key: "static", path: "/tillganglighet", label: "static content: /tillganglighet (signed out, no database)", anonymous: true },
      { key: "overview", path: base, label: `plan page: overview of a ${target.planMeasures}-measure plan` },
      { key: "area", path: `${base}/areas/${target.areaId}`, label: `plan page: area editor, ${target.areaMeasures} measures` },
      { key: "xlsx", path: `${base}/export.xlsx`, label: `export.xlsx of the ${target.planMeasures}-measure plan (HTTP)` },
    ];
    await timeRequests(server.url, cookie, list, 5);
    const stats = await timeRequests(server.url, cookie, list, 30);
    for (const p of list) {
      const s = stats.get(p.key)!;
      console.log(`  ${p.label.padEnd(58)} median ${ms(s.median).padStart(7)}  p95 ${ms(s.p95).padStart(7)}  ${(s.bytes / 1024).toFixed(0).padStart(5)} kB`);
    }
    const trivial = stats.get("trivial")!.median;
    const overview = stats.get("overview")!.median;
    const area = stats.get("area")!.median;
    console.log(`  ratio overview / trivial ${(overview / trivial).toFixed(2)}×, area editor / trivial ${(area / trivial).toFixed(2)}×`);
    figures.push({ what: `plan page (overview) of a ${target.planMeasures}-measure plan vs trivial page (${ms(overview)} / ${ms(trivial)})`, value: `${(overview / trivial).toFixed(2)}×`, goal: "≤ 3×", met: overview / trivial <= 3 });
    figures.push({ what: `area editor page (${target.areaMeasures} of its measures, all forms) vs trivial page (${ms(area)} / ${ms(trivial)})`, value: `${(area / trivial).toFixed(2)}×`, goal: "≤ 3×", met: area / trivial <= 3 });
    const xlsx = stats.get("xlsx")!.median;
    figures.push({ what: `xlsx export over HTTP, ${target.planMeasures}-measure plan`, value: ms(xlsx), goal: "< 1 s", met: xlsx < 1000 });
  } finally {
    await server.stop();
  }
}

async function main() {
  const cityUrl = process.env.BENCH_CITY_URL;
  const nationalUrl = process.env.BENCH_NATIONAL_URL;
  const cpu = os.cpus();
  console.log(`Trygghetsplan benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}`);
  if (cityUrl) console.log(`BENCH_CITY_URL ${redact(cityUrl)}`);
  if (nationalUrl) console.log(`BENCH_NATIONAL_URL ${redact(nationalUrl)}`);

  await xlsxAndImport();
  if (cityUrl && wants("xlsx")) await exportFromDb(cityUrl);
  if ((cityUrl || nationalUrl) && wants("review")) await reviewConsole(cityUrl, nationalUrl);
  if (nationalUrl && wants("search")) await search(nationalUrl);
  if (cityUrl && wants("page")) await pages(cityUrl);
  if (!cityUrl || !nationalUrl) {
    console.log(
      "\nSet BENCH_CITY_URL and BENCH_NATIONAL_URL to databases filled by `npm run db:generate -- --scale city` and `-- --scale national`" +
        " for the console, search and page figures (docs/performance.md).",
    );
  }

  console.log("\nSummary");
  for (const f of figures) console.log(`  ${f.met === undefined ? " " : f.met ? "✔" : "✖"} ${f.what.padEnd(100)} ${f.value.padStart(9)}  ${f.goal ? `goal ${f.goal}` : ""}`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, "summary.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpu.length, figures }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
