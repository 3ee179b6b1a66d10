// Follow-up of a decided plan and "start next year's plan" through the server actions, against a
// real PostgreSQL: who may write a measure's text and the goals' statuses, on which plans, with
// which ids, concurrently; marking a round as done and opening it again; carrying chosen
// content over to next year's draft. Only the Next request context is replaced (the signed-in
// actor, revalidatePath, redirect).
//
// Every refusal is proven the same way: the plan with everything written beside it (content,
// audit, versions, decisions, comments, signatures) and every follow-up row of the plan are
// exactly as before, and no page was revalidated.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor, PlanStatus } from "@/lib/domain/types";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
/** next/navigation's redirect() throws to end the action; here it throws this, with the target. */
const nav = vi.hoisted(() => {
  class RedirectSignal extends Error {
    constructor(readonly url: string) {
      super(`NEXT_REDIRECT ${url}`);
      this.name = "RedirectSignal";
    }
  }
  return {
    RedirectSignal,
    redirect: (url: string): never => {
      throw new RedirectSignal(url);
    },
  };
});
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: cache.revalidatePath, revalidateTag: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: nav.redirect, notFound: vi.fn() }));

import { completeRoundAction, reopenRoundAction, saveMeasureFollowUpAction } from "@/lib/actions/follow-up";
import { startNextYearAction } from "@/lib/actions/next-year";
import { signMeasureAction } from "@/lib/actions/cosign";
import { decidePlanAction, submitPlanAction } from "@/lib/actions/workflow";
import { FOLLOW_UP_MESSAGES, ROUND_LABELS, type GoalStatus, type RoundKind } from "@/lib/domain/follow-up";
import { PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import {
  actorOf,
  auditRowsSince,
  createOutsiders,
  createPlanFor,
  createWorld,
  db,
  formData,
  insertCompleteChain,
  lastAuditId,
  measureHash,
  planVersion,
  snapshotPlanWithWorkflow,
  testDatabaseUrl,
  type TestUser,
  type World,
} from "@/tests/support/db";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Ref = { districtSlug: string; year: number };
type Fields = Record<string, string | number | boolean | null | undefined>;
type GoalInput = { id: string; version: number; status?: GoalStatus | ""; outcome?: string; comment?: string };
type TestPlan = Awaited<ReturnType<typeof decidedPlan>>;

/** Written in lib/actions/follow-up.ts#conflict for the measure's text. */
const TEXT_CONFLICT = "Någon annan har ändrat uppföljningen av åtgärden sedan du öppnade sidan. Ladda om sidan, se vad som står nu och skriv in din ändring igen.";
const ROUND_CONFLICT = "Någon annan har ändrat uppföljningen sedan du öppnade sidan. Ladda om sidan, se vad som står nu och skriv in din ändring igen.";

let w: World;
let outsiders: Awaited<ReturnType<typeof createOutsiders>>;
/** Every plan of the file gets its own year of district A (ZPlanRef allows up to 2100). */
let nextYear = 2030;

async function signIn(user: TestUser | null) {
  auth.actor = user ? await actorOf(user) : null;
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? r.missing ?? {})}`);
  return r.data;
}

/** Every follow-up row of the plan: rounds, with the goals' and measures' rows. */
async function followUpRows(planId: string) {
  const rounds = await db.followUpRound.findMany({
    where: { planId },
    orderBy: { kind: "asc" },
    include: { goals: { orderBy: { id: "asc" } }, measures: { orderBy: { id: "asc" } } },
  });
  return JSON.parse(JSON.stringify(rounds)) as unknown;
}

/** The plan with everything the workflow and the police wrote beside it, and its follow-up. */
async function everything(planId: string) {
  const [workflow, followUp] = await Promise.all([snapshotPlanWithWorkflow(planId), followUpRows(planId)]);
  return { workflow, followUp };
}

/** The decided plan as a user reads it: content, plan row and version, versions, decisions, comments, signatures — not the audit log, not the follow-up. */
async function decidedContent(planId: string) {
  type Snapshot = { content: { plan: unknown; audit: unknown }; versions: unknown[]; decisions: unknown[]; comments: unknown[]; signatures: unknown[] };
  const { content, ...workflow } = (await snapshotPlanWithWorkflow(planId)) as unknown as Snapshot;
  return { plan: content.plan, ...workflow };
}

/** The follow-up rows of all plans, counted: a refusal that names another plan must not write there either. */
async function followUpCounts() {
  const [rounds, goals, measures] = await Promise.all([db.followUpRound.count(), db.goalFollowUp.count(), db.measureFollowUp.count()]);
  return { rounds, goals, measures };
}

/** Runs a call that must be refused and proves that the plan, its follow-up and everything beside it are exactly as before. */
async function refused(planId: string, run: () => Promise<ActionResult<unknown>>): Promise<Failure> {
  const before = await everything(planId);
  const counts = await followUpCounts();
  cache.revalidatePath.mockClear();
  const r = await run();
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(await everything(planId)).toEqual(before);
  expect(await followUpCounts()).toEqual(counts);
  expect(cache.revalidatePath).not.toHaveBeenCalled();
  return r as Failure;
}

/**
 * A plan of district A for its own year with, in the first area, a measure without the police
 * with two goals and, in the second area, a measure with the police with one goal; its status
 * written straight to the database (default: the council has decided it).
 */
async function decidedPlan(status: PlanStatus = "COUNCIL_DECIDED", opts: { keepNextYearFree?: boolean } = {}) {
  const plan = await createPlanFor(w.districtA, nextYear);
  nextYear += opts.keepNextYearFree ? 2 : 1;
  const plain = await insertCompleteChain(plan.areas[0]!.id, `${plan.ref.year} utan polis`);
  const secondGoal = await db.goal.create({ data: { measureId: plain.measureId, description: `Mål 2 ${plan.ref.year}`, targetValue: 50, position: 1 } });
  const police = await insertCompleteChain(plan.areas[1]!.id, `${plan.ref.year} med polis`, { withPolice: true });
  if (status !== "DRAFT") await db.plan.update({ where: { id: plan.id }, data: { status } });
  return { ...plan, plain: { ...plain, goalIds: [plain.goalId, secondGoal.id] }, police };
}

/** The fields the measure follow-up form posts. */
function followUpFields(ref: Ref, measureId: string, opts: { round?: RoundKind; textVersion?: number; text?: string; goals?: GoalInput[] } = {}): Fields {
  const fields: Fields = { ...ref, round: opts.round ?? "YEAR_END", measureId, textVersion: opts.textVersion ?? 0, text: opts.text };
  (opts.goals ?? []).forEach((g, i) => {
    fields[`goals.${i}.id`] = g.id;
    fields[`goals.${i}.version`] = g.version;
    fields[`goals.${i}.status`] = g.status;
    fields[`goals.${i}.outcome`] = g.outcome;
    fields[`goals.${i}.comment`] = g.comment;
  });
  return fields;
}

async function save(user: TestUser, ref: Ref, measureId: string, opts: Parameters<typeof followUpFields>[2] = {}) {
  await signIn(user);
  return saveMeasureFollowUpAction(null, formData(followUpFields(ref, measureId, opts)));
}

async function roundAction(which: "complete" | "reopen", user: TestUser, ref: Ref, round: RoundKind, roundVersion: number) {
  await signIn(user);
  const action = which === "complete" ? completeRoundAction : reopenRoundAction;
  return action(null, formData({ ...ref, round, roundVersion }));
}

async function roundRow(planId: string, kind: RoundKind = "YEAR_END") {
  return db.followUpRound.findUnique({ where: { planId_kind: { planId, kind } } });
}

async function measureText(planId: string, measureId: string, kind: RoundKind = "YEAR_END") {
  return db.measureFollowUp.findFirst({ where: { measureId, round: { planId, kind } } });
}

async function goalRow(planId: string, goalId: string, kind: RoundKind = "YEAR_END") {
  return db.goalFollowUp.findFirst({ where: { goalId, round: { planId, kind } } });
}

/** startNextYearAction ends with redirect() on success: the target, or the refusal. */
async function startNextYear(user: TestUser, fields: Fields): Promise<{ redirectedTo: string } | ActionResult> {
  await signIn(user);
  try {
    return await startNextYearAction(null, formData(fields));
  } catch (e) {
    if (e instanceof nav.RedirectSignal) return { redirectedTo: e.url };
    throw e;
  }
}

const carry = (ids: string[]): Fields => Object.fromEntries(ids.map((id) => [`carry.${id}`, "on"]));

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
  outsiders = await createOutsiders(w);
});

beforeEach(() => {
  cache.revalidatePath.mockClear();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("writing the follow-up of a decided plan", () => {
  it("the strategist writes a measure's text and its goals' status, outcome and comment at year end; the decided plan stays exactly as decided", async () => {
    // Decided through the real steps, so that there is a frozen version and a decision to keep.
    const plan = await decidedPlan("DRAFT");
    await signIn(w.users.police);
    expectOk(await signMeasureAction(null, formData({ ...plan.ref, measureId: plan.police.measureId, contentHash: await measureHash(plan.id, plan.police.measureId) })));
    await signIn(w.users.strategistA);
    expectOk(await submitPlanAction(null, formData({ ...plan.ref, planVersion: await planVersion(plan.id) })));
    await signIn(w.users.steeringGroupA);
    expectOk(await decidePlanAction(null, formData({ ...plan.ref, planVersion: await planVersion(plan.id), decidedOn: `${plan.ref.year}-03-01` })));
    const decided = await decidedContent(plan.id);
    const version = await planVersion(plan.id);
    expect(decided).toMatchObject({ plan: { status: "DECIDED" } });
    expect(decided.versions.length).toBeGreaterThan(0);
    expect(decided.decisions.length).toBeGreaterThan(0);
    expect(decided.signatures.length).toBeGreaterThan(0);

    const since = await lastAuditId();
    cache.revalidatePath.mockClear();
    const [goal1, goal2] = plan.plain.goalIds as [string, string];
    const result = await save(w.users.strategistA, plan.ref, plan.plain.measureId, {
      text: "  Belysningen vid torget är utbytt. Samverkan med fastighetsägarna fortsätter.  ",
      goals: [
        { id: goal1, version: 0, status: "MET", outcome: "4", comment: "Fyra trygghetsvandringar genomfördes." },
        { id: goal2, version: 0, status: "PARTLY_MET", outcome: "80,5" },
      ],
    });
    expect(result).toEqual({ ok: true, data: { changed: 3 } });

    expect(await measureText(plan.id, plan.plain.measureId)).toMatchObject({
      text: "Belysningen vid torget är utbytt. Samverkan med fastighetsägarna fortsätter.",
      version: 1,
      updatedById: w.users.strategistA.id,
    });
    const g1 = await goalRow(plan.id, goal1);
    expect(g1).toMatchObject({ status: "MET", comment: "Fyra trygghetsvandringar genomfördes.", version: 1, updatedById: w.users.strategistA.id });
    expect(Number(g1?.outcomeValue)).toBe(4);
    const g2 = await goalRow(plan.id, goal2);
    expect(g2).toMatchObject({ status: "PARTLY_MET", comment: null, version: 1, updatedById: w.users.strategistA.id });
    expect(Number(g2?.outcomeValue)).toBe(80.5);
    expect(await roundRow(plan.id)).toMatchObject({ completedAt: null, version: 2 });

    const audit = await auditRowsSince(plan.id, since);
    expect(audit.map((a) => [a.action, a.entityId, a.actorId, a.planId])).toEqual([
      ["followUp.measureFollowUp", plan.plain.measureId, w.users.strategistA.id, plan.id],
      ["followUp.goalFollowUp", goal1, w.users.strategistA.id, plan.id],
      ["followUp.goalFollowUp", goal2, w.users.strategistA.id, plan.id],
    ]);
    expect(audit[0]).toMatchObject({
      before: { round: "YEAR_END", text: null },
      after: { round: "YEAR_END", text: "Belysningen vid torget är utbytt. Samverkan med fastighetsägarna fortsätter." },
    });
    expect(audit[2]).toMatchObject({ before: { round: "YEAR_END", status: null, outcome: null }, after: { round: "YEAR_END", status: "PARTLY_MET", outcome: 80.5 } });

    // What was decided is untouched: content, the plan row and its version, versions, decisions, signatures.
    expect(await decidedContent(plan.id)).toEqual(decided);
    expect(await planVersion(plan.id)).toBe(version);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/plans/${plan.ref.districtSlug}/${plan.ref.year}`, "layout");
  });

  it.each(["DECIDED", "ACCEPTED", "COUNCIL_DECIDED"] as const)("is allowed on a plan with status %s", async (status) => {
    const plan = await decidedPlan(status);
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: `Uppföljning av en plan med status ${status}.` }));
    expect(await measureText(plan.id, plan.plain.measureId)).toMatchObject({ text: `Uppföljning av en plan med status ${status}.` });
  });

  it.each(["DRAFT", "SUBMITTED", "RETURNED"] as const)("is refused on a plan with status %s, with the Swedish reason, and nothing is written", async (status) => {
    const plan = await decidedPlan(status);
    const failure = await refused(plan.id, () =>
      save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "För tidigt.", goals: [{ id: plan.plain.goalId, version: 0, status: "MET" }] }),
    );
    expect(failure).toEqual({ ok: false, code: "LOCKED", message: FOLLOW_UP_MESSAGES.notDecided });
    expect(await roundRow(plan.id)).toBeNull();
  });

  it("an unchanged save writes nothing: no new version, no audit row", async () => {
    const plan = await decidedPlan();
    const goals = (version: number): GoalInput[] => [
      { id: plan.plain.goalIds[0]!, version, status: "NOT_MET", outcome: "1", comment: "" },
      { id: plan.plain.goalIds[1]!, version: 0, status: "", outcome: "", comment: "" },
    ];
    expect(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "Arbetet har inte kommit igång.", goals: goals(0) })).toEqual({ ok: true, data: { changed: 2 } });
    const before = await everything(plan.id);
    const since = await lastAuditId();

    const again = await save(w.users.strategistA, plan.ref, plan.plain.measureId, { textVersion: 1, text: "Arbetet har inte kommit igång.  ", goals: goals(1) });
    expect(again).toEqual({ ok: true, data: { changed: 0 } });
    expect(await auditRowsSince(plan.id, since)).toEqual([]);
    expect(await everything(plan.id)).toEqual(before);
  });
});

describe("who may write the follow-up", () => {
  let plan: TestPlan;
  beforeAll(async () => {
    plan = await decidedPlan();
  });

  it("the police serving the district write the text of a measure carried out with the police", async () => {
    const since = await lastAuditId();
    expect(await save(w.users.police, plan.ref, plan.police.measureId, { text: "Polisen har genomfört fyra insatser vid torget." })).toEqual({ ok: true, data: { changed: 1 } });
    expect(await measureText(plan.id, plan.police.measureId)).toMatchObject({ text: "Polisen har genomfört fyra insatser vid torget.", updatedById: w.users.police.id });
    expect((await auditRowsSince(plan.id, since)).map((a) => [a.action, a.actorId])).toEqual([["followUp.measureFollowUp", w.users.police.id]]);
  });

  it("the police may not write the follow-up of a measure without the police", async () => {
    const failure = await refused(plan.id, () => save(w.users.police, plan.ref, plan.plain.measureId, { text: "Inte polisens åtgärd." }));
    expect(failure).toEqual({ ok: false, code: "FORBIDDEN", message: FOLLOW_UP_MESSAGES.policeOnlyTheirs });
  });

  it("the police may not set a goal's status, not even on their own measure, and their text is not written either", async () => {
    const current = (await measureText(plan.id, plan.police.measureId))?.version ?? 0;
    const failure = await refused(plan.id, () =>
      save(w.users.police, plan.ref, plan.police.measureId, { textVersion: current, text: "Ny text från polisen.", goals: [{ id: plan.police.goalId, version: 0, status: "MET" }] }),
    );
    expect(failure).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotAssess });
  });

  it.each([
    ["the police of a police area that does not serve the district", "policeNotServingA", "NOT_FOUND"],
    ["the police of another municipality", "otherPolice", "NOT_FOUND"],
    ["the strategist of another municipality", "otherStrategist", "NOT_FOUND"],
  ] as const)("%s is refused (%s) and nothing is written", async (_label, who, code) => {
    const failure = await refused(plan.id, () => save(outsiders.users[who], plan.ref, plan.police.measureId, { text: "Utifrån." }));
    expect(failure).toEqual({ ok: false, code, message: MESSAGES.notFound });
  });

  it.each([
    ["the local steering group", "steeringGroupA"],
    ["the review group", "reviewGroup"],
    ["the strategist of district B", "strategistB"],
  ] as const)("%s may read but not write the follow-up (FORBIDDEN)", async (_label, who) => {
    const failure = await refused(plan.id, () => save(w.users[who], plan.ref, plan.plain.measureId, { text: "Obehörig uppföljning." }));
    expect(failure).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotFollowUp });
  });

  it("a user without a role is NOT_FOUND, and a signed-out user UNAUTHENTICATED", async () => {
    expect(await refused(plan.id, () => save(w.users.noRole, plan.ref, plan.plain.measureId, { text: "Utan roll." }))).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: MESSAGES.notFound,
    });
    const signedOut = await refused(plan.id, async () => {
      auth.actor = null;
      return saveMeasureFollowUpAction(null, formData(followUpFields(plan.ref, plan.plain.measureId, { text: "Utloggad." })));
    });
    expect(signedOut).toMatchObject({ code: "UNAUTHENTICATED", message: MESSAGES.unauthenticated });
  });
});

describe("forged ids", () => {
  it("a measure of another district's plan, of another plan of the district, or one that does not exist is NOT_FOUND", async () => {
    const plan = await decidedPlan();
    const other = await decidedPlan();
    const areaB = await db.priorityArea.findFirstOrThrow({ where: { planId: w.planB.id }, orderBy: { position: "asc" } });
    const chainB = await insertCompleteChain(areaB.id, "distrikt B");
    await db.plan.update({ where: { id: w.planB.id }, data: { status: "COUNCIL_DECIDED" } });
    try {
      for (const measureId of [chainB.measureId, other.plain.measureId, "00000000-0000-4000-8000-000000000000"]) {
        const failure = await refused(plan.id, () =>
          save(w.users.strategistA, plan.ref, measureId, { text: "Förfalskad.", goals: [{ id: plan.plain.goalId, version: 0, status: "MET" }] }),
        );
        expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
      }
      expect(await followUpRows(other.id)).toEqual([]);
      expect(await followUpRows(w.planB.id)).toEqual([]);
    } finally {
      await db.plan.update({ where: { id: w.planB.id }, data: { status: "DRAFT" } });
    }
  });

  it("a goal of another measure is NOT_FOUND and the measure's text is not written either", async () => {
    const plan = await decidedPlan();
    const failure = await refused(plan.id, () =>
      save(w.users.strategistA, plan.ref, plan.plain.measureId, {
        text: "Texten får inte sparas.",
        goals: [
          { id: plan.plain.goalIds[0]!, version: 0, status: "MET" },
          { id: plan.police.goalId, version: 0, status: "NOT_MET" },
        ],
      }),
    );
    expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });
});

describe("two people writing at once", () => {
  it("the second of two saves made from the same page is a CONFLICT with a Swedish message, and the first text stays", async () => {
    const plan = await decidedPlan();
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "Strategens text." }));
    const failure = await refused(plan.id, () => save(w.users.admin, plan.ref, plan.plain.measureId, { textVersion: 0, text: "Administratörens text." }));
    expect(failure).toEqual({ ok: false, code: "CONFLICT", message: TEXT_CONFLICT });
    expect(await measureText(plan.id, plan.plain.measureId)).toMatchObject({ text: "Strategens text.", version: 1, updatedById: w.users.strategistA.id });

    // A goal seen at an older version is a conflict too.
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { textVersion: 1, text: "Strategens text.", goals: [{ id: plan.plain.goalId, version: 0, status: "MET" }] }));
    const stale = await refused(plan.id, () =>
      save(w.users.admin, plan.ref, plan.plain.measureId, { textVersion: 1, text: "Strategens text.", goals: [{ id: plan.plain.goalId, version: 0, status: "NOT_MET" }] }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT" });
    expect(await goalRow(plan.id, plan.plain.goalId)).toMatchObject({ status: "MET", version: 1 });
  });

  it("of two saves sent at the same time, exactly one is written and the other is a CONFLICT", async () => {
    const plan = await decidedPlan();
    await signIn(w.users.strategistA);
    const first = saveMeasureFollowUpAction(null, formData(followUpFields(plan.ref, plan.police.measureId, { text: "Strategen var först." })));
    await signIn(w.users.police);
    const second = saveMeasureFollowUpAction(null, formData(followUpFields(plan.ref, plan.police.measureId, { text: "Polisen var först." })));
    const results = await Promise.all([first, second]);

    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r): r is Failure => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, code: "CONFLICT", message: TEXT_CONFLICT }]);
    const rows = await db.measureFollowUp.findMany({ where: { measureId: plan.police.measureId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.version).toBe(1);
    expect(rows[0]!.text).toBe(results[0]!.ok ? "Strategen var först." : "Polisen var först.");
    expect(await db.auditLog.count({ where: { planId: plan.id, action: "followUp.measureFollowUp" } })).toBe(1);
  });
});

describe("marking a round as done", () => {
  it("is refused while goals lack a status (each listed with a link), then done; a done round is read-only until it is reopened with the version the user saw", async () => {
    const plan = await decidedPlan();
    const [goal1, goal2] = plan.plain.goalIds as [string, string];
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { goals: [{ id: goal1, version: 0, status: "MET" }] }));

    const incomplete = await refused(plan.id, async () => roundAction("complete", w.users.strategistA, plan.ref, "YEAR_END", (await roundRow(plan.id))!.version));
    const base = `/plans/${plan.ref.districtSlug}/${plan.ref.year}/follow-up/year-end`;
    expect(incomplete).toEqual({
      ok: false,
      code: "INCOMPLETE",
      message: `${ROUND_LABELS.YEAR_END} kan inte markeras som klar än: 2 mål saknar status.`,
      missing: [
        { message: `${plan.areas[0]!.name}: mål 2 i åtgärd 1.1.1 saknar status.`, href: `${base}/${plan.areas[0]!.id}#goal-${goal2}` },
        { message: `${plan.areas[1]!.name}: mål 1 i åtgärd 1.1.1 saknar status.`, href: `${base}/${plan.areas[1]!.id}#goal-${plan.police.goalId}` },
      ],
    });

    // The police and the steering group can neither complete nor reopen.
    for (const user of [w.users.police, w.users.steeringGroupA]) {
      const r = await refused(plan.id, async () => roundAction("complete", user, plan.ref, "YEAR_END", (await roundRow(plan.id))!.version));
      expect(r).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotAssess });
    }

    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { goals: [{ id: goal2, version: 0, status: "MOVED_TO_NEXT_YEAR" }] }));
    expectOk(await save(w.users.strategistA, plan.ref, plan.police.measureId, { goals: [{ id: plan.police.goalId, version: 0, status: "NOT_MET" }] }));
    const since = await lastAuditId();
    const seen = (await roundRow(plan.id))!.version;
    expect(await roundAction("complete", w.users.strategistA, plan.ref, "YEAR_END", seen)).toEqual({ ok: true, data: { round: "YEAR_END" } });
    const done = (await roundRow(plan.id))!;
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done).toMatchObject({ completedById: w.users.strategistA.id, version: seen + 1 });
    expect((await auditRowsSince(plan.id, since)).map((a) => [a.action, a.entityId, a.actorId])).toEqual([["followUp.complete", done.id, w.users.strategistA.id]]);

    // Done: read-only for everybody, and not done twice.
    const locked = await refused(plan.id, () => save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "Efter att rundan är klar." }));
    expect(locked).toEqual({ ok: false, code: "LOCKED", message: FOLLOW_UP_MESSAGES.completed });
    const policeLocked = await refused(plan.id, () => save(w.users.police, plan.ref, plan.police.measureId, { text: "Polisen efter klar." }));
    expect(policeLocked).toMatchObject({ code: "LOCKED" });
    expect(await refused(plan.id, () => roundAction("complete", w.users.strategistA, plan.ref, "YEAR_END", done.version))).toMatchObject({ code: "CONFLICT" });
    for (const user of [w.users.police, w.users.steeringGroupA]) {
      expect(await refused(plan.id, () => roundAction("reopen", user, plan.ref, "YEAR_END", done.version))).toMatchObject({ code: "FORBIDDEN" });
    }

    // Reopened only from a page that shows the round as it is now.
    const stale = await refused(plan.id, () => roundAction("reopen", w.users.strategistA, plan.ref, "YEAR_END", seen));
    expect(stale).toEqual({ ok: false, code: "CONFLICT", message: ROUND_CONFLICT });
    expect(await roundAction("reopen", w.users.strategistA, plan.ref, "YEAR_END", done.version)).toEqual({ ok: true, data: { round: "YEAR_END" } });
    expect(await roundRow(plan.id)).toMatchObject({ completedAt: null, completedById: null, version: done.version + 1 });
    expect(await db.auditLog.count({ where: { planId: plan.id, action: "followUp.reopen" } })).toBe(1);
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "Efter att rundan öppnats igen." }));

    // Other rounds are their own: T1 was never written and is not done.
    expect(await roundRow(plan.id, "T1")).toBeNull();
  });

  it("reopening a round that is not done is a CONFLICT", async () => {
    const plan = await decidedPlan();
    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { round: "T1", text: "Tertial 1." }));
    const r = await refused(plan.id, async () => roundAction("reopen", w.users.strategistA, plan.ref, "T1", (await roundRow(plan.id, "T1"))!.version));
    expect(r).toEqual({ ok: false, code: "CONFLICT", message: FOLLOW_UP_MESSAGES.notCompleted });
  });

  // A round is never marked done over statuses the strategist has not seen (here a goal's status
  // changed by the admin after the page was opened).
  it("marking a round as done from a stale page (older roundVersion) is a CONFLICT", async () => {
    const plan = await decidedPlan();
    for (const [measureId, ids] of [
      [plan.plain.measureId, plan.plain.goalIds],
      [plan.police.measureId, [plan.police.goalId]],
    ] as const) {
      expectOk(await save(w.users.strategistA, plan.ref, measureId, { goals: ids.map((id) => ({ id, version: 0, status: "MET" as const })) }));
    }
    const seen = (await roundRow(plan.id))!.version;
    expectOk(await save(w.users.admin, plan.ref, plan.plain.measureId, { goals: [{ id: plan.plain.goalId, version: 1, status: "NOT_MET" }] }));
    const r = await refused(plan.id, () => roundAction("complete", w.users.strategistA, plan.ref, "YEAR_END", seen));
    expect(r).toMatchObject({ code: "CONFLICT" });
  });
});

describe("input limits", () => {
  it("a text over 10 000 characters is refused with a field error; 10 000 is accepted", async () => {
    const plan = await decidedPlan();
    const failure = await refused(plan.id, () => save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "a".repeat(10_001) }));
    expect(failure).toMatchObject({ code: "VALIDATION", message: MESSAGES.validation });
    expect(Object.keys(failure.fieldErrors ?? {})).toEqual(["text"]);
    expect(failure.fieldErrors?.text).toEqual([expect.stringMatching(/^Uppföljningen får vara högst 10\s000 tecken\.$/u)]);

    expectOk(await save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "a".repeat(10_000) }));
    expect((await measureText(plan.id, plan.plain.measureId))?.text).toHaveLength(10_000);
  });

  it.each(["abc", "-1", "1e400"])("an outcome of %j is refused with a field error on the goal's outcome", async (outcome) => {
    const plan = await decidedPlan();
    const failure = await refused(plan.id, () =>
      save(w.users.strategistA, plan.ref, plan.plain.measureId, { text: "Text som inte sparas.", goals: [{ id: plan.plain.goalId, version: 0, status: "MET", outcome }] }),
    );
    expect(failure).toMatchObject({ code: "VALIDATION", fieldErrors: { "goals.0.outcome": ["Ange utfallet som ett tal, till exempel 11 eller 80,5."] } });
  });

  it("an unknown round or goal status is refused", async () => {
    const plan = await decidedPlan();
    const badRound = await refused(plan.id, async () => {
      await signIn(w.users.strategistA);
      return saveMeasureFollowUpAction(null, formData({ ...followUpFields(plan.ref, plan.plain.measureId, { text: "x" }), round: "T3" }));
    });
    expect(badRound).toMatchObject({ code: "VALIDATION", fieldErrors: { round: ["Okänd uppföljningsomgång."] } });
    const badStatus = await refused(plan.id, async () => {
      await signIn(w.users.strategistA);
      return saveMeasureFollowUpAction(
        null,
        formData({ ...followUpFields(plan.ref, plan.plain.measureId, { goals: [{ id: plan.plain.goalId, version: 0 }] }), "goals.0.status": "DONE" }),
      );
    });
    expect(badStatus).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(badStatus.fieldErrors ?? {})).toEqual(["goals.0.status"]);
  });
});

describe("starting next year's plan from this year's", () => {
  /**
   * A decided plan whose first area holds (as its second problem) a problem → cause → two measures: the first ongoing
   * with one goal, the second with a date, the police and a school responsible, and two goals
   * (the second moved to next year at year end). A further chain in the second area and an own
   * area with a chain are not chosen.
   */
  async function sourcePlan() {
    const plan = await decidedPlan("COUNCIL_DECIDED", { keepNextYearFree: true });
    const chain = await insertCompleteChain(plan.areas[0]!.id, `${plan.ref.year} källa`);
    await db.problem.update({ where: { id: chain.problemId }, data: { position: 1 } }); // the area's second problem
    const dated = await db.measure.create({
      data: {
        causeId: chain.causeId,
        description: "Föräldravandringar helger",
        kind: "ONE_OFF",
        withPolice: true,
        deadlineKind: "DATE",
        deadlineDate: new Date(`${plan.ref.year}-06-30`),
        youthStrategy: true,
        position: 1,
      },
    });
    await db.responsibleParty.createMany({
      data: [
        { measureId: dated.id, organisation: "Polisen", role: "Kommunpolis", position: 0 },
        { measureId: dated.id, organisation: "Skolan", role: null, position: 1 },
      ],
    });
    const metGoal = await db.goal.create({ data: { measureId: dated.id, description: "Tio vandringar", targetValue: 10, position: 0 } });
    const movedGoal = await db.goal.create({ data: { measureId: dated.id, description: "Andel trygga föräldrar", targetValue: 80.5, targetUnit: "%", position: 1 } });
    const ownArea = await db.priorityArea.create({ data: { planId: plan.id, name: `Eget område ${plan.ref.year}`, position: plan.areas.length } });
    await insertCompleteChain(ownArea.id, `${plan.ref.year} eget`);

    expectOk(
      await save(w.users.strategistA, plan.ref, dated.id, {
        text: "Tio vandringar genomfördes. Målet om andel trygga föräldrar flyttas till nästa år.",
        goals: [
          { id: metGoal.id, version: 0, status: "MET" },
          { id: movedGoal.id, version: 0, status: "MOVED_TO_NEXT_YEAR" },
        ],
      }),
    );
    return { plan, chain, dated, metGoal, movedGoal, ownArea };
  }

  const planOf = (year: number) => db.plan.findUnique({ where: { districtId_year: { districtId: w.districtA.id, year } } });
  const plansOfA = () => db.plan.count({ where: { districtId: w.districtA.id } });

  /** The new plan's tree with every column a user sees, in position order. */
  const treeOf = (planId: string) =>
    db.priorityArea.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      include: {
        problems: {
          orderBy: { position: "asc" },
          include: {
            causes: {
              orderBy: { position: "asc" },
              include: { measures: { orderBy: { position: "asc" }, include: { responsibleParties: { orderBy: { position: "asc" } }, goals: { orderBy: { position: "asc" } } } } },
            },
          },
        },
      },
    });

  it("carries exactly the chosen problem, cause, measures and goal, each linked to its origin, into a new draft with all the areas", async () => {
    const s = await sourcePlan();
    const sourceBefore = await decidedContent(s.plan.id);
    const since = await lastAuditId();
    const target = s.plan.ref.year + 1;

    const result = await startNextYear(w.users.strategistA, {
      ...s.plan.ref,
      ...carry([s.chain.problemId, s.chain.causeId, s.chain.measureId, s.dated.id, s.movedGoal.id]),
    });
    expect(result).toEqual({ redirectedTo: `/plans/${s.plan.ref.districtSlug}/${target}` });

    const created = await planOf(target);
    expect(created).toMatchObject({ status: "DRAFT", version: 1 });
    const areas = await treeOf(created!.id);
    const sourceAreas = await db.priorityArea.findMany({ where: { planId: s.plan.id }, orderBy: { position: "asc" } });
    expect(areas.map((a) => [a.position, a.name, a.centralArea])).toEqual(sourceAreas.map((a) => [a.position, a.name, a.centralArea]));
    expect(areas.filter((a) => a.centralArea !== null)).toHaveLength(5);

    // Only the first area has content: one problem, one cause, the two chosen measures.
    expect(areas.slice(1).flatMap((a) => a.problems)).toEqual([]);
    const [problem, ...moreProblems] = areas[0]!.problems;
    expect(moreProblems).toEqual([]);
    expect(problem).toMatchObject({ description: `Problem ${s.plan.ref.year} källa`, position: 0, carriedFromId: s.chain.problemId });
    expect(problem!.causes).toHaveLength(1);
    const cause = problem!.causes[0]!;
    expect(cause).toMatchObject({ description: `Orsak ${s.plan.ref.year} källa`, position: 0, carriedFromId: s.chain.causeId });

    const [ongoing, dated] = cause.measures;
    expect(cause.measures).toHaveLength(2);
    expect(ongoing).toMatchObject({ position: 0, carriedFromId: s.chain.measureId, deadlineKind: "ONGOING", description: `Åtgärd ${s.plan.ref.year} källa` });
    expect(ongoing!.goals).toEqual([]); // its goal was not chosen
    expect(ongoing!.responsibleParties.map((r) => [r.organisation, r.role, r.position])).toEqual([["Stadsdelsförvaltningen", null, 0]]);
    expect(dated).toMatchObject({
      position: 1,
      carriedFromId: s.dated.id,
      description: "Föräldravandringar helger",
      kind: "ONE_OFF",
      withPolice: true,
      youthStrategy: true,
      violentExtremism: false,
      deadlineKind: null,
      deadlineDate: null,
      deadlineNote: null,
    });
    expect(dated!.responsibleParties.map((r) => [r.organisation, r.role, r.position])).toEqual([
      ["Polisen", "Kommunpolis", 0],
      ["Skolan", null, 1],
    ]);
    expect(dated!.goals).toHaveLength(1);
    expect(dated!.goals[0]).toMatchObject({ description: "Andel trygga föräldrar", targetUnit: "%", position: 0, carriedFromId: s.movedGoal.id });
    expect(Number(dated!.goals[0]!.targetValue)).toBe(80.5);

    // Nothing of it is follow-up: next year starts without any.
    expect(await followUpRows(created!.id)).toEqual([]);

    const audit = await db.auditLog.findMany({ where: { id: { gt: since }, action: "plan.create" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      planId: created!.id,
      entityId: created!.id,
      actorId: w.users.strategistA.id,
      after: {
        district: s.plan.ref.districtSlug,
        year: target,
        carriedFrom: { planId: s.plan.id, year: s.plan.ref.year },
        problems: 1,
        causes: 1,
        measures: 2,
        goals: 1,
      },
    });
    // The source plan is exactly as decided.
    expect(await decidedContent(s.plan.id)).toEqual(sourceBefore);
  });

  it("with nothing chosen, next year's plan has the areas and nothing in them", async () => {
    const s = await sourcePlan();
    const result = await startNextYear(w.users.admin, { ...s.plan.ref });
    expect(result).toEqual({ redirectedTo: `/plans/${s.plan.ref.districtSlug}/${s.plan.ref.year + 1}` });
    const areas = await treeOf((await planOf(s.plan.ref.year + 1))!.id);
    expect(areas.map((a) => a.name)).toEqual([...s.plan.areas.map((a) => a.name), s.ownArea.name]);
    expect(areas.flatMap((a) => a.problems)).toEqual([]);
  });

  it("a goal chosen without its measure is refused with the list of what is missing, and no plan is made", async () => {
    const s = await sourcePlan();
    const plans = await plansOfA();
    const since = await lastAuditId();
    const result = await startNextYear(w.users.strategistA, { ...s.plan.ref, ...carry([s.chain.problemId, s.chain.causeId, s.movedGoal.id]) });
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Valet går inte att ta med som det är: 1 rad saknar det de hör till.",
      missing: [{ message: `${s.plan.areas[0]!.name}: mål 2 i åtgärd 2.1.2 kan bara följa med om åtgärden också gör det.`, href: `#carry-${s.movedGoal.id}` }],
    });
    expect(await plansOfA()).toBe(plans);
    expect(await planOf(s.plan.ref.year + 1)).toBeNull();
    expect(await db.auditLog.count({ where: { id: { gt: since } } })).toBe(0);
  });

  it("an id that is not in the plan is refused", async () => {
    const s = await sourcePlan();
    const other = await decidedPlan();
    const result = await startNextYear(w.users.strategistA, { ...s.plan.ref, ...carry([other.plain.problemId]) });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", missing: [{ message: "Ett valt innehåll finns inte i planen.", href: `#carry-${other.plain.problemId}` }] });
    expect(await planOf(s.plan.ref.year + 1)).toBeNull();
  });

  it("is refused when next year's plan already exists, and nothing is created or changed", async () => {
    const s = await sourcePlan();
    const existing = await createPlanFor(w.districtA, s.plan.ref.year + 1);
    const before = await everything(existing.id);
    const plans = await plansOfA();
    const since = await lastAuditId();
    const result = await startNextYear(w.users.strategistA, { ...s.plan.ref, ...carry([s.chain.problemId]) });
    expect(result).toEqual({ ok: false, code: "CONFLICT", message: `Det finns redan en åtgärdsplan för ${s.plan.ref.year + 1} i ${w.districtA.name}. Öppna den i stället.` });
    expect(await everything(existing.id)).toEqual(before);
    expect(await plansOfA()).toBe(plans);
    expect(await db.auditLog.count({ where: { id: { gt: since } } })).toBe(0);
  });

  it("is refused from a plan that is not decided yet", async () => {
    const draft = await decidedPlan("DRAFT", { keepNextYearFree: true });
    const plans = await plansOfA();
    const result = await startNextYear(w.users.strategistA, { ...draft.ref, ...carry([draft.plain.problemId]) });
    expect(result).toEqual({ ok: false, code: "LOCKED", message: `Nästa års plan startas från en beslutad plan. Åtgärdsplan ${draft.ref.year} är inte beslutad än.` });
    expect(await plansOfA()).toBe(plans);
  });

  it.each([
    ["the police", "police"],
    ["the local steering group", "steeringGroupA"],
    ["the strategist of district B", "strategistB"],
  ] as const)("%s may not start next year's plan (FORBIDDEN)", async (_label, who) => {
    const s = await sourcePlan();
    const plans = await plansOfA();
    const result = await startNextYear(w.users[who], { ...s.plan.ref, ...carry([s.chain.problemId]) });
    expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotCreate });
    expect(await plansOfA()).toBe(plans);
  });

  it("a user without a role is NOT_FOUND", async () => {
    const s = await sourcePlan();
    const result = await startNextYear(w.users.noRole, { ...s.plan.ref });
    expect(result).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    expect(await planOf(s.plan.ref.year + 1)).toBeNull();
  });
});
