// The police co-sign the measures they take part in, through the server actions against a real
// PostgreSQL: a signature is given to one wording (the measure's content hash), a later edit
// makes it outdated, a decline needs a reason, and only the police of an area that serves the
// district may answer, only for a measure of that district's plan that needs them, and only
// while the plan is open for changes.
//
// Every refusal is proven with snapshotPlanWithWorkflow before and after (content, plan row and
// version, audit, versions, decisions, comments and every co-signature) and no revalidation.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/types";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: cache.revalidatePath, revalidateTag: vi.fn() }));

import { declineMeasureAction, signMeasureAction } from "@/lib/actions/cosign";
import { updateMeasureAction } from "@/lib/actions/measures";
import { decidePlanAction, returnPlanFromReviewAction, submitPlanAction } from "@/lib/actions/workflow";
import { PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import {
  actorOf,
  areasOf,
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
  signatureStateOf,
  snapshotPlanWithWorkflow,
  testDatabaseUrl,
  type TestUser,
  type World,
} from "@/tests/support/db";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Ref = { districtSlug: string; year: number };
type Outsiders = Awaited<ReturnType<typeof createOutsiders>>;

// Written in lib/actions/cosign.ts (not in MESSAGES).
const DECLINE_NEEDS_REASON = "Skriv varför polisen inte kan ställa sig bakom åtgärden, så att strategen kan ändra den.";
const CHANGED_SINCE_READ = "Åtgärden har ändrats sedan du läste den. Ladda om sidan och läs den nya lydelsen innan du signerar.";
const NOT_NEEDED = "Åtgärden genomförs inte med polisen och behöver ingen underskrift.";
const PLAN_LOCKED = "Planen är skickad eller beslutad. Åtgärder kan bara signeras medan planen är ett utkast.";

let w: World;
let o: Outsiders;
let refA: Ref;
let refB: Ref;
let areaA: string;
let measureB: string;
let counter = 0;

async function signIn(user: TestUser | null) {
  auth.actor = user ? await actorOf(user) : null;
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? r.missing ?? {})}`);
  return r.data;
}

/** Runs a call that must be refused and proves that none of the given plans changed in any way. */
async function refused(planIds: string[], run: () => Promise<ActionResult<unknown>>): Promise<Failure> {
  const before = await Promise.all(planIds.map(snapshotPlanWithWorkflow));
  cache.revalidatePath.mockClear();
  const r = await run();
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(await Promise.all(planIds.map(snapshotPlanWithWorkflow))).toEqual(before);
  expect(cache.revalidatePath).not.toHaveBeenCalled();
  return r as Failure;
}

/** A new complete chain in plan A whose measure the police must sign (or not). */
async function measureInA(opts: { withPolice?: boolean } = {}) {
  counter += 1;
  return (await insertCompleteChain(areaA, `signering ${counter}`, { withPolice: opts.withPolice ?? true })).measureId;
}

type Answer = { ref?: Ref; planId?: string; contentHash?: string; comment?: string };

/** The sign form as `user` posts it: the hash of the wording on screen unless another is given. */
async function signAs(user: TestUser, measureId: string, a: Answer = {}) {
  await signIn(user);
  const contentHash = a.contentHash ?? (await measureHash(a.planId ?? w.planA.id, measureId));
  return signMeasureAction(null, formData({ ...(a.ref ?? refA), measureId, contentHash, comment: a.comment }));
}

async function declineAs(user: TestUser, measureId: string, a: Answer = {}) {
  await signIn(user);
  const contentHash = a.contentHash ?? (await measureHash(a.planId ?? w.planA.id, measureId));
  return declineMeasureAction(null, formData({ ...(a.ref ?? refA), measureId, contentHash, comment: a.comment }));
}

const signaturesOf = (measureId: string) =>
  db.coSignature.findMany({ where: { measureId }, orderBy: { createdAt: "asc" }, select: { status: true, userId: true, policeAreaId: true, contentHash: true, comment: true } });

/** The measure's own form, posted by the strategist with the fields insertCompleteChain wrote (or changed ones). */
async function saveMeasure(measureId: string, fields: { description: string; version: number }) {
  await signIn(w.users.strategistA);
  return updateMeasureAction(
    null,
    formData({ ...refA, id: measureId, version: fields.version, description: fields.description, withPolice: true, deadlineKind: "ONGOING", "responsible.0.organisation": "Stadsdelsförvaltningen" }),
  );
}

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
  o = await createOutsiders(w);
  refA = { districtSlug: w.planA.slug, year: w.year };
  refB = { districtSlug: w.planB.slug, year: w.year };
  areaA = (await areasOf(w.planA.id))[0]!.id;
  measureB = (await insertCompleteChain((await areasOf(w.planB.id))[0]!.id, "i B", { withPolice: true })).measureId;
});

beforeEach(() => {
  cache.revalidatePath.mockClear();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the police of an area serving the district", () => {
  it("sign a measure: one SIGNED row for the wording they read, the measure counts as signed, one audit row", async () => {
    const measureId = await measureInA();
    const hash = await measureHash(w.planA.id, measureId);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("MISSING");
    const mark = await lastAuditId();

    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect(await signaturesOf(measureId)).toEqual([{ status: "SIGNED", userId: w.users.police.id, policeAreaId: w.policeArea.id, contentHash: hash, comment: null }]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
    const audit = await auditRowsSince(w.planA.id, mark);
    expect(audit.map((a) => [a.action, a.entityId, a.actorId, a.before, a.after])).toEqual([
      ["measure.cosign", measureId, w.users.police.id, { signature: "MISSING" }, { signature: "SIGNED", comment: null }],
    ]);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/plans/${refA.districtSlug}/${refA.year}`, "layout");
    expect(cache.revalidatePath).toHaveBeenCalledWith("/worklist");
  });

  it("signing twice (a double click, a second tab) records one signature", async () => {
    const measureId = await measureInA();
    const mark = await lastAuditId();
    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect(await signaturesOf(measureId)).toHaveLength(1);
    expect((await auditRowsSince(w.planA.id, mark)).map((a) => a.action)).toEqual(["measure.cosign"]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
  });

  it("two signatures posted at the same moment record one signature", async () => {
    const measureId = await measureInA();
    await signIn(w.users.police);
    const fields = formData({ ...refA, measureId, contentHash: await measureHash(w.planA.id, measureId) });
    const results = await Promise.all([signMeasureAction(null, fields), signMeasureAction(null, fields)]);
    expect(results).toEqual([
      { ok: true, data: { state: "SIGNED" } },
      { ok: true, data: { state: "SIGNED" } },
    ]);
    expect(await signaturesOf(measureId)).toHaveLength(1);
  });

  it("declining needs a reason: without one (or only spaces) nothing is written", async () => {
    const measureId = await measureInA();
    for (const comment of [undefined, "   "]) {
      const failure = await refused([w.planA.id], () => declineAs(w.users.police, measureId, { comment }));
      expect(failure).toEqual({ ok: false, code: "VALIDATION", message: MESSAGES.validation, fieldErrors: { comment: [DECLINE_NEEDS_REASON] } });
    }
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("MISSING");
  });

  it("declining with a reason stores it and the measure counts as declined; a later signature replaces the decline", async () => {
    const measureId = await measureInA();
    const reason = "Polisen kan inte delta kvällstid under hösten.";
    const mark = await lastAuditId();
    expect(expectOk(await declineAs(w.users.police, measureId, { comment: reason }))).toEqual({ state: "DECLINED" });
    expect(await signaturesOf(measureId)).toEqual([
      { status: "DECLINED", userId: w.users.police.id, policeAreaId: w.policeArea.id, contentHash: await measureHash(w.planA.id, measureId), comment: reason },
    ]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("DECLINED");
    expect((await auditRowsSince(w.planA.id, mark)).map((a) => [a.action, a.after])).toEqual([["measure.decline", { signature: "DECLINED", comment: reason }]]);

    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect((await signaturesOf(measureId)).map((s) => s.status)).toEqual(["DECLINED", "SIGNED"]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
  });

  it("a measure the police are responsible for needs their signature even without the 'with the police' box, and can be signed", async () => {
    const measureId = await measureInA({ withPolice: false });
    await db.responsibleParty.updateMany({ where: { measureId }, data: { organisation: "Polisen", role: "Kommunpolis" } });
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("MISSING");
    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
  });

  it("a measure carried out without the police cannot be signed or declined: CONFLICT, nothing written", async () => {
    const measureId = await measureInA({ withPolice: false });
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("NOT_NEEDED");
    const signed = await refused([w.planA.id], () => signAs(w.users.police, measureId));
    expect(signed).toEqual({ ok: false, code: "CONFLICT", message: NOT_NEEDED });
    const declined = await refused([w.planA.id], () => declineAs(w.users.police, measureId, { comment: "Ingen polisinsats" }));
    expect(declined).toEqual({ ok: false, code: "CONFLICT", message: NOT_NEEDED });
  });
});

describe("a signature belongs to one wording", () => {
  it("editing a signed measure makes the signature OUTDATED; the old wording can no longer be signed, the new one can", async () => {
    const measureId = await measureInA();
    const oldHash = await measureHash(w.planA.id, measureId);
    expectOk(await signAs(w.users.police, measureId));

    expectOk(await saveMeasure(measureId, { version: 1, description: "Trygghetsvandring med polis varje månad" }));
    const newHash = await measureHash(w.planA.id, measureId);
    expect(newHash).not.toBe(oldHash);
    expect((await signaturesOf(measureId)).map((s) => [s.status, s.contentHash])).toEqual([["SIGNED", oldHash]]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("OUTDATED");

    // A police officer with the page still showing the old wording.
    const stale = await refused([w.planA.id], () => signAs(w.users.police, measureId, { contentHash: oldHash }));
    expect(stale).toEqual({ ok: false, code: "CONFLICT", message: CHANGED_SINCE_READ });
    const forged = await refused([w.planA.id], () => signAs(w.users.police, measureId, { contentHash: "0000000000000000" }));
    expect(forged).toEqual({ ok: false, code: "CONFLICT", message: CHANGED_SINCE_READ });

    expect(expectOk(await signAs(w.users.police, measureId))).toEqual({ state: "SIGNED" });
    expect((await signaturesOf(measureId)).map((s) => [s.status, s.contentHash])).toEqual([
      ["SIGNED", oldHash],
      ["SIGNED", newHash],
    ]);
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
  });

  // BUG: lib/actions/cosign.ts skips the write when the latest answer has the same status
  // ("the same answer twice is recorded once"), but signatureState reports DECLINED whatever
  // wording the decline was given to. So when the police decline the REWRITTEN measure again,
  // with a new reason, the action answers ok and stores nothing: the new reason (and the new
  // wording it refers to) is lost and the strategist keeps seeing the old reason.
  it("declining a rewritten measure again records the new reason for the new wording", async () => {
    const measureId = await measureInA();
    expectOk(await declineAs(w.users.police, measureId, { comment: "Polisen kan inte delta kvällstid." }));
    expectOk(await saveMeasure(measureId, { version: 1, description: "Trygghetsvandring dagtid med polis" }));
    const newHash = await measureHash(w.planA.id, measureId);
    expect(expectOk(await declineAs(w.users.police, measureId, { comment: "Dagtid saknar vi också resurser." }))).toEqual({ state: "DECLINED" });
    expect((await signaturesOf(measureId)).map((s) => [s.status, s.comment])).toEqual([
      ["DECLINED", "Polisen kan inte delta kvällstid."],
      ["DECLINED", "Dagtid saknar vi också resurser."],
    ]);
    expect((await signaturesOf(measureId)).at(-1)?.contentHash).toBe(newHash);
  });

  it("saving the measure unchanged, or with only extra white space, keeps the signature", async () => {
    const measureId = await measureInA();
    const { description } = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    expectOk(await signAs(w.users.police, measureId));
    expectOk(await saveMeasure(measureId, { version: 1, description }));
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
    expectOk(await saveMeasure(measureId, { version: 2, description: `  ${description.replace(" ", "   ")} ` }));
    expect(await signatureStateOf(w.planA.id, measureId)).toBe("SIGNED");
  });
});

describe("who may not sign", () => {
  // Users of the municipality who can see plan A but are not its police: FORBIDDEN with the rule's message.
  it.each([
    ["the strategist of A", "strategistA"],
    ["the local steering group of A", "steeringGroupA"],
    ["the review group", "reviewGroup"],
    ["an administrator of the municipality", "admin"],
    ["the strategist of B", "strategistB"],
  ] as const)("%s: FORBIDDEN, nothing written", async (_label, who) => {
    const measureId = await measureInA();
    const signed = await refused([w.planA.id], () => signAs(w.users[who], measureId));
    expect(signed).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotCosign });
    const declined = await refused([w.planA.id], () => declineAs(w.users[who], measureId, { comment: "Obehörig" }));
    expect(declined).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotCosign });
  });

  it("the steering group of B: FORBIDDEN, nothing written", async () => {
    const measureId = await measureInA();
    const failure = await refused([w.planA.id], () => signAs(o.users.steeringGroupB, measureId));
    expect(failure).toEqual({ ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotCosign });
  });

  // Users who cannot even see plan A learn nothing about it: the same answer as for a plan that does not exist.
  it.each([
    ["the police of an area of the municipality that does not serve A", "policeNotServingA"],
    ["the police of another municipality", "otherPolice"],
    ["a review group of another municipality", "otherReviewGroup"],
  ] as const)("%s: NOT_FOUND, nothing written", async (_label, who) => {
    const measureId = await measureInA();
    const signed = await refused([w.planA.id], () => signAs(o.users[who], measureId));
    expect(signed).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    const declined = await refused([w.planA.id], () => declineAs(o.users[who], measureId, { comment: "Obehörig" }));
    expect(declined).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });

  it.each([
    ["a user without a role", "noRole"],
    ["an administrator of another municipality", "otherAdmin"],
  ] as const)("%s: NOT_FOUND, nothing written", async (_label, who) => {
    const measureId = await measureInA();
    const failure = await refused([w.planA.id], () => signAs(w.users[who], measureId));
    expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });

  it("nobody signed in: UNAUTHENTICATED, nothing written", async () => {
    const measureId = await measureInA();
    const hash = await measureHash(w.planA.id, measureId);
    await signIn(null);
    const failure = await refused([w.planA.id], () => signMeasureAction(null, formData({ ...refA, measureId, contentHash: hash })));
    expect(failure).toEqual({ ok: false, code: "UNAUTHENTICATED", message: MESSAGES.unauthenticated });
  });
});

describe("forged measure ids", () => {
  it("an id that is no measure at all is NOT_FOUND, nothing written", async () => {
    const failure = await refused([w.planA.id], () =>
      signAs(w.users.police, "00000000-0000-4000-8000-000000000000", { contentHash: "0123456789abcdef" }),
    );
    expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });

  it("district B's measure posted through district A's plan is NOT_FOUND, and neither plan changes", async () => {
    const hashB = await measureHash(w.planB.id, measureB);
    const signed = await refused([w.planA.id, w.planB.id], () => signAs(w.users.police, measureB, { contentHash: hashB }));
    expect(signed).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    const declined = await refused([w.planA.id, w.planB.id], () => declineAs(w.users.police, measureB, { contentHash: hashB, comment: "Förfalskad" }));
    expect(declined).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
    expect(await signaturesOf(measureB)).toEqual([]);
  });

  it("district B's measure through B's own plan: the police of A's area do not serve B, NOT_FOUND", async () => {
    const failure = await refused([w.planA.id, w.planB.id], () => signAs(w.users.police, measureB, { ref: refB, planId: w.planB.id }));
    expect(failure).toEqual({ ok: false, code: "NOT_FOUND", message: MESSAGES.notFound });
  });

  it("B's own police may sign B's measure (the refusals above are about scope, not about the measure)", async () => {
    const measureId = (await insertCompleteChain((await areasOf(w.planB.id))[1]!.id, "B:s polis", { withPolice: true })).measureId;
    expect(expectOk(await signAs(o.users.policeNotServingA, measureId, { ref: refB, planId: w.planB.id }))).toEqual({ state: "SIGNED" });
    expect(await signaturesOf(measureId)).toMatchObject([{ userId: o.users.policeNotServingA.id, policeAreaId: o.policeAreaB.id }]);
  });

  it("a malformed id is a Swedish field error", async () => {
    const failure = await refused([w.planA.id], () => signAs(w.users.police, "inte-ett-id", { contentHash: "0123456789abcdef" }));
    expect(failure).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { measureId: ["Åtgärden är ogiltig."] } });
  });
});

describe("the plan's status", () => {
  it("once the plan is submitted or decided the police can neither sign nor decline (LOCKED); when it is sent back they can again", async () => {
    const plan = await createPlanFor(w.districtA, 2040);
    const measureId = (await insertCompleteChain(plan.areas[0]!.id, "status", { withPolice: true })).measureId;
    const answer = { ref: plan.ref, planId: plan.id };
    expectOk(await signAs(w.users.police, measureId, answer));

    await signIn(w.users.strategistA);
    expectOk(await submitPlanAction(null, formData({ ...plan.ref, planVersion: await planVersion(plan.id) })));
    for (const run of [() => declineAs(w.users.police, measureId, { ...answer, comment: "Vi drar tillbaka" }), () => signAs(w.users.police, measureId, answer)]) {
      expect(await refused([plan.id], run)).toEqual({ ok: false, code: "LOCKED", message: PLAN_LOCKED });
    }

    await signIn(w.users.steeringGroupA);
    expectOk(await decidePlanAction(null, formData({ ...plan.ref, planVersion: await planVersion(plan.id), decidedOn: "2026-03-14" })));
    const decided = await refused([plan.id], () => declineAs(w.users.police, measureId, { ...answer, comment: "Vi drar tillbaka" }));
    expect(decided).toEqual({ ok: false, code: "LOCKED", message: PLAN_LOCKED });
    expect(await signatureStateOf(plan.id, measureId)).toBe("SIGNED");

    await signIn(w.users.reviewGroup);
    expectOk(await returnPlanFromReviewAction(null, formData({ ...plan.ref, planVersion: await planVersion(plan.id), comment: "Se över polisens del." })));
    expect(expectOk(await declineAs(w.users.police, measureId, { ...answer, comment: "Vi kan inte längre delta." }))).toEqual({ state: "DECLINED" });
    expect(await signatureStateOf(plan.id, measureId)).toBe("DECLINED");
  });
});
