// npm run bench: figures, not pass/fail. Measured on this machine, in one run:
//  - export of a 100-measure plan to .xlsx,
//  - import of a 200-measure workbook: read the file, find the rows, plan the changes,
//  - with DATABASE_URL: the same import written in one transaction (rolled back afterwards).
// Run with `node --conditions=react-server` (package.json does) so lib/xlsx's "server-only" loads.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { readWorkbook } from "@/lib/domain/import";
import { planImport } from "@/lib/domain/import-plan";
import { summarizeTree } from "@/lib/domain/summary";
import { CENTRAL_AREAS, type AreaNode } from "@/lib/domain/types";
import { planWorkbook } from "@/lib/xlsx/export";
import { readWorkbookGrids } from "@/lib/xlsx/read";

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
  console.log(`${label.padEnd(58)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(5)} ms   min ${ms[0]!.toFixed(0).padStart(5)} ms   (${runs} runs)`);
  return result!;
}

async function main() {
  const plan100 = syntheticPlan(100);
  const plan200 = syntheticPlan(200);
  console.log(`Trygghetsplan benchmark — Node ${process.version}, ${new Date().toISOString()}`);
  const summary = (areas: AreaNode[]) => summarizeTree({ id: "bench", areas }).rows;

  await time(`export .xlsx, ${count(plan100)} measures`, 5, () => planWorkbook({ districtName: "Bench", year: 2026, areas: plan100, summary: summary(plan100) }));
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
    console.log("DATABASE_URL not set: the write into the database is not measured.");
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
