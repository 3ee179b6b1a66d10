/**
 * The database half of `npm run bench`, run by scripts/bench.ts once per database (DATABASE_URL):
 * times the app's own query functions (lib/db/review.ts#reviewMatrix, lib/db/search.ts#searchPlans,
 * the xlsx export route's reads + lib/xlsx/export.ts) and runs `EXPLAIN (ANALYZE, BUFFERS)` on the
 * exact SQL they send (captured from Prisma's query log). Prints one `BENCH_JSON {…}` line.
 *
 *   node --conditions=react-server --import tsx scripts/bench-db.ts review|search|export [--all] [--district SLUG] [--year N]
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("bench-db: DATABASE_URL is not set");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const task = process.argv[2];
const year = Number(arg("--year") ?? 2026);
/** A fixed "today", so overdue counts do not depend on the day the bench runs. */
const TODAY = "2026-11-23";

// The app's one Prisma client (lib/db/client.ts) is taken from globalThis when there is one: this
// one logs every query, so the exact SQL and parameters can be EXPLAINed.
type Logged = { query: string; params: string };
let captured: Logged[] = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
(globalThis as unknown as { prisma: PrismaClient }).prisma = prisma;

const pgClient = new pg.Client({ connectionString: url });
await pgClient.connect();

export type Timing = { medianMs: number; p95Ms: number; minMs: number; runs: number };
export type Explained = { sql: string; executionMs: number; indexes: string[]; seqScans: string[]; plan: string };

async function time<T>(runs: number, fn: () => Promise<T>, warmup = 2): Promise<{ timing: Timing; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { timing: { medianMs: at(0.5), p95Ms: at(0.95), minMs: ms[0]!, runs }, result: result! };
}

/** Runs the call once with the query log on and EXPLAIN (ANALYZE, BUFFERS)es every SQL statement it sent. */
async function explain(fn: () => Promise<unknown>, filter: (sql: string) => boolean = () => true): Promise<Explained[]> {
  captured = [];
  await fn();
  const statements = captured.filter((c) => filter(c.query));
  captured = [];
  const out: Explained[] = [];
  for (const s of statements) {
    const params = JSON.parse(s.params) as unknown[];
    const { rows } = await pgClient.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, params);
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    out.push({ sql: s.query, plan, ...readPlan(plan) });
  }
  return out;
}

/** Which indexes the plan uses, which tables it reads whole, and its execution time. */
export function readPlan(plan: string): { executionMs: number; indexes: string[]; seqScans: string[] } {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const line of plan.split("\n")) {
    const idx = /(?:Index Scan|Index Only Scan)(?: Backward)? using "?([\w]+)"? on "?(\w+)"?/.exec(line) ?? /Bitmap Index Scan on "?([\w]+)"?/.exec(line);
    if (idx) indexes.add(idx[1]!);
    const seq = /Seq Scan on "?(\w+)"?.*?rows=(\d+) loops=(\d+)\)/.exec(line);
    if (seq) seqScans.add(`${seq[1]} (${Number(seq[2]) * Number(seq[3])} rows)`);
  }
  const exec = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { executionMs: exec ? Number(exec[1]) : NaN, indexes: [...indexes].sort(), seqScans: [...seqScans].sort() };
}

const size = async () => {
  const { rows } = await pgClient.query<{ plans: number; measures: number; districts: number }>(
    `SELECT (SELECT count(*) FROM "Plan")::int AS plans, (SELECT count(*) FROM "Measure")::int AS measures, (SELECT count(*) FROM "District")::int AS districts`,
  );
  return rows[0]!;
};

async function municipalityIds(all: boolean): Promise<string[]> {
  const { rows } = await pgClient.query<{ id: string }>(all ? `SELECT "id" FROM "Municipality" ORDER BY "slug"` : `SELECT "id" FROM "Municipality" WHERE "slug" = 'gen-stockholm'`);
  if (rows.length === 0) throw new Error("No generated municipality gen-stockholm: run `npm run db:generate` into this database first.");
  return rows.map((r) => r.id);
}

async function review() {
  const { reviewMatrix } = await import("@/lib/db/review");
  const all = process.argv.includes("--all");
  const ids = await municipalityIds(all);
  const run = () => reviewMatrix(ids, year, {}, TODAY);
  const { timing, result } = await time(all ? 5 : 15, run);
  const explained = await explain(run);
  // With a measure filter too (police share): the console's most used filter.
  const filtered = () => reviewMatrix(ids, year, { withPolice: true }, TODAY);
  const { timing: filteredTiming } = await time(all ? 3 : 10, filtered);
  return { task: "review", all, year, database: await size(), municipalities: ids.length, plans: result.total.plans, rows: result.rows.length, measures: result.total.measures, timing, filteredTiming, explained };
}

const SEARCHES = ["trygghetsvandring", "narkotikahandel", "föräldrautbildning", '"trygga trappan"', "klotter sanering", "lustgas -polisen"];

async function search() {
  const { searchPlans } = await import("@/lib/db/search");
  const all = process.argv.includes("--all");
  const { rows } = await pgClient.query<{ id: string }>(
    all ? `SELECT "id" FROM "District"` : `SELECT d."id" FROM "District" d JOIN "Municipality" m ON m."id" = d."municipalityId" WHERE m."slug" = 'gen-stockholm'`,
  );
  const districtIds = rows.map((r) => r.id);
  // A strategist's reach: every district of the municipality readable, sekretess only in one's own.
  const reach = { viewable: districtIds, confidential: districtIds.slice(0, 1) };
  // --year N: only that year's plans (the search page's year filter).
  const yearArg = process.argv.indexOf("--year");
  const filter = yearArg > 0 ? { year: Number(process.argv[yearArg + 1]) } : {};
  const results = [];
  for (const q of SEARCHES) {
    const { timing, result } = await time(7, () => searchPlans(q, reach, filter));
    results.push({ query: q, total: result.total, timing });
  }
  const explained = await explain(() => searchPlans(SEARCHES[0]!, reach, filter));
  return { task: "search", all, year: filter.year ?? null, database: await size(), districts: districtIds.length, results, explained };
}

async function exportXlsx() {
  const { getDistrictBySlug } = await import("@/lib/db/districts");
  const { getPlanByDistrictYear, getPlanSummary, getPlanTree } = await import("@/lib/db/plans");
  const { getPlanFollowUp } = await import("@/lib/db/follow-up");
  const { planWorkbook } = await import("@/lib/xlsx/export");
  const slug = arg("--district") ?? "gen-farsta";
  const district = await getDistrictBySlug(slug);
  const plan = district ? await getPlanByDistrictYear(district.districtId, year) : null;
  if (!district || !plan) throw new Error(`No plan ${slug}/${year}: run \`npm run db:generate -- --scale city\` into this database first.`);
  // What GET …/export.xlsx does (app/(app)/plans/[district]/[year]/export.xlsx/route.ts), without HTTP.
  const run = async () => {
    const [areas, summary, followUp] = await Promise.all([getPlanTree(plan.id), getPlanSummary(plan.id, { withConfidential: false }), getPlanFollowUp(plan.id)]);
    const texts = followUp.measures.get("YEAR_END");
    return { areas, file: await planWorkbook({ districtName: district.name, year: plan.year, areas, summary, followUpOf: (id) => texts?.get(id)?.text ?? null }) };
  };
  const { timing, result } = await time(7, run);
  const measures = result.areas.reduce((n, a) => n + a.problems.reduce((m, p) => m + p.causes.reduce((k, c) => k + c.measures.length, 0), 0), 0);
  return { task: "export", district: slug, year, measures, bytes: result.file.byteLength, timing };
}

try {
  const out = task === "review" ? await review() : task === "search" ? await search() : task === "export" ? await exportXlsx() : null;
  if (!out) throw new Error(`bench-db: unknown task "${task}" (review, search, export)`);
  console.log(`BENCH_JSON ${JSON.stringify(out)}`);
} finally {
  await pgClient.end();
  await prisma.$disconnect();
}
