// The plan editor's server actions against a real PostgreSQL: the chain problem → cause →
// measure → goal, own areas and new plans, as the forms post them (FormData with the field
// names of lib/validation/chain.ts). Only the Next request context is replaced: the signed-in
// actor (built from real users and memberships), revalidatePath and redirect.
//
// Every refusal is checked the way the formbricks cross-tenant test does it: forge the request,
// then prove that the database is exactly as before (rows, plan version, audit log).

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor, PlanStatus } from "@/lib/domain/types";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
const next = vi.hoisted(() => {
  class RedirectError extends Error {
    constructor(readonly url: string) {
      super(`NEXT_REDIRECT ${url}`);
    }
  }
  return { RedirectError, revalidatePath: vi.fn() };
});

vi.mock("@/lib/auth/actor", () => ({
  getActor: async () => auth.actor,
  requireActor: async () => {
    if (!auth.actor) throw new next.RedirectError("/login");
    return auth.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: next.revalidatePath, revalidateTag: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new next.RedirectError(url);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
}));

import { createAreaAction, deleteAreaAction, renameAreaAction } from "@/lib/actions/areas";
import { createCauseAction, deleteCauseAction, moveCauseAction, updateCauseAction } from "@/lib/actions/causes";
import { createGoalAction, deleteGoalAction, updateGoalAction } from "@/lib/actions/goals";
import { createMeasureAction, deleteMeasureAction, updateMeasureAction } from "@/lib/actions/measures";
import { createPlanAction } from "@/lib/actions/plans";
import { createProblemAction, deleteProblemAction, moveProblemAction, updateProblemAction } from "@/lib/actions/problems";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import { CENTRAL_AREAS } from "@/lib/domain/types";
import { getPlanTree, insertPlanWithCentralAreas } from "@/lib/db/plans";
import {
  actorOf,
  areasOf,
  auditRowsSince,
  db,
  formData,
  lastAuditId,
  planVersion,
  openSecondSession,
  snapshotPlan,
  testDatabaseUrl,
  type TestUser,
  type World,
  createWorld,
} from "@/tests/support/db";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

let w: World;
let refA: { districtSlug: string; year: number };
let refB: { districtSlug: string; year: number };
let areasA: Awaited<ReturnType<typeof areasOf>>;
let areasB: Awaited<ReturnType<typeof areasOf>>;

async function signIn(user: TestUser | null) {
  auth.actor = user ? await actorOf(user) : null;
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

function expectFailure(r: ActionResult<unknown>, code?: Failure["code"]): Failure {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  const failure = r as Failure;
  if (code) expect(failure.code).toBe(code);
  return failure;
}

/** Runs an action that must be refused and proves that none of the given plans changed in any way. */
async function refusedWithoutWriting(planIds: string[], run: () => Promise<ActionResult<unknown>>): Promise<Failure> {
  const before = await Promise.all(planIds.map(snapshotPlan));
  next.revalidatePath.mockClear();
  const r = await run();
  const failure = expectFailure(r);
  expect(await Promise.all(planIds.map(snapshotPlan))).toEqual(before);
  expect(next.revalidatePath).not.toHaveBeenCalled();
  return failure;
}

/** No English framework text may reach the user. */
function expectSwedishOnly(failure: Failure) {
  const texts = [failure.message, ...Object.values(failure.fieldErrors ?? {}).flat()];
  for (const text of texts) expect(text).not.toMatch(/invalid|expected|required|received|too (big|small)|must|string|number/i);
}

/** A whole chain made through the actions, as a strategist would. */
async function buildChain(ref: { districtSlug: string; year: number }, areaId: string, label: string) {
  const problemId = expectOk(await createProblemAction(null, formData({ ...ref, areaId, description: `Problem ${label}` }))).id;
  const causeId = expectOk(await createCauseAction(null, formData({ ...ref, problemId, description: `Orsak ${label}` }))).id;
  const measureId = expectOk(
    await createMeasureAction(
      null,
      formData({
        ...ref,
        causeId,
        description: `Åtgärd ${label}`,
        deadlineKind: "DATE",
        deadlineDate: "2026-09-30",
        "responsible.0.organisation": "Fastighetsägare",
        "responsible.1.organisation": "Polisen",
      }),
    ),
  ).id;
  const goalId = expectOk(await createGoalAction(null, formData({ ...ref, measureId, description: `Mål ${label}`, targetValue: "4" }))).id;
  return { problemId, causeId, measureId, goalId };
}

async function chainCounts(ids: { problemId: string; causeId: string; measureId: string; goalId: string }) {
  return {
    problem: await db.problem.count({ where: { id: ids.problemId } }),
    cause: await db.cause.count({ where: { id: ids.causeId } }),
    measure: await db.measure.count({ where: { id: ids.measureId } }),
    parties: await db.responsibleParty.count({ where: { measureId: ids.measureId } }),
    goal: await db.goal.count({ where: { id: ids.goalId } }),
  };
}

const ALL_THERE = { problem: 1, cause: 1, measure: 1, parties: 2, goal: 1 };
const ALL_GONE = { problem: 0, cause: 0, measure: 0, parties: 0, goal: 0 };

async function problemOrder(areaId: string) {
  return (await db.problem.findMany({ where: { areaId }, orderBy: { position: "asc" }, select: { id: true, position: true } })).map((p) => [p.id, p.position]);
}

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
  refA = { districtSlug: w.planA.slug, year: w.planA.year };
  refB = { districtSlug: w.planB.slug, year: w.planB.year };
  areasA = await areasOf(w.planA.id);
  areasB = await areasOf(w.planB.id);
});

beforeEach(async () => {
  next.revalidatePath.mockClear();
  await signIn(w.users.strategistA);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a new plan", () => {
  it("has the five central areas of the agreement, in order", () => {
    expect(areasA.map((a) => [a.centralArea, a.name, a.position])).toEqual(CENTRAL_AREAS.map((c, i) => [c, CENTRAL_AREA_NAMES[c], i]));
  });
});

describe("building the chain problem → cause → measure → goal", () => {
  it("stores each level under its parent, with positions, one audit row per change and a higher plan version", async () => {
    const area = areasA[0]!;
    const versionBefore = await planVersion(w.planA.id);
    const mark = await lastAuditId();

    const problemId = expectOk(
      await createProblemAction(null, formData({ ...refA, areaId: area.id, collectiveName: "  Otrygghet i centrum ", description: "  Boende upplever otrygghet vid torget kvällstid.  " })),
    ).id;
    const causeId = expectOk(await createCauseAction(null, formData({ ...refA, problemId, description: "Dålig belysning och skymd sikt." }))).id;
    const measureId = expectOk(
      await createMeasureAction(
        null,
        formData({
          ...refA,
          causeId,
          description: "Trygghetsvandring med boende, fastighetsägare och polis.",
          kind: "ONE_OFF",
          withPolice: true,
          youthStrategy: true,
          deadlineKind: "DATE",
          deadlineDate: "2026-06-30",
          "responsible.0.organisation": "Stadsdelsförvaltningen",
          "responsible.0.role": "Trygghetssamordnare",
          "responsible.1.organisation": "Polisen",
          "responsible.1.role": "",
        }),
      ),
    ).id;
    const goalId = expectOk(
      await createGoalAction(null, formData({ ...refA, measureId, description: "Två trygghetsvandringar under året.", targetValue: "2,5", targetUnit: "vandringar" })),
    ).id;
    const secondProblemId = expectOk(await createProblemAction(null, formData({ ...refA, areaId: area.id, description: "Skadegörelse på skolgården." }))).id;

    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({
      areaId: area.id,
      collectiveName: "Otrygghet i centrum",
      description: "Boende upplever otrygghet vid torget kvällstid.",
      position: 0,
      version: 1,
    });
    expect(await db.problem.findUniqueOrThrow({ where: { id: secondProblemId } })).toMatchObject({ areaId: area.id, collectiveName: null, position: 1 });
    expect(await db.cause.findUniqueOrThrow({ where: { id: causeId } })).toMatchObject({ problemId, description: "Dålig belysning och skymd sikt.", position: 0, version: 1 });
    expect(await db.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({
      causeId,
      kind: "ONE_OFF",
      withPolice: true,
      youthStrategy: true,
      violentExtremism: false,
      deadlineKind: "DATE",
      deadlineDate: new Date("2026-06-30T00:00:00Z"),
      deadlineNote: null,
      position: 0,
      version: 1,
    });
    expect(
      await db.responsibleParty.findMany({ where: { measureId }, orderBy: { position: "asc" }, select: { organisation: true, role: true, position: true } }),
    ).toEqual([
      { organisation: "Stadsdelsförvaltningen", role: "Trygghetssamordnare", position: 0 },
      { organisation: "Polisen", role: null, position: 1 },
    ]);
    const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId } });
    expect([goal.measureId, goal.targetValue?.toString(), goal.targetUnit, goal.position]).toEqual([measureId, "2.5", "vandringar", 0]);

    // What the editor shows.
    const [tree] = await getPlanTree(w.planA.id, area.id);
    expect(tree!.problems.map((p) => p.description)).toEqual(["Boende upplever otrygghet vid torget kvällstid.", "Skadegörelse på skolgården."]);
    const measure = tree!.problems[0]!.causes[0]!.measures[0]!;
    expect(measure.deadline).toEqual({ kind: "DATE", date: "2026-06-30" });
    expect(measure.responsibleParties).toEqual([
      { organisation: "Stadsdelsförvaltningen", role: "Trygghetssamordnare" },
      { organisation: "Polisen", role: null },
    ]);
    expect(measure.goals).toMatchObject([{ description: "Två trygghetsvandringar under året.", targetValue: 2.5 }]);

    const audit = await auditRowsSince(w.planA.id, mark);
    expect(audit.map((a) => [a.action, a.entityType, a.entityId, a.actorId, a.before])).toEqual([
      ["problem.create", "problem", problemId, w.users.strategistA.id, null],
      ["cause.create", "cause", causeId, w.users.strategistA.id, null],
      ["measure.create", "measure", measureId, w.users.strategistA.id, null],
      ["goal.create", "goal", goalId, w.users.strategistA.id, null],
      ["problem.create", "problem", secondProblemId, w.users.strategistA.id, null],
    ]);
    expect(audit[0]!.after).toMatchObject({ id: problemId, description: "Boende upplever otrygghet vid torget kvällstid." });
    expect(audit[2]!.after).toMatchObject({
      id: measureId,
      deadlineKind: "DATE",
      responsible: [
        { organisation: "Stadsdelsförvaltningen", role: "Trygghetssamordnare" },
        { organisation: "Polisen", role: null },
      ],
    });
    expect(audit[3]!.after).toMatchObject({ id: goalId, targetUnit: "vandringar" });

    expect(await planVersion(w.planA.id)).toBe(versionBefore + 5);
    expect(next.revalidatePath).toHaveBeenCalledTimes(5);
    expect(next.revalidatePath).toHaveBeenCalledWith(`/plans/${refA.districtSlug}/${refA.year}`, "layout");
  });
});

describe("updating with the version the form was opened with", () => {
  it("saves a problem, bumps its version and audits before/after; the same stale version then gets CONFLICT and changes nothing", async () => {
    const { problemId } = await buildChain(refA, areasA[0]!.id, "uppdatering");
    const mark = await lastAuditId();
    const versionBefore = await planVersion(w.planA.id);

    expectOk(await updateProblemAction(null, formData({ ...refA, id: problemId, version: 1, collectiveName: "Samlat", description: "Ny beskrivning" })));
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ description: "Ny beskrivning", collectiveName: "Samlat", version: 2 });
    expect(await planVersion(w.planA.id)).toBe(versionBefore + 1);
    const audit = await auditRowsSince(w.planA.id, mark);
    expect(audit.map((a) => [a.action, a.entityId, a.actorId, a.before, a.after])).toEqual([
      [
        "problem.update",
        problemId,
        w.users.strategistA.id,
        { collectiveName: null, description: "Problem uppdatering" },
        { collectiveName: "Samlat", description: "Ny beskrivning" },
      ],
    ]);

    // A second user still has the form opened at version 1.
    const failure = await refusedWithoutWriting([w.planA.id], () =>
      updateProblemAction(null, formData({ ...refA, id: problemId, version: 1, description: "Gammal flik skriver över" })),
    );
    expect(failure).toEqual({ ok: false, code: "CONFLICT", message: MESSAGES.conflict });
    expect(failure.message).toMatch(/^Någon annan har ändrat det här/);
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ description: "Ny beskrivning", version: 2 });
  });

  it("replaces a measure's responsible parties and deadline, and audits the old ones", async () => {
    const { measureId } = await buildChain(refA, areasA[0]!.id, "åtgärdsändring");
    const mark = await lastAuditId();
    expectOk(
      await updateMeasureAction(
        null,
        formData({ ...refA, id: measureId, version: 1, description: "Ändrad åtgärd", kind: "ONGOING_WORK", deadlineKind: "ONGOING", deadlineDate: "2026-01-01", "responsible.0.organisation": "Socialtjänsten", "responsible.0.role": "Fältassistent" }),
      ),
    );
    expect(await db.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({
      description: "Ändrad åtgärd",
      kind: "ONGOING_WORK",
      deadlineKind: "ONGOING",
      deadlineDate: null,
      version: 2,
    });
    expect(await db.responsibleParty.findMany({ where: { measureId }, select: { organisation: true, role: true, position: true } })).toEqual([
      { organisation: "Socialtjänsten", role: "Fältassistent", position: 0 },
    ]);
    const [row] = await auditRowsSince(w.planA.id, mark);
    expect(row).toMatchObject({
      action: "measure.update",
      entityId: measureId,
      actorId: w.users.strategistA.id,
      before: { description: "Åtgärd åtgärdsändring", deadlineKind: "DATE", responsible: [{ organisation: "Fastighetsägare", role: null }, { organisation: "Polisen", role: null }] },
      after: { description: "Ändrad åtgärd", deadlineKind: "ONGOING", responsible: [{ organisation: "Socialtjänsten", role: "Fältassistent" }] },
    });
  });

  it.each([
    ["cause", "causeId", updateCauseAction, { description: "Ändrad orsak" }, (id: string) => db.cause.findUniqueOrThrow({ where: { id } })],
    ["measure", "measureId", updateMeasureAction, { description: "Ändrad åtgärd", deadlineKind: "ONGOING" }, (id: string) => db.measure.findUniqueOrThrow({ where: { id } })],
    ["goal", "goalId", updateGoalAction, { description: "Ändrat mål", targetValue: "10" }, (id: string) => db.goal.findUniqueOrThrow({ where: { id } })],
  ] as const)("a %s saved at its version is stored once; a stale version gets CONFLICT and the row stays", async (level, key, action, fields, read) => {
    const chain = await buildChain(refA, areasA[0]!.id, `konflikt ${level}`);
    const id = chain[key];
    expectOk(await action(null, formData({ ...refA, id, version: 1, ...fields })));
    const saved = await read(id);
    expect(saved).toMatchObject({ description: fields.description, version: 2 });

    const failure = await refusedWithoutWriting([w.planA.id], () => action(null, formData({ ...refA, id, version: 1, ...fields, description: "Skrivs inte" })));
    expect(failure).toMatchObject({ code: "CONFLICT", message: MESSAGES.conflict });
    expect(await read(id)).toEqual(saved);
  });

  it("two saves of the same problem at the same moment: one is stored, the other gets CONFLICT", async () => {
    const { problemId } = await buildChain(refA, areasA[0]!.id, "samtidigt");
    const mark = await lastAuditId();
    const results = await Promise.all(
      ["Version från flik 1", "Version från flik 2"].map((description) => updateProblemAction(null, formData({ ...refA, id: problemId, version: 1, description }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "CONFLICT", message: MESSAGES.conflict }]);
    const winner = results.findIndex((r) => r.ok);
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ description: `Version från flik ${winner + 1}`, version: 2 });
    expect((await auditRowsSince(w.planA.id, mark)).map((a) => a.action)).toEqual(["problem.update"]);
  });

  it("problems added at the same moment under one area get distinct positions", async () => {
    const areaId = areasA[4]!.id;
    const before = await db.problem.count({ where: { areaId } });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createProblemAction(null, formData({ ...refA, areaId, description: `Samtidigt problem ${n}` }))),
    );
    results.forEach((r) => expectOk(r));
    const positions = (await db.problem.findMany({ where: { areaId }, select: { position: true } })).map((p) => p.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: before + 5 }, (_, i) => i));
  });
});

describe("deleting", () => {
  it("a problem with a stale version gets CONFLICT and keeps its whole chain; with the current version the chain goes with it", async () => {
    const area = areasA[2]!;
    const chain = await buildChain(refA, area.id, "radera");
    const sibling = await buildChain(refA, area.id, "granne");
    expectOk(await updateProblemAction(null, formData({ ...refA, id: chain.problemId, version: 1, description: "Ändrad före radering" })));

    const failure = await refusedWithoutWriting([w.planA.id], () => deleteProblemAction(null, formData({ ...refA, id: chain.problemId, version: 1 })));
    expect(failure).toMatchObject({ code: "CONFLICT", message: MESSAGES.conflict });
    expect(await chainCounts(chain)).toEqual(ALL_THERE);

    const mark = await lastAuditId();
    const versionBefore = await planVersion(w.planA.id);
    expectOk(await deleteProblemAction(null, formData({ ...refA, id: chain.problemId, version: 2 })));
    expect(await chainCounts(chain)).toEqual(ALL_GONE);
    expect(await chainCounts(sibling)).toEqual(ALL_THERE);
    expect(await planVersion(w.planA.id)).toBe(versionBefore + 1);
    const audit = await auditRowsSince(w.planA.id, mark);
    expect(audit.map((a) => [a.action, a.entityId, a.actorId, a.after])).toEqual([["problem.delete", chain.problemId, w.users.strategistA.id, null]]);
    expect(audit[0]!.before).toMatchObject({ id: chain.problemId, description: "Ändrad före radering" });
  });

  it("a measure takes its goals and responsible parties with it and leaves its cause", async () => {
    const chain = await buildChain(refA, areasA[2]!.id, "radera åtgärd");
    expectOk(await deleteMeasureAction(null, formData({ ...refA, id: chain.measureId, version: 1 })));
    expect(await chainCounts(chain)).toEqual({ problem: 1, cause: 1, measure: 0, parties: 0, goal: 0 });
  });

  it("a cause and a goal can be deleted on their own", async () => {
    const chain = await buildChain(refA, areasA[2]!.id, "radera mål");
    expectOk(await deleteGoalAction(null, formData({ ...refA, id: chain.goalId, version: 1 })));
    expect(await chainCounts(chain)).toEqual({ ...ALL_THERE, goal: 0 });
    expectOk(await deleteCauseAction(null, formData({ ...refA, id: chain.causeId, version: 1 })));
    expect(await chainCounts(chain)).toEqual({ ...ALL_GONE, problem: 1 });
  });
});

describe("moving up and down", () => {
  it("swaps a problem with its neighbour, keeps positions 0..n-1, and does nothing at the ends", async () => {
    const areaId = areasA[1]!.id;
    const ids: string[] = [];
    for (const n of [0, 1, 2]) ids.push(expectOk(await createProblemAction(null, formData({ ...refA, areaId, description: `Flyttbart ${n}` }))).id);
    const [a, b, c] = ids as [string, string, string];

    const mark = await lastAuditId();
    expectOk(await moveProblemAction(null, formData({ ...refA, id: c, direction: "up" })));
    expect(await problemOrder(areaId)).toEqual([[a, 0], [c, 1], [b, 2]]);
    const [moved] = await auditRowsSince(w.planA.id, mark);
    expect(moved).toMatchObject({ action: "problem.move", entityId: c, actorId: w.users.strategistA.id, before: { order: [a, b, c] }, after: { order: [a, c, b] } });

    expectOk(await moveProblemAction(null, formData({ ...refA, id: a, direction: "down" })));
    expect(await problemOrder(areaId)).toEqual([[c, 0], [a, 1], [b, 2]]);

    expectOk(await moveProblemAction(null, formData({ ...refA, id: c, direction: "up" })));
    expectOk(await moveProblemAction(null, formData({ ...refA, id: b, direction: "down" })));
    expect(await problemOrder(areaId)).toEqual([[c, 0], [a, 1], [b, 2]]);

    const failure = await refusedWithoutWriting([w.planA.id], () => moveProblemAction(null, formData({ ...refA, id: a, direction: "sideways" })));
    expect(failure.code).toBe("VALIDATION");
    expect(failure.fieldErrors?.direction).toBeDefined();
  });

  it("moves a cause only among the causes of its own problem", async () => {
    const one = await buildChain(refA, areasA[1]!.id, "orsak 1");
    const second = expectOk(await createCauseAction(null, formData({ ...refA, problemId: one.problemId, description: "Andra orsaken" }))).id;
    const other = await buildChain(refA, areasA[1]!.id, "annat problem");
    expectOk(await moveCauseAction(null, formData({ ...refA, id: second, direction: "up" })));
    expect((await db.cause.findMany({ where: { problemId: one.problemId }, orderBy: { position: "asc" } })).map((c) => c.id)).toEqual([second, one.causeId]);
    expect(await db.cause.findUniqueOrThrow({ where: { id: other.causeId } })).toMatchObject({ problemId: other.problemId, position: 0 });
  });
});

describe("forged ids: another district's rows through this district's plan", () => {
  let chainB: Awaited<ReturnType<typeof buildChain>>;
  let ownAreaB: string;

  beforeAll(async () => {
    await signIn(w.users.strategistB);
    chainB = await buildChain(refB, areasB[0]!.id, "i B");
    ownAreaB = expectOk(await createAreaAction(null, formData({ ...refB, name: "B:s eget område" }))).id;
  });

  const random = () => crypto.randomUUID();
  const cases: [string, () => Promise<ActionResult<unknown>>, string?][] = [
    ["a cause under B's problem", () => createCauseAction(null, formData({ ...refA, problemId: chainB.problemId, description: "Smugglad orsak" })), "Problemet finns inte i den här planen."],
    ["a cause under a random problem id", () => createCauseAction(null, formData({ ...refA, problemId: random(), description: "Smugglad orsak" })), "Problemet finns inte i den här planen."],
    ["a problem in B's area", () => createProblemAction(null, formData({ ...refA, areaId: areasB[0]!.id, description: "Smugglat problem" })), "Området finns inte i den här planen."],
    ["a measure under B's cause", () => createMeasureAction(null, formData({ ...refA, causeId: chainB.causeId, description: "Smugglad åtgärd" })), "Orsaken finns inte i den här planen."],
    ["a goal under B's measure", () => createGoalAction(null, formData({ ...refA, measureId: chainB.measureId, description: "Smugglat mål" })), "Åtgärden finns inte i den här planen."],
    ["an update of B's problem", () => updateProblemAction(null, formData({ ...refA, id: chainB.problemId, version: 1, description: "Kapad" }))],
    ["an update of B's measure", () => updateMeasureAction(null, formData({ ...refA, id: chainB.measureId, version: 1, description: "Kapad" }))],
    ["an update of B's goal", () => updateGoalAction(null, formData({ ...refA, id: chainB.goalId, version: 1, description: "Kapat" }))],
    ["a delete of B's problem", () => deleteProblemAction(null, formData({ ...refA, id: chainB.problemId, version: 1 }))],
    ["a delete of B's goal", () => deleteGoalAction(null, formData({ ...refA, id: chainB.goalId, version: 1 }))],
    ["a move of B's problem", () => moveProblemAction(null, formData({ ...refA, id: chainB.problemId, direction: "down" }))],
    ["a rename of B's own area", () => renameAreaAction(null, formData({ ...refA, areaId: ownAreaB, version: 1, name: "Kapat" }))],
    ["a delete of B's own area", () => deleteAreaAction(null, formData({ ...refA, areaId: ownAreaB, version: 1 }))],
    ["a delete of a random area id", () => deleteAreaAction(null, formData({ ...refA, areaId: random(), version: 1 }))],
  ];

  it.each(cases)("%s is NOT_FOUND and writes nothing in either plan", async (_name, run, message) => {
    await signIn(w.users.strategistA);
    const failure = await refusedWithoutWriting([w.planA.id, w.planB.id], run);
    expect(failure.code).toBe("NOT_FOUND");
    if (message) expect(failure.message).toContain(message);
    else expect(failure.message).toBe(MESSAGES.notFound);
    expect(await chainCounts(chainB)).toEqual(ALL_THERE);
  });
});

describe("who may change a plan", () => {
  let chain: Awaited<ReturnType<typeof buildChain>>;
  beforeAll(async () => {
    await signIn(w.users.strategistA);
    chain = await buildChain(refA, areasA[3]!.id, "behörighet");
  });

  const attempts: [string, () => Promise<ActionResult<unknown>>][] = [
    ["create a problem", () => createProblemAction(null, formData({ ...refA, areaId: areasA[3]!.id, description: "Obehörigt" }))],
    ["update a problem", () => updateProblemAction(null, formData({ ...refA, id: chain.problemId, version: 1, description: "Obehörigt" }))],
    ["update a measure", () => updateMeasureAction(null, formData({ ...refA, id: chain.measureId, version: 1, description: "Obehörigt" }))],
    ["delete a problem", () => deleteProblemAction(null, formData({ ...refA, id: chain.problemId, version: 1 }))],
    ["move a problem", () => moveProblemAction(null, formData({ ...refA, id: chain.problemId, direction: "up" }))],
    ["add an own area", () => createAreaAction(null, formData({ ...refA, name: "Obehörigt område" }))],
  ];
  const roles = ["strategistB", "police", "reviewGroup"] as const;

  it.each(roles.flatMap((role) => attempts.map(([what, run]) => [role, what, run] as const)))(
    "%s may not %s in district A's plan, and nothing changes",
    async (role, _what, run) => {
      await signIn(w.users[role]);
      const failure = await refusedWithoutWriting([w.planA.id], run);
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(failure.code);
      expectSwedishOnly(failure);
      expect(await chainCounts(chain)).toEqual(ALL_THERE);
    },
  );

  it.each(["otherAdmin", "noRole"] as const)("%s (no role in this municipality) gets NOT_FOUND, learning nothing about the plan", async (role) => {
    await signIn(w.users[role]);
    for (const [, run] of attempts) {
      const failure = await refusedWithoutWriting([w.planA.id], run);
      expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    }
  });

  it("a signed-out request is UNAUTHENTICATED and changes nothing", async () => {
    await signIn(null);
    for (const [, run] of attempts) {
      const failure = await refusedWithoutWriting([w.planA.id], run);
      expect(failure).toEqual({ ok: false, code: "UNAUTHENTICATED", message: MESSAGES.unauthenticated });
    }
    const plans = await db.plan.count({ where: { districtId: w.districtA.id } });
    expect(await createPlanAction(null, formData({ districtSlug: refA.districtSlug, year: 2040 }))).toEqual({
      ok: false,
      code: "UNAUTHENTICATED",
      message: MESSAGES.unauthenticated,
    });
    expect(await db.plan.count({ where: { districtId: w.districtA.id } })).toBe(plans);
  });
});

describe("validation", () => {
  it("an empty description is VALIDATION with a Swedish message on the field, and nothing is written", async () => {
    const failure = await refusedWithoutWriting([w.planA.id], () => createProblemAction(null, formData({ ...refA, areaId: areasA[0]!.id, description: "   " })));
    expect(failure).toEqual({ ok: false, code: "VALIDATION", message: MESSAGES.validation, fieldErrors: { description: ["Fyll i problemet."] } });
  });

  it("a missing description field gets the same Swedish message", async () => {
    const failure = await refusedWithoutWriting([w.planA.id], () => createProblemAction(null, formData({ ...refA, areaId: areasA[0]!.id })));
    expect(failure.fieldErrors).toEqual({ description: ["Fyll i problemet."] });
  });

  it("10 000 characters are accepted, 10 001 are VALIDATION", async () => {
    const ok = expectOk(await createProblemAction(null, formData({ ...refA, areaId: areasA[0]!.id, description: "å".repeat(10_000) })));
    expect((await db.problem.findUniqueOrThrow({ where: { id: ok.id } })).description).toHaveLength(10_000);

    const failure = await refusedWithoutWriting([w.planA.id], () => createCauseAction(null, formData({ ...refA, problemId: ok.id, description: "x".repeat(10_001) })));
    expect(failure.code).toBe("VALIDATION");
    expect(failure.fieldErrors?.description).toEqual([expect.stringMatching(/^Orsaken får vara högst 10\s000 tecken\.$/)]);
  });

  it("a DATE deadline without a date, or with an impossible date, is an error on deadlineDate", async () => {
    const { causeId } = await buildChain(refA, areasA[0]!.id, "datum");
    const missing = await refusedWithoutWriting([w.planA.id], () => createMeasureAction(null, formData({ ...refA, causeId, description: "Åtgärd", deadlineKind: "DATE" })));
    expect(missing).toMatchObject({ code: "VALIDATION", fieldErrors: { deadlineDate: ["Ange datum för när åtgärden ska vara genomförd."] } });

    const impossible = await refusedWithoutWriting([w.planA.id], () =>
      createMeasureAction(null, formData({ ...refA, causeId, description: "Åtgärd", deadlineKind: "DATE", deadlineDate: "2026-02-30" })),
    );
    expect(impossible.fieldErrors).toEqual({ deadlineDate: ["Ange ett riktigt datum, till exempel 2025-12-31."] });
  });

  it("reports every wrong field at once, not only the first", async () => {
    const { causeId } = await buildChain(refA, areasA[0]!.id, "alla fel");
    const failure = await refusedWithoutWriting([w.planA.id], () =>
      createMeasureAction(null, formData({ ...refA, causeId, description: "", deadlineKind: "DATE", "responsible.0.organisation": "o".repeat(201) })),
    );
    expect(failure.fieldErrors).toEqual({
      description: ["Fyll i åtgärden."],
      "responsible.0.organisation": ["Organisationen får vara högst 200 tecken."],
      deadlineDate: ["Ange datum för när åtgärden ska vara genomförd."],
    });
  });

  it("an id that is not a uuid is VALIDATION on that field", async () => {
    const failure = await refusedWithoutWriting([w.planA.id], () => createCauseAction(null, formData({ ...refA, problemId: "123", description: "Orsak" })));
    expect(failure.code).toBe("VALIDATION");
    expect(Object.keys(failure.fieldErrors ?? {})).toEqual(["problemId"]);
    expectSwedishOnly(failure);
  });

  it("a target value that is not a number is VALIDATION with a Swedish example", async () => {
    const { measureId } = await buildChain(refA, areasA[0]!.id, "målvärde");
    const failure = await refusedWithoutWriting([w.planA.id], () => createGoalAction(null, formData({ ...refA, measureId, description: "Mål", targetValue: "tolv" })));
    expect(failure.fieldErrors).toEqual({ targetValue: ["Ange målvärdet som ett tal, till exempel 12 eller 80,5."] });
  });

  it("a target value just below the limit that rounds up to it is VALIDATION, not a database error", async () => {
    const { measureId } = await buildChain(refA, areasA[0]!.id, "stort målvärde");
    const ok = expectOk(await createGoalAction(null, formData({ ...refA, measureId, description: "Största målvärdet", targetValue: "999 999 999 999,99" })));
    expect((await db.goal.findUniqueOrThrow({ where: { id: ok.id } })).targetValue?.toString()).toBe("999999999999.99");
    const failure = await refusedWithoutWriting([w.planA.id], () =>
      createGoalAction(null, formData({ ...refA, measureId, description: "För stort", targetValue: "999999999999,999" })),
    );
    expect(failure.code).toBe("VALIDATION");
    expect(failure.fieldErrors?.targetValue).toBeDefined();
  });
});

describe("the district's own priority areas", () => {
  it("can be added after the central areas, renamed at their version, and removed only when empty", async () => {
    const mark = await lastAuditId();
    const areaId = expectOk(await createAreaAction(null, formData({ ...refA, name: "  Trygg skolväg  " }))).id;
    const created = await db.priorityArea.findUniqueOrThrow({ where: { id: areaId } });
    expect(created).toMatchObject({ planId: w.planA.id, centralArea: null, name: "Trygg skolväg", version: 1 });
    expect(created.position).toBe(Math.max(...(await areasOf(w.planA.id)).map((a) => a.position)));
    expect(created.position).toBeGreaterThanOrEqual(5);

    expectOk(await renameAreaAction(null, formData({ ...refA, areaId, version: 1, name: "Trygga skolvägar" })));
    expect(await db.priorityArea.findUniqueOrThrow({ where: { id: areaId } })).toMatchObject({ name: "Trygga skolvägar", version: 2 });
    const stale = await refusedWithoutWriting([w.planA.id], () => renameAreaAction(null, formData({ ...refA, areaId, version: 1, name: "Gammalt namn" })));
    expect(stale).toMatchObject({ code: "CONFLICT", message: MESSAGES.conflict });

    const problemId = expectOk(await createProblemAction(null, formData({ ...refA, areaId, description: "Otrygga övergångsställen" }))).id;
    const hasProblems = await refusedWithoutWriting([w.planA.id], () => deleteAreaAction(null, formData({ ...refA, areaId, version: 2 })));
    expect(hasProblems).toEqual({ ok: false, code: "FORBIDDEN", message: "Området har problem och kan inte tas bort. Ta bort områdets problem först." });

    expectOk(await deleteProblemAction(null, formData({ ...refA, id: problemId, version: 1 })));
    const staleDelete = await refusedWithoutWriting([w.planA.id], () => deleteAreaAction(null, formData({ ...refA, areaId, version: 1 })));
    expect(staleDelete.code).toBe("CONFLICT");
    expectOk(await deleteAreaAction(null, formData({ ...refA, areaId, version: 2 })));
    expect(await db.priorityArea.count({ where: { id: areaId } })).toBe(0);

    const audit = await auditRowsSince(w.planA.id, mark);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["area.create", w.users.strategistA.id],
      ["area.rename", w.users.strategistA.id],
      ["problem.create", w.users.strategistA.id],
      ["problem.delete", w.users.strategistA.id],
      ["area.delete", w.users.strategistA.id],
    ]);
    expect(audit[1]).toMatchObject({ before: { name: "Trygg skolväg" }, after: { name: "Trygga skolvägar" } });
  });

  it("a central area cannot be renamed or removed", async () => {
    const central = areasA[4]!;
    const rename = await refusedWithoutWriting([w.planA.id], () => renameAreaAction(null, formData({ ...refA, areaId: central.id, version: central.version, name: "Nytt namn" })));
    expect(rename).toEqual({ ok: false, code: "FORBIDDEN", message: "De centrala samverkansområdena har fasta namn och kan inte byta namn." });
    const remove = await refusedWithoutWriting([w.planA.id], () => deleteAreaAction(null, formData({ ...refA, areaId: areasA[3]!.id, version: 1 })));
    expect(remove).toEqual({ ok: false, code: "FORBIDDEN", message: "De centrala samverkansområdena ingår i alla planer och kan inte tas bort." });
    expect((await db.priorityArea.findUniqueOrThrow({ where: { id: central.id } })).name).toBe(CENTRAL_AREA_NAMES[central.centralArea!]);
  });

  it("an empty or too long name is VALIDATION on the name field", async () => {
    const empty = await refusedWithoutWriting([w.planA.id], () => createAreaAction(null, formData({ ...refA, name: " " })));
    expect(empty.fieldErrors).toEqual({ name: ["Fyll i områdets namn."] });
    const long = await refusedWithoutWriting([w.planA.id], () => createAreaAction(null, formData({ ...refA, name: "n".repeat(201) })));
    expect(long.fieldErrors).toEqual({ name: ["Områdets namn får vara högst 200 tecken."] });
  });
});

describe("creating a plan for a year", () => {
  it("creates the plan with the five central areas and opens it", async () => {
    const mark = await lastAuditId();
    await expect(createPlanAction(null, formData({ districtSlug: refA.districtSlug, year: "2027" }))).rejects.toMatchObject({
      url: `/plans/${refA.districtSlug}/2027`,
    });
    const plan = await db.plan.findUniqueOrThrow({ where: { districtId_year: { districtId: w.districtA.id, year: 2027 } } });
    expect(plan).toMatchObject({ status: "DRAFT", version: 1 });
    expect((await areasOf(plan.id)).map((a) => [a.centralArea, a.name, a.position])).toEqual(CENTRAL_AREAS.map((c, i) => [c, CENTRAL_AREA_NAMES[c], i]));
    expect((await auditRowsSince(plan.id, mark)).map((a) => [a.action, a.entityId, a.actorId])).toEqual([["plan.create", plan.id, w.users.strategistA.id]]);
  });

  it("a year that already has a plan is CONFLICT and nothing is added", async () => {
    const before = await snapshotPlan(w.planA.id);
    const plans = await db.plan.count();
    const failure = expectFailure(await createPlanAction(null, formData({ districtSlug: refA.districtSlug, year: refA.year })), "CONFLICT");
    expect(failure).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `Det finns redan en plan för ${refA.year}.`,
      fieldErrors: { year: [`Det finns redan en plan för ${w.districtA.name} ${refA.year}.`] },
    });
    expect(await db.plan.count()).toBe(plans);
    expect(await snapshotPlan(w.planA.id)).toEqual(before);
  });

  it("a plan created by someone else at the same moment is CONFLICT, not an unexpected error", async (ctx) => {
    const competitor = await openSecondSession();
    if (!competitor) return ctx.skip("needs a second database session (not on PGlite)");
    const year = 2030;
    try {
      const [{ pid }] = (await competitor.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
      await competitor.query("BEGIN");
      await competitor.query(`INSERT INTO "Plan" ("districtId", "year") VALUES ($1, $2)`, [w.districtA.id, year]);
      const outcome = createPlanAction(null, formData({ districtSlug: refA.districtSlug, year })).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      // Commit only once the action's insert is waiting for the competitor's row.
      for (let i = 0; ; i++) {
        const [waiting] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
        if (waiting!.n > 0) break;
        if (i > 400) throw new Error("The action never waited for the competing insert");
        await new Promise((r) => setTimeout(r, 25));
      }
      await competitor.query("COMMIT");
      expect(await outcome).toEqual({
        result: {
          ok: false,
          code: "CONFLICT",
          message: `Det finns redan en plan för ${year}.`,
          fieldErrors: { year: [`Det finns redan en plan för ${w.districtA.name} ${year}.`] },
        },
      });
    } finally {
      await competitor.query("ROLLBACK").catch(() => {});
      await competitor.end();
    }
    expect(await db.plan.count({ where: { districtId: w.districtA.id, year } })).toBe(1);
  });

  it.each([
    ["strategistB", "FORBIDDEN"],
    ["police", "FORBIDDEN"],
    ["reviewGroup", "FORBIDDEN"],
    ["otherAdmin", "NOT_FOUND"],
  ] as const)("%s cannot create a plan in district A (%s)", async (role, code) => {
    await signIn(w.users[role]);
    const failure = expectFailure(await createPlanAction(null, formData({ districtSlug: refA.districtSlug, year: 2041 })), code);
    expectSwedishOnly(failure);
    expect(await db.plan.count({ where: { districtId: w.districtA.id, year: 2041 } })).toBe(0);
  });

  it.each([
    ["1999", "Ange ett år från 2000."],
    ["2101", "Ange ett år senast 2100."],
    ["2026.5", "Ange året med fyra siffror."],
  ])("the year %s is VALIDATION with its Swedish message", async (year, message) => {
    const failure = expectFailure(await createPlanAction(null, formData({ districtSlug: refA.districtSlug, year })), "VALIDATION");
    expect(failure.fieldErrors?.year).toEqual([message]);
  });

  // The year is a text input (inputMode="numeric"): letters reach the action, and the form shows fieldErrors.year[0].
  it.each(["tjugo", "2026a"])("the year %s is VALIDATION with a Swedish message, not zod's English one", async (year) => {
    const plansBefore = await db.plan.count({ where: { districtId: w.districtA.id } });
    const failure = expectFailure(await createPlanAction(null, formData({ districtSlug: refA.districtSlug, year })), "VALIDATION");
    expect(failure.fieldErrors?.year).toEqual(["Ange året med fyra siffror."]);
    expectSwedishOnly(failure);
    expect(await db.plan.count({ where: { districtId: w.districtA.id } })).toBe(plansBefore);
  });
});

describe("a plan that is no longer a draft", () => {
  let ref: { districtSlug: string; year: number };
  let planId: string;
  let problemId: string;
  beforeAll(async () => {
    await signIn(w.users.strategistA);
    planId = (await db.$transaction((tx) => insertPlanWithCentralAreas(tx, w.districtA.id, 2028))).id;
    ref = { districtSlug: w.districtA.slug, year: 2028 };
    const areas = await areasOf(planId);
    problemId = expectOk(await createProblemAction(null, formData({ ...ref, areaId: areas[0]!.id, description: "Låst problem" }))).id;
  });

  it.each(["SUBMITTED", "DECIDED", "ACCEPTED", "COUNCIL_DECIDED"] satisfies PlanStatus[])("%s: every edit is LOCKED and nothing changes", async (status) => {
    await db.plan.update({ where: { id: planId }, data: { status } });
    const areas = await areasOf(planId);
    const edits = [
      () => updateProblemAction(null, formData({ ...ref, id: problemId, version: 1, description: "Ändrat efter beslut" })),
      () => createProblemAction(null, formData({ ...ref, areaId: areas[1]!.id, description: "Nytt efter beslut" })),
      () => deleteProblemAction(null, formData({ ...ref, id: problemId, version: 1 })),
      () => createAreaAction(null, formData({ ...ref, name: "Nytt område efter beslut" })),
    ];
    for (const edit of edits) {
      const failure = await refusedWithoutWriting([planId], edit);
      expect(failure).toEqual({ ok: false, code: "LOCKED", message: PERMISSION_MESSAGES.locked });
    }
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ description: "Låst problem", version: 1 });
  });

  it("RETURNED: the plan can be edited again", async () => {
    await db.plan.update({ where: { id: planId }, data: { status: "RETURNED" } });
    expectOk(await updateProblemAction(null, formData({ ...ref, id: problemId, version: 1, description: "Rättat efter återremiss" })));
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ description: "Rättat efter återremiss", version: 2 });
  });
});
