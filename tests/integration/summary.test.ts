// The summary tab (Sammanställning) is counted by the database (lib/db/plans.ts#getPlanSummary):
// one row per area in the plan's order, empty areas included, nothing from other plans.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { summarizeTree } from "@/lib/domain/summary";
import { asPlanTree, getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { areasOf, createWorld, db, testDatabaseUrl, type World } from "@/tests/support/db";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/** A cause: the number of goals of each of its measures. */
type CauseShape = number[];
/** A problem: its causes. */
type ProblemShape = CauseShape[];

/** Writes a chain from a shape: [[[2, 0]]] = one problem, one cause, two measures with 2 and 0 goals. */
async function insertChain(areaId: string, problems: ProblemShape[]) {
  for (const [p, causes] of problems.entries()) {
    const problem = await db.problem.create({ data: { areaId, description: `Problem ${p}`, position: p } });
    for (const [c, measures] of causes.entries()) {
      const cause = await db.cause.create({ data: { problemId: problem.id, description: `Orsak ${c}`, position: c } });
      for (const [m, goals] of measures.entries()) {
        const measure = await db.measure.create({ data: { causeId: cause.id, description: `Åtgärd ${m}`, position: m } });
        await db.responsibleParty.createMany({
          data: [0, 1, 2].map((position) => ({ measureId: measure.id, organisation: `Org ${position}`, position })),
        });
        for (let g = 0; g < goals; g++) await db.goal.create({ data: { measureId: measure.id, description: `Mål ${g}`, position: g } });
      }
    }
  }
}

let w: World;
let areas: Awaited<ReturnType<typeof areasOf>>;
let ownArea: { id: string; name: string };

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
  areas = await areasOf(w.planA.id);
  // Swap the 2nd and 3rd central areas: the summary follows position, not creation order.
  await db.priorityArea.update({ where: { id: areas[1]!.id }, data: { position: 2 } });
  await db.priorityArea.update({ where: { id: areas[2]!.id }, data: { position: 1 } });
  ownArea = await db.priorityArea.create({ data: { planId: w.planA.id, name: "Trygg skolväg", centralArea: null, position: 5 } });

  // Several goals per measure and several measures per cause: a join that counts rows instead
  // of distinct items would count too many.
  await insertChain(areas[0]!.id, [
    [
      [3, 0], // cause with two measures: 3 goals and none
      [1], // cause with one measure, 1 goal
    ],
    [], // problem without causes
    [[]], // problem with one cause without measures
  ]);
  await insertChain(areas[2]!.id, [[[2, 2, 1]]]);
  await insertChain(ownArea.id, [[]]); // one problem without causes
  // The other district's plan has content of its own, which must not be counted here.
  const areasB = await areasOf(w.planB.id);
  await insertChain(areasB[0]!.id, [[[5]], [[1, 1]]]);
  await insertChain(areasB[1]!.id, [[[1]]]);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("getPlanSummary", () => {
  it("counts problems, causes, measures and goals per area, in the plan's order, with zeros for empty areas", async () => {
    const rows = await getPlanSummary(w.planA.id, { withConfidential: true });
    expect(rows).toEqual([
      { areaId: areas[0]!.id, areaName: CENTRAL_AREA_NAMES.YOUTH_AT_RISK, problems: 3, causes: 3, measures: 3, goals: 4 },
      { areaId: areas[2]!.id, areaName: CENTRAL_AREA_NAMES.SYSTEM_THREATENING_CRIME, problems: 1, causes: 1, measures: 3, goals: 5 },
      { areaId: areas[1]!.id, areaName: CENTRAL_AREA_NAMES.UNSAFE_PLACES, problems: 0, causes: 0, measures: 0, goals: 0 },
      { areaId: areas[3]!.id, areaName: CENTRAL_AREA_NAMES.VULNERABLE_VICTIMS, problems: 0, causes: 0, measures: 0, goals: 0 },
      { areaId: areas[4]!.id, areaName: CENTRAL_AREA_NAMES.CRIMINAL_ENVIRONMENTS, problems: 0, causes: 0, measures: 0, goals: 0 },
      { areaId: ownArea.id, areaName: "Trygg skolväg", problems: 1, causes: 0, measures: 0, goals: 0 },
    ]);
  });

  it("agrees with counting the editor's tree by hand (lib/domain/summary)", async () => {
    const tree = asPlanTree(w.planA.id, await getPlanTree(w.planA.id));
    expect(await getPlanSummary(w.planA.id, { withConfidential: true })).toEqual(summarizeTree(tree).rows);
  });

  it("counts only the plan asked for", async () => {
    const rowsB = await getPlanSummary(w.planB.id, { withConfidential: true });
    expect(rowsB.map((r) => [r.problems, r.causes, r.measures, r.goals])).toEqual([
      [2, 2, 3, 7],
      [1, 1, 1, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it("is empty for a plan that does not exist", async () => {
    expect(await getPlanSummary(crypto.randomUUID(), { withConfidential: true })).toEqual([]);
  });
});
