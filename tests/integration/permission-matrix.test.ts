// Who may take which step on district A's plan, as a table: every workflow step and the police
// answers (sign, decline) × every user of createWorld and createOutsiders, with the plan in each
// status where the step is legal. The expectation comes from the rule table in
// lib/domain/permissions.ts (authorize); the table itself is checked against a list written out
// by hand, so a wrong rule fails here too. Refused → exactly nothing changed.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, PlanStatus } from "@/lib/domain/types";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: cache.revalidatePath, revalidateTag: vi.fn() }));

import { declineMeasureAction, signMeasureAction } from "@/lib/actions/cosign";
import {
  acceptPlanReviewAction,
  decidePlanAction,
  recordCouncilDecisionAction,
  reopenPlanAction,
  returnPlanFromReviewAction,
  returnPlanFromSteeringAction,
  submitPlanAction,
} from "@/lib/actions/workflow";
import { authorize, PERMISSION_MESSAGES, PERMISSION_RULES, type Permission } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import { WORKFLOW, WORKFLOW_EVENTS, type PayloadField, type WorkflowEvent } from "@/lib/domain/workflow";
import {
  actorOf,
  createOutsiders,
  createPlanFor,
  createWorld,
  db,
  formData,
  insertCompleteChain,
  measureHash,
  planVersion,
  snapshotPlanWithWorkflow,
  testDatabaseUrl,
  type TestUser,
  type World,
} from "@/tests/support/db";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Outsiders = Awaited<ReturnType<typeof createOutsiders>>;

const WORLD_USERS = ["strategistA", "strategistB", "police", "reviewGroup", "otherAdmin", "noRole", "steeringGroupA", "admin"] as const;
const OUTSIDER_USERS = ["steeringGroupB", "policeNotServingA", "otherStrategist", "otherSteeringGroup", "otherPolice", "otherReviewGroup"] as const;
const USERS = [...WORLD_USERS, ...OUTSIDER_USERS] as const;
type UserKey = (typeof USERS)[number];

type MatrixAction = WorkflowEvent | "SIGN" | "DECLINE";
const MATRIX_ACTIONS: readonly MatrixAction[] = [...WORKFLOW_EVENTS, "SIGN", "DECLINE"];

/** Written out by hand: who may take each step on district A's plan (A's police area is the world's only one serving A). */
const MAY: Record<MatrixAction, readonly UserKey[]> = {
  SUBMIT: ["strategistA", "admin"],
  DECIDE: ["steeringGroupA"],
  RETURN_FROM_STEERING: ["steeringGroupA"],
  REVIEW_ACCEPT: ["reviewGroup"],
  REVIEW_RETURN: ["reviewGroup"],
  COUNCIL_DECIDE: ["strategistA", "admin"],
  REOPEN: ["strategistA", "admin"],
  SIGN: ["police"],
  DECLINE: ["police"],
};

const permissionOf = (action: MatrixAction): Permission => (action === "SIGN" || action === "DECLINE" ? "measure.cosign" : WORKFLOW[action].permission);

/** The statuses where the step is legal: the workflow's `from`; the police answer only while the plan is open for changes. */
const legalFrom = (action: MatrixAction): readonly PlanStatus[] => (action === "SIGN" || action === "DECLINE" ? ["DRAFT", "RETURNED"] : WORKFLOW[action].from);

const PAYLOAD: Record<PayloadField, string> = { comment: "Kommentar i behörighetsmatrisen.", decidedOn: "2026-03-14", paragraph: "§ 7" };

const WORKFLOW_ACTIONS: Record<WorkflowEvent, (prev: unknown, fd: FormData) => Promise<ActionResult<{ status: PlanStatus }>>> = {
  SUBMIT: submitPlanAction,
  DECIDE: decidePlanAction,
  RETURN_FROM_STEERING: returnPlanFromSteeringAction,
  REVIEW_ACCEPT: acceptPlanReviewAction,
  REVIEW_RETURN: returnPlanFromReviewAction,
  COUNCIL_DECIDE: recordCouncilDecisionAction,
  REOPEN: reopenPlanAction,
};

const CASES = MATRIX_ACTIONS.flatMap((action) => legalFrom(action).flatMap((status) => USERS.map((who) => [action, status, who] as const)));

let w: World;
let o: Outsiders;
/** A complete plan of A whose one police measure is signed: every workflow step can be taken on it. */
let flowPlan: Awaited<ReturnType<typeof createPlanFor>>;
/** A plan of A with one police measure that the police answer (its signatures are cleared before each case). */
let signPlan: Awaited<ReturnType<typeof createPlanFor>>;
let flowMeasure: string;
let signMeasure: string;

function userOf(who: UserKey): TestUser {
  return (w.users as Record<string, TestUser>)[who] ?? (o.users as Record<string, TestUser>)[who]!;
}

/** District A's scope written out from the world (not read through the app's loader). */
function scopeA() {
  return { districtId: w.districtA.id, municipalityId: w.municipality.id, policeAreaIds: [w.policeArea.id] };
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? r.missing ?? {})}`);
  return r.data;
}

/** Takes the step as `user` from a page opened now, with exactly the fields the step requires. */
async function take(action: MatrixAction, user: TestUser): Promise<ActionResult<unknown>> {
  auth.actor = await actorOf(user);
  if (action === "SIGN" || action === "DECLINE") {
    const fields = { ...ref(signPlan), measureId: signMeasure, contentHash: await measureHash(signPlan.id, signMeasure) };
    return action === "SIGN" ? signMeasureAction(null, formData(fields)) : declineMeasureAction(null, formData({ ...fields, comment: PAYLOAD.comment }));
  }
  const payload = Object.fromEntries(WORKFLOW[action].requires.map((field) => [field, PAYLOAD[field]]));
  return WORKFLOW_ACTIONS[action](null, formData({ ...ref(flowPlan), planVersion: await planVersion(flowPlan.id), ...payload }));
}

const ref = (plan: { ref: { districtSlug: string; year: number } }) => plan.ref;

/** Puts the plan in the status directly (the steps that lead there are tested in workflow-actions.test.ts). */
async function prepare(action: MatrixAction, status: PlanStatus): Promise<string> {
  const planId = action === "SIGN" || action === "DECLINE" ? signPlan.id : flowPlan.id;
  await db.plan.update({ where: { id: planId }, data: { status } });
  if (planId === signPlan.id) await db.coSignature.deleteMany({ where: { measureId: signMeasure } });
  return planId;
}

/** Runs a call that must be refused and proves that the plan, and everything written beside it, is exactly as before. */
async function refused(planId: string, run: () => Promise<ActionResult<unknown>>): Promise<Failure> {
  const before = await snapshotPlanWithWorkflow(planId);
  cache.revalidatePath.mockClear();
  const r = await run();
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(await snapshotPlanWithWorkflow(planId)).toEqual(before);
  expect(cache.revalidatePath).not.toHaveBeenCalled();
  return r as Failure;
}

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
  o = await createOutsiders(w);
  flowPlan = await createPlanFor(w.districtA, 2050);
  signPlan = await createPlanFor(w.districtA, 2051);
  flowMeasure = (await insertCompleteChain(flowPlan.areas[0]!.id, "matris", { withPolice: true })).measureId;
  signMeasure = (await insertCompleteChain(signPlan.areas[0]!.id, "matris signering", { withPolice: true })).measureId;
  auth.actor = await actorOf(w.users.police);
  expectOk(await signMeasureAction(null, formData({ ...flowPlan.ref, measureId: flowMeasure, contentHash: await measureHash(flowPlan.id, flowMeasure) })));
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the matrix covers everyone", () => {
  it("every user of createWorld and createOutsiders is in the matrix", () => {
    expect(Object.keys(w.users).sort()).toEqual([...WORLD_USERS].sort());
    expect(Object.keys(o.users).sort()).toEqual([...OUTSIDER_USERS].sort());
  });
});

describe("the rule table says exactly what is written out by hand", () => {
  it.each(MATRIX_ACTIONS)("%s", async (action) => {
    const allowed: UserKey[] = [];
    for (const who of USERS) {
      const actor = await actorOf(userOf(who));
      // The status does not matter for these permissions: only role and district do.
      if (legalFrom(action).every((status) => authorize(actor, permissionOf(action), { scope: scopeA(), planStatus: status }).ok)) allowed.push(who);
    }
    expect(allowed.sort()).toEqual([...MAY[action]].sort());
  });
});

describe("every step × every user, with the plan where the step is legal: allowed exactly when the table says so", () => {
  it.each(CASES)("%s from %s by %s", async (action, status, who) => {
    const user = userOf(who);
    const actor = await actorOf(user);
    const permission = permissionOf(action);
    const allowed = authorize(actor, permission, { scope: scopeA(), planStatus: status }).ok;
    const planId = await prepare(action, status);

    if (allowed) {
      expectOk(await take(action, user));
      if (action === "SIGN" || action === "DECLINE") {
        expect(await db.coSignature.findMany({ where: { measureId: signMeasure }, select: { status: true, userId: true } })).toEqual([
          { status: action === "SIGN" ? "SIGNED" : "DECLINED", userId: user.id },
        ]);
      } else {
        expect((await db.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe(WORKFLOW[action].to);
      }
      return;
    }

    const failure = await refused(planId, () => take(action, user));
    // Users who cannot see A's plan learn nothing about it; the others are told who may do it.
    const canView = authorize(actor, "plan.view", { scope: scopeA() }).ok;
    expect(failure).toEqual(
      canView
        ? { ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES[PERMISSION_RULES[permission].forbidden] }
        : { ok: false, code: "NOT_FOUND", message: MESSAGES.notFound },
    );
  });
});

describe("a few cases written out", () => {
  it("the steering group of B may not decide A's plan (FORBIDDEN, nothing written); A's steering group may", async () => {
    await prepare("DECIDE", "SUBMITTED");
    const failure = await refused(flowPlan.id, () => take("DECIDE", o.users.steeringGroupB));
    expect(failure).toEqual({ ok: false, code: "FORBIDDEN", message: "Du har inte behörighet att besluta planen. Det gör stadsdelsområdets lokala styrgrupp." });
    expectOk(await take("DECIDE", w.users.steeringGroupA));
  });

  it("the strategist of B may not submit A's plan, nor reopen it", async () => {
    await prepare("SUBMIT", "DRAFT");
    expect(await refused(flowPlan.id, () => take("SUBMIT", w.users.strategistB))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotSubmit });
    await prepare("REOPEN", "DECIDED");
    expect(await refused(flowPlan.id, () => take("REOPEN", w.users.strategistB))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotReopen });
  });

  it("the police serving A may not decide A's plan, and the strategist may not accept it for the review group", async () => {
    await prepare("DECIDE", "SUBMITTED");
    expect(await refused(flowPlan.id, () => take("DECIDE", w.users.police))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotDecide });
    await prepare("REVIEW_ACCEPT", "DECIDED");
    expect(await refused(flowPlan.id, () => take("REVIEW_ACCEPT", w.users.strategistA))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotReview });
  });

  it("police not serving A may not sign A's measure (NOT_FOUND, nothing written); A's police may", async () => {
    await prepare("SIGN", "DRAFT");
    expect(await refused(signPlan.id, () => take("SIGN", o.users.policeNotServingA))).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    expect(await refused(signPlan.id, () => take("SIGN", o.users.otherPolice))).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    expectOk(await take("SIGN", w.users.police));
  });

  it("the review group and an administrator of another municipality cannot even find A's plan", async () => {
    await prepare("REVIEW_ACCEPT", "DECIDED");
    expect(await refused(flowPlan.id, () => take("REVIEW_ACCEPT", o.users.otherReviewGroup))).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    await prepare("REOPEN", "DECIDED");
    expect(await refused(flowPlan.id, () => take("REOPEN", w.users.otherAdmin))).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });
});
