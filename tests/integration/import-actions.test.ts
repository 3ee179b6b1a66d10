// The Excel import through its server actions, against a real PostgreSQL: upload (checked and
// read into an ImportSession, nothing written to the plan) → preview (the same pure functions
// the preview page runs on the stored session) → apply (one transaction, only if the plan did
// not change since the upload). Only the Next request context is replaced: the signed-in actor,
// revalidatePath, and redirect(), which here throws a signal that carries its target.
//
// Round trip (issue 5): the Farsta 2025 plan written to district A's plan, exported with
// planWorkbook from what the database holds, uploaded and applied into an empty plan of
// district B gives B the same Sammanställning. Re-importing A's own export with one edited cell
// changes exactly that measure. Refusals change nothing. A workbook in the real template's
// layout (merged problem cell, formula, #REF!, missing cause, unknown sheet) is read as the
// template means it.

import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor, AreaNode } from "@/lib/domain/types";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

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

import { applyImportAction, uploadImportAction, type ImportContent } from "@/lib/actions/import";
import { updateProblemAction } from "@/lib/actions/problems";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { countChanges, importChanges, notInFile, planImport } from "@/lib/domain/import-plan";
import { PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import { draftAreasFromSeedPlan } from "@/lib/domain/seed-rows";
import { COLUMNS } from "@/lib/domain/workbook";
import { getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { planWorkbook } from "@/lib/xlsx/export";
import { loadSeedPlan } from "@/tests/support/builders";
import {
  actorOf,
  auditRowsSince,
  createOutsiders,
  createPlanFor,
  createUser,
  createWorld,
  db,
  formData,
  lastAuditId,
  measureHash,
  planVersion,
  signatureStateOf,
  snapshotPlan,
  testDatabaseUrl,
  type TestUser,
  type World,
} from "@/tests/support/db";

type Ref = { districtSlug: string; year: number };
type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type TestPlan = { id: string; ref: Ref };

/** Written in lib/actions/import.ts#applyImportAction. */
const STALE = "Planen har ändrats sedan filen lästes in. Ladda upp filen igen för att se vad inläsningen ändrar nu.";
const APPLIED_TWICE = "Den här filen är redan inläst i planen.";
const SESSION_NOT_FOUND = "Inläsningen finns inte. Ladda upp filen igen.";
const NO_TEMPLATE_SHEET = "Filen har ingen flik med mallens kolumnrubriker (Orsak, Åtgärd …).";

/** Farsta 2025's Sammanställning, per central area in the agreement's order. */
const FARSTA = [
  [7, 7, 7, 12],
  [9, 10, 10, 16],
  [2, 3, 3, 3],
  [7, 7, 7, 9],
  [5, 5, 5, 7],
] as const;

let w: World;

async function signIn(user: TestUser | null) {
  auth.actor = user ? await actorOf(user) : null;
}

const xlsxFile = (bytes: Uint8Array | Buffer, name = "plan.xlsx") => new File([new Uint8Array(bytes)], name);

/** uploadImportAction ends with redirect() to the preview on success: the session id, or the refusal. */
async function upload(user: TestUser | null, ref: Ref, file: File | null): Promise<{ sessionId: string; url: string } | ActionResult> {
  await signIn(user);
  const fd = formData({ ...ref });
  if (file) fd.append("file", file);
  try {
    return await uploadImportAction(null, fd);
  } catch (e) {
    if (!(e instanceof nav.RedirectSignal)) throw e;
    const m = /^\/plans\/([^/]+)\/(\d{4})\/import\/([0-9a-f-]{36})$/.exec(e.url);
    if (!m) throw new Error(`Unexpected redirect ${e.url}`);
    return { sessionId: m[3]!, url: e.url };
  }
}

async function uploadOk(user: TestUser, ref: Ref, file: File): Promise<string> {
  const r = await upload(user, ref, file);
  if (!("sessionId" in r)) throw new Error(`Expected the upload to redirect, got ${JSON.stringify(r)}`);
  expect(r.url).toBe(`/plans/${ref.districtSlug}/${ref.year}/import/${r.sessionId}`);
  return r.sessionId;
}

/** applyImportAction ends with redirect() to the overview on success: the target, or the refusal. */
async function apply(user: TestUser | null, ref: Ref, sessionId: string, extra: Record<string, string> = {}): Promise<{ redirectedTo: string } | ActionResult<unknown>> {
  await signIn(user);
  try {
    return await applyImportAction(null, formData({ ...ref, sessionId, ...extra }));
  } catch (e) {
    if (e instanceof nav.RedirectSignal) return { redirectedTo: e.url };
    throw e;
  }
}

async function applyOk(user: TestUser, ref: Ref, sessionId: string, extra: Record<string, string> = {}): Promise<number> {
  const r = await apply(user, ref, sessionId, extra);
  if (!("redirectedTo" in r)) throw new Error(`Expected the apply to redirect, got ${JSON.stringify(r)}`);
  const m = new RegExp(`^/plans/${ref.districtSlug}/${ref.year}\\?inlast=(\\d+)$`).exec(r.redirectedTo);
  expect(m, r.redirectedTo).not.toBeNull();
  return Number(m![1]);
}

/** What the preview page computes from the stored session against the plan as it is now. */
async function preview(planId: string, sessionId: string) {
  const session = await db.importSession.findUniqueOrThrow({ where: { id: sessionId } });
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { year: true } });
  const content = session.content as unknown as ImportContent;
  const current = await getPlanTree(planId);
  const planned = planImport(content.sheets, current, plan.year);
  const changes = importChanges(planned, current);
  return { session, content, current, planned, changes, staying: notInFile(planned, current), counts: countChanges(changes) };
}

/** The plan in the template, from what the database holds (as the export route builds it). */
async function exportPlan(planId: string, districtName: string, year: number): Promise<Buffer> {
  const [areas, summary] = await Promise.all([getPlanTree(planId), getPlanSummary(planId, { withConfidential: true })]);
  return planWorkbook({ districtName, year, areas, summary });
}

const counts = (rows: Awaited<ReturnType<typeof getPlanSummary>>) => rows.map((r) => [r.areaName, r.problems, r.causes, r.measures, r.goals]);

/** Farsta 2025 written straight into the plan's five central areas, the way the demo seed writes it. */
async function loadFarsta(plan: { id: string; areas: { id: string; centralArea: string | null }[] }) {
  const drafts = draftAreasFromSeedPlan(loadSeedPlan("farsta-2025"));
  for (const d of drafts) {
    const area = plan.areas.find((a) => a.centralArea === d.centralArea);
    if (!area) throw new Error(`No area for ${d.name}`);
    for (const p of d.problems) {
      const problem = await db.problem.create({ data: { areaId: area.id, collectiveName: p.collectiveName, description: p.description, position: p.position } });
      for (const c of p.causes) {
        const cause = await db.cause.create({ data: { problemId: problem.id, description: c.description, position: c.position } });
        for (const m of c.measures) {
          await db.measure.create({
            data: {
              causeId: cause.id,
              description: m.description,
              kind: m.kind,
              withPolice: m.withPolice,
              deadlineKind: m.deadline.kind === "NONE" ? null : m.deadline.kind,
              deadlineDate: m.deadline.kind === "DATE" ? new Date(`${m.deadline.date}T00:00:00Z`) : null,
              deadlineNote: m.deadline.kind === "NONE" ? (m.deadline.note ?? null) : null,
              position: m.position,
              responsibleParties: { create: m.responsibleParties.map((r, position) => ({ organisation: r.organisation, role: r.role, position })) },
              goals: { create: m.goals.map((g) => ({ description: g.description, targetValue: g.targetValue, position: g.position })) },
            },
          });
        }
      }
    }
  }
}

/** A plan of district A for its own year, with Farsta 2025 in it. */
async function farstaPlanOfA(year: number): Promise<TestPlan> {
  const plan = await createPlanFor(w.districtA, year);
  await loadFarsta(plan);
  return plan;
}

/** An area's sheet: its name cut at Excel's 31 characters. */
function sheetOf(wb: ExcelJS.Workbook, areaName: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((s) => areaName.startsWith(s.name) && s.name.length >= Math.min(areaName.length, 25));
  if (!ws) throw new Error(`No sheet for ${areaName}`);
  return ws;
}

const measuresOf = (areas: readonly AreaNode[]) => areas.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures)));

/** Every row version of the plan's content, by id. */
async function versions(planId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const a of await getPlanTree(planId)) {
    out.set(a.id, a.version);
    for (const p of a.problems) {
      out.set(p.id, p.version);
      for (const c of p.causes) {
        out.set(c.id, c.version);
        for (const m of c.measures) {
          out.set(m.id, m.version);
          for (const g of m.goals) out.set(g.id, g.version);
        }
      }
    }
  }
  return out;
}

/** Runs a call that must be refused and proves that the plan (content, plan row, audit) and the import sessions are as before. */
async function refused(planId: string, run: () => Promise<unknown>): Promise<Failure> {
  const before = await snapshotPlan(planId);
  const sessions = await db.importSession.findMany({ orderBy: { id: "asc" } });
  cache.revalidatePath.mockClear();
  const r = (await run()) as ActionResult<unknown> | { sessionId: string } | { redirectedTo: string };
  expect("ok" in r && r.ok === false, JSON.stringify(r)).toBe(true);
  expect(await snapshotPlan(planId)).toEqual(before);
  expect(await db.importSession.findMany({ orderBy: { id: "asc" } })).toEqual(sessions);
  expect(cache.revalidatePath).not.toHaveBeenCalled();
  return r as Failure;
}

/** A small valid export of a plan with one chain (for the refusals). */
async function smallPlan(year: number) {
  const plan = await createPlanFor(w.districtA, year);
  const problem = await db.problem.create({ data: { areaId: plan.areas[0]!.id, description: `Problem ${year}`, position: 0 } });
  const cause = await db.cause.create({ data: { problemId: problem.id, description: `Orsak ${year}`, position: 0 } });
  const measure = await db.measure.create({ data: { causeId: cause.id, description: `Åtgärd ${year}`, deadlineKind: "ONGOING", position: 0 } });
  await db.goal.create({ data: { measureId: measure.id, description: `Mål ${year}`, position: 0 } });
  const bytes = await exportPlan(plan.id, w.districtA.name, year);
  // One new row, so that applying the file changes something.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = sheetOf(wb, CENTRAL_AREA_NAMES.YOUTH_AT_RISK);
  ws.addRow(["", `Nytt problem ${year}`, "Ny orsak", "Ny åtgärd", "Nytt mål", "Linjearbete", "Stadsdelsförvaltningen"]);
  const edited = Buffer.from(await wb.xlsx.writeBuffer());
  return { ...plan, problemId: problem.id, bytes: edited };
}

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2026);
});

beforeEach(() => {
  cache.revalidatePath.mockClear();
  auth.actor = null;
});

describe("round trip: A's export into an empty plan of district B (issue 5)", () => {
  it("B's Sammanställning equals A's per area and in total (Farsta 2025)", async () => {
    const a = await farstaPlanOfA(2025);
    const summaryA = await getPlanSummary(a.id, { withConfidential: true });
    expect(summaryA.map((r) => [r.problems, r.causes, r.measures, r.goals])).toEqual(FARSTA);

    const bytes = await exportPlan(a.id, w.districtA.name, 2025);
    const b = { id: w.planB.id, ref: { districtSlug: w.planB.slug, year: w.planB.year } };
    expect((await getPlanSummary(b.id, { withConfidential: true })).every((r) => r.problems === 0)).toBe(true);

    const sessionId = await uploadOk(w.users.strategistB, b.ref, xlsxFile(bytes, "Åtgärdsplan 2025 Farsta.xlsx"));
    const p = await preview(b.id, sessionId);
    expect(p.content.issues).toEqual([]);
    // Nothing matches B's ids: everything is new, nothing in B is left out.
    expect(p.changes.every((c) => c.op === "create")).toBe(true);
    expect(p.counts.create).toEqual({ area: 0, problem: 30, cause: 32, measure: 32, goal: 47 });
    expect(p.staying).toEqual([]);

    const since = await lastAuditId();
    const changes = await applyOk(w.users.strategistB, b.ref, sessionId);
    expect(changes).toBe(30 + 32 + 32 + 47);

    const summaryB = await getPlanSummary(b.id, { withConfidential: true });
    expect(counts(summaryB)).toEqual(counts(summaryA));
    const total = (rows: typeof summaryA) => rows.reduce((t, r) => [t[0]! + r.problems, t[1]! + r.causes, t[2]! + r.measures, t[3]! + r.goals], [0, 0, 0, 0]);
    expect(total(summaryB)).toEqual([30, 32, 32, 47]);
    expect(total(summaryB)).toEqual(total(summaryA));

    // The same texts, in the same order, in B.
    const [treeA, treeB] = await Promise.all([getPlanTree(a.id), getPlanTree(b.id)]);
    expect(measuresOf(treeB).map((m) => m.description)).toEqual(measuresOf(treeA).map((m) => m.description));
    expect(measuresOf(treeB).map((m) => m.goals.map((g) => g.description))).toEqual(measuresOf(treeA).map((m) => m.goals.map((g) => g.description)));

    const audit = await auditRowsSince(b.id, since);
    expect(audit.filter((r) => r.action === "plan.import")).toHaveLength(1);
    expect(audit.filter((r) => r.action === "measure.create")).toHaveLength(32);
    expect(audit.every((r) => r.actorId === w.users.strategistB.id)).toBe(true);
    expect((await db.importSession.findUniqueOrThrow({ where: { id: sessionId } })).appliedAt).not.toBeNull();
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/plans/${w.planB.slug}/${w.planB.year}`, "layout");
  });
});

describe("re-importing A's own export with one edited cell", () => {
  let a: TestPlan;
  let bytes: Buffer;
  let target: { id: string; description: string; sheet: string; row: number };
  const EDITED = "Genomföra trygghetsvandringar varje månad tillsammans med boende, fastighetsägare och polisen.";

  beforeAll(async () => {
    a = await farstaPlanOfA(2024);
    const exported = await exportPlan(a.id, w.districtA.name, 2024);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ExcelJS.Buffer);
    // The second area's third data row (row 6): its "Åtgärd" cell.
    const ws = sheetOf(wb, CENTRAL_AREA_NAMES.UNSAFE_PLACES);
    const measureCol = COLUMNS.findIndex((c) => c.key === "measure") + 1;
    expect(ws.getRow(2).getCell(measureCol).value).toBe("Åtgärd");
    const tree = await getPlanTree(a.id);
    const m = measuresOf([tree[1]!])[2]!;
    expect(ws.getRow(6).getCell(measureCol).value).toBe(m.description);
    ws.getRow(6).getCell(measureCol).value = EDITED;
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
    target = { id: m.id, description: m.description, sheet: ws.name, row: 6 };
  });

  it("after the upload nothing in the plan is written: only an ImportSession row exists", async () => {
    const before = await snapshotPlan(a.id);
    const sessionsBefore = await db.importSession.count({ where: { planId: a.id } });
    const sessionId = await uploadOk(w.users.strategistA, a.ref, xlsxFile(bytes));
    expect(await snapshotPlan(a.id)).toEqual(before);
    const sessions = await db.importSession.findMany({ where: { planId: a.id } });
    expect(sessions).toHaveLength(sessionsBefore + 1);
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ userId: w.users.strategistA.id, fileName: "plan.xlsx", appliedAt: null, planVersion: (before as { plan: { version: number } }).plan.version });
  });

  it("the preview shows exactly one change (the measure, before and after) and nothing left out; applying changes only that measure", async () => {
    // A police signature on the measure that is about to change.
    await db.measure.update({ where: { id: target.id }, data: { withPolice: true } });
    await db.coSignature.create({ data: { measureId: target.id, userId: w.users.police.id, policeAreaId: w.policeArea.id, status: "SIGNED", contentHash: await measureHash(a.id, target.id) } });
    expect(await signatureStateOf(a.id, target.id)).toBe("SIGNED");

    const sessionId = await uploadOk(w.users.strategistA, a.ref, xlsxFile(bytes));
    const p = await preview(a.id, sessionId);
    expect(p.content.issues).toEqual([]);
    expect(p.changes).toEqual([
      {
        op: "update",
        level: "measure",
        areaName: CENTRAL_AREA_NAMES.UNSAFE_PLACES,
        text: EDITED,
        id: target.id,
        sheet: target.sheet,
        row: target.row,
        fields: [{ field: "Åtgärd", before: target.description, after: EDITED }],
      },
    ]);
    expect(p.staying).toEqual([]);

    const versionsBefore = await versions(a.id);
    const planVersionBefore = await planVersion(a.id);
    const since = await lastAuditId();
    expect(await applyOk(w.users.strategistA, a.ref, sessionId)).toBe(1);
    expect(await planVersion(a.id)).toBe(planVersionBefore + 1);

    const after = await versions(a.id);
    expect([...after.keys()].sort()).toEqual([...versionsBefore.keys()].sort());
    for (const [id, v] of versionsBefore) expect(after.get(id), id).toBe(id === target.id ? v + 1 : v);
    const tree = await getPlanTree(a.id);
    expect(measuresOf(tree).find((m) => m.id === target.id)!.description).toBe(EDITED);
    expect(counts(await getPlanSummary(a.id, { withConfidential: true })).map((r) => r.slice(1))).toEqual(FARSTA);

    const audit = await auditRowsSince(a.id, since);
    expect(audit.map((r) => r.action)).toEqual(["measure.update", "plan.import"]);
    expect(audit[0]).toMatchObject({ entityId: target.id, actorId: w.users.strategistA.id, before: { description: target.description }, after: { description: EDITED, source: "import" } });
    expect(audit[1]).toMatchObject({ entityId: a.id, after: { file: "plan.xlsx", changes: 1 } });

    expect(await signatureStateOf(a.id, target.id)).toBe("OUTDATED");
  });
});

describe("refusals that change nothing", () => {
  it("signed out: upload and apply are UNAUTHENTICATED", async () => {
    const plan = await smallPlan(2031);
    const r = await refused(plan.id, () => upload(null, plan.ref, xlsxFile(plan.bytes)));
    expect(r).toMatchObject({ code: "UNAUTHENTICATED", message: MESSAGES.unauthenticated });

    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    const r2 = await refused(plan.id, () => apply(null, plan.ref, sessionId));
    expect(r2).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a strategist of another district and the district's steering group are FORBIDDEN, a user of another municipality NOT_FOUND, on upload and on apply", async () => {
    const plan = await smallPlan(2032);
    const outsiders = await createOutsiders(w);
    const file = () => xlsxFile(plan.bytes);
    expect(await refused(plan.id, () => upload(w.users.strategistB, plan.ref, file()))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotEdit });
    expect(await refused(plan.id, () => upload(w.users.steeringGroupA, plan.ref, file()))).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotEdit });
    expect(await refused(plan.id, () => upload(w.users.police, plan.ref, file()))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(plan.id, () => upload(outsiders.users.otherStrategist, plan.ref, file()))).toMatchObject({ code: "NOT_FOUND", message: MESSAGES.notFound });
    expect(await refused(plan.id, () => upload(w.users.noRole, plan.ref, file()))).toMatchObject({ code: "NOT_FOUND" });

    const sessionId = await uploadOk(w.users.strategistA, plan.ref, file());
    expect(await refused(plan.id, () => apply(w.users.strategistB, plan.ref, sessionId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(plan.id, () => apply(w.users.steeringGroupA, plan.ref, sessionId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(plan.id, () => apply(outsiders.users.otherStrategist, plan.ref, sessionId))).toMatchObject({ code: "NOT_FOUND", message: MESSAGES.notFound });
    expect((await db.importSession.findUniqueOrThrow({ where: { id: sessionId } })).appliedAt).toBeNull();
  });

  it("a decided plan is LOCKED on upload, and a session uploaded before the decision is LOCKED on apply", async () => {
    const plan = await smallPlan(2033);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    await db.plan.update({ where: { id: plan.id }, data: { status: "COUNCIL_DECIDED" } });
    expect(await refused(plan.id, () => upload(w.users.strategistA, plan.ref, xlsxFile(plan.bytes)))).toMatchObject({ code: "LOCKED" });
    expect(await refused(plan.id, () => apply(w.users.strategistA, plan.ref, sessionId))).toMatchObject({ code: "LOCKED" });
  });

  it("a session of another user or of another plan is NOT_FOUND on apply", async () => {
    const plan = await smallPlan(2034);
    const other = await smallPlan(2035);
    const secondStrategist = await createUser("Strateg A2", w.suffix, [{ role: "STRATEGIST", districtId: w.districtA.id }]);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));

    const byOther = await refused(plan.id, () => apply(secondStrategist, plan.ref, sessionId));
    expect(byOther).toMatchObject({ code: "NOT_FOUND", message: SESSION_NOT_FOUND });
    const otherBefore = await snapshotPlan(other.id);
    const onOtherPlan = await refused(plan.id, () => apply(w.users.strategistA, other.ref, sessionId));
    expect(onOtherPlan).toMatchObject({ code: "NOT_FOUND", message: SESSION_NOT_FOUND });
    expect(await snapshotPlan(other.id)).toEqual(otherBefore);
    expect(await refused(plan.id, () => apply(w.users.strategistA, plan.ref, "not-a-uuid"))).toMatchObject({ code: "VALIDATION" });
    expect((await db.importSession.findUniqueOrThrow({ where: { id: sessionId } })).appliedAt).toBeNull();

    // The session is still good for its own user and plan.
    expect(await applyOk(w.users.strategistA, plan.ref, sessionId)).toBeGreaterThan(0);
  });

  it("applying twice is a CONFLICT", async () => {
    const plan = await smallPlan(2036);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    expect(await applyOk(w.users.strategistA, plan.ref, sessionId)).toBe(4); // the new row: problem, cause, measure, goal
    const r = await refused(plan.id, () => apply(w.users.strategistA, plan.ref, sessionId));
    expect(r).toMatchObject({ code: "CONFLICT", message: APPLIED_TWICE });
  });

  it("the plan changed between upload and apply: CONFLICT with the Swedish message", async () => {
    const plan = await smallPlan(2037);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    await signIn(w.users.strategistA);
    const edit = await updateProblemAction(null, formData({ ...plan.ref, id: plan.problemId, version: 1, description: "Ändrat i editorn" }));
    expect(edit.ok, JSON.stringify(edit)).toBe(true);
    const r = await refused(plan.id, () => apply(w.users.strategistA, plan.ref, sessionId));
    expect(r).toMatchObject({ code: "CONFLICT", message: STALE });
    expect((await db.importSession.findUniqueOrThrow({ where: { id: sessionId } })).appliedAt).toBeNull();
  });

  it("two sessions read at the same plan version and applied at once: one is written, the other is a CONFLICT", async () => {
    const plan = await smallPlan(2039);
    const first = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    const second = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(plan.bytes));
    const results = await Promise.all([apply(w.users.strategistA, plan.ref, first), apply(w.users.strategistA, plan.ref, second)]);
    expect(results.filter((r) => "redirectedTo" in r)).toHaveLength(1);
    expect(results.filter((r) => !("redirectedTo" in r))).toEqual([{ ok: false, code: "CONFLICT", message: STALE }]);
    // The new row of the file is there once.
    const tree = await getPlanTree(plan.id);
    expect(tree[0]!.problems.map((p) => p.description)).toEqual([`Problem 2039`, `Nytt problem 2039`]);
    const applied = await db.importSession.findMany({ where: { id: { in: [first, second] } } });
    expect(applied.filter((s) => s.appliedAt !== null)).toHaveLength(1);
  });

  describe("bad files on upload: VALIDATION with a Swedish message on the file field", () => {
    let plan: Awaited<ReturnType<typeof smallPlan>>;
    beforeAll(async () => {
      plan = await smallPlan(2038);
    });

    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

    it.each([
      ["a text file", (): File | null => new File(["Problem;Orsak;Åtgärd\n"], "plan.xlsx"), "Filen är inte en Excel-arbetsbok (.xlsx)."],
      ["a password-protected file", (): File | null => new File([ole], "plan.xlsx"), "Filen är lösenordsskyddad eller en gammal .xls-fil. Spara den som en vanlig Excel-arbetsbok (.xlsx) utan lösenord och försök igen."],
      ["an empty file", (): File | null => new File([], "plan.xlsx"), "Välj en Excel-fil (.xlsx) att läsa in."],
      ["no file at all", (): File | null => null, "Välj en Excel-fil (.xlsx) att läsa in."],
      ["a file over 10 MB", (): File | null => new File([new Uint8Array(10 * 1024 * 1024 + 1)], "plan.xlsx"), "Filen är för stor: högst 10 MB."],
    ] as const)("%s", async (_label, file, message) => {
      const r = await refused(plan.id, () => upload(w.users.strategistA, plan.ref, file()));
      expect(r).toMatchObject({ code: "VALIDATION", fieldErrors: { file: [message] } });
    });

    it("a workbook without any sheet with the template's headings", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Blad1");
      ws.addRow(["Namn", "Telefon", "E-post"]);
      ws.addRow(["Anna", "08-123 45", "anna@example.test"]);
      wb.addWorksheet("Instruktion").addRow(["Åtgärdsplan"]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const r = await refused(plan.id, () => upload(w.users.strategistA, plan.ref, xlsxFile(bytes)));
      expect(r).toMatchObject({ code: "VALIDATION", fieldErrors: { file: [NO_TEMPLATE_SHEET] } });
      expect(r.message).toMatch(/^Filen har ingen flik med mallens kolumnrubriker/);
    });
  });
});

describe("a workbook in the real template's layout", () => {
  const SHEET = "Platser";
  const OWN = "Trygghet i Hagsätra";
  const PROBLEM = "Otrygghet kring Farsta centrum kvällstid";

  /** By hand, as the city's template looks: title, the area's name heading the problem column, help texts, merged problem cell. */
  async function templateWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ins = wb.addWorksheet("Instruktion");
    ins.addRow(["Åtgärdsplan 2025"]);

    const ws = wb.addWorksheet(SHEET);
    ws.addRow(["Åtgärdsplan 2025 – Farsta"]); // row 1
    ws.addRow(["", CENTRAL_AREA_NAMES.UNSAFE_PLACES, "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", "Uppföljning"]); // row 2
    ws.addRow(["Samlingsnamn", ...COLUMNS.slice(1).map((c) => c.help)]); // row 3: help texts
    ws.addRow(["Centrum", PROBLEM, "Dålig belysning i gångtunneln", "Byta belysning i gångtunneln", "Belysningen är bytt", "2025-06-30", "Trafikkontoret"]); // row 4
    ws.addRow(["", "", "Dålig belysning i gångtunneln", "Trygghetsvandring med boende", "1) Två vandringar\n2) En rapport", "Linjearbete", ""]); // row 5
    ws.addRow(["", "", "Narkotikaförsäljning på torget", "Ökad närvaro av polis på torget", "Närvaro fyra kvällar i veckan", "Löpande", ""]); // row 6
    ws.mergeCells("B4:B6");
    ws.mergeCells("A4:A6");
    ws.getCell("G5").value = { formula: "A1", result: "Polisen" };
    ws.getCell("G6").value = { formula: "G5", result: "Polisen" };
    ws.addRow(["", "Klotter vid skolan", "Skolgården är oövervakad", "Sanera klotter", "Sanerat inom 24 h", "", ""]); // row 7
    ws.getCell("E7").value = { error: "#REF!" };
    ws.addRow(["", "Nedskräpning i parken", "", "Fler papperskorgar", "", "2025-05-31", "Park"]); // row 8: a measure without a cause
    ws.addRow(["", "Mopedåkning på gångvägar", "Brist på fritidsaktiviteter", "Mopedverkstad för unga", "", "", "Fritidsgården"]); // row 9

    const own = wb.addWorksheet(OWN);
    own.addRow(["Problem", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem"]);
    own.addRow(["Otrygghet vid tunnelbanan", "Mörka gångvägar", "Ny belysning vid uppgången", "Belysning uppsatt", "2025-10-31", "Stadsdelsförvaltningen"]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await templateWorkbook();
  });

  it("the preview lists unreadable rows with sheet, row and reason; the merged problem is one problem with three measures", async () => {
    const plan = await createPlanFor(w.districtA, 2040);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(bytes));
    const p = await preview(plan.id, sessionId);

    expect(p.content.issues).toEqual([
      { sheet: SHEET, row: 7, reason: "Cellen har felvärdet #REF! (en formel som inte går att räkna ut)." },
      { sheet: SHEET, row: 8, reason: "Raden har en åtgärd men ingen orsak: fyll i orsaken som åtgärden ska påverka." },
    ]);
    expect(p.content.sheets.map((s) => [s.sheet, s.area])).toEqual([
      [SHEET, { centralArea: "UNSAFE_PLACES", name: CENTRAL_AREA_NAMES.UNSAFE_PLACES }],
      [OWN, { centralArea: null, name: OWN }],
    ]);

    const places = p.planned.find((a) => a.centralArea === "UNSAFE_PLACES")!;
    expect(places.id).toBe(plan.areas.find((a) => a.centralArea === "UNSAFE_PLACES")!.id);
    const merged = places.problems.filter((x) => x.description === PROBLEM);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.collectiveName).toBe("Centrum");
    expect(merged[0]!.causes.map((c) => c.description)).toEqual(["Dålig belysning i gångtunneln", "Narkotikaförsäljning på torget"]);
    const measures = merged[0]!.causes.flatMap((c) => c.measures);
    expect(measures.map((m) => [m.row, m.description])).toEqual([
      [4, "Byta belysning i gångtunneln"],
      [5, "Trygghetsvandring med boende"],
      [6, "Ökad närvaro av polis på torget"],
    ]);
    // The formula cell in "Vem" is read by its computed value.
    expect(measures[1]!.responsibleParties.map((r) => r.organisation)).toEqual(["Polisen"]);
    expect(measures[1]!.withPolice).toBe(true);
    expect(measures[1]!.goals.map((g) => g.description)).toEqual(["Två vandringar", "En rapport"]);
    expect(measures[0]!.deadline).toEqual({ kind: "DATE", date: "2025-06-30" });
    expect(places.problems.map((x) => x.description)).toEqual([PROBLEM, "Mopedåkning på gångvägar"]);

    // The preview lists the own area as new (the page offers a ticked checkbox for it).
    expect(p.counts.create).toMatchObject({ area: 1, problem: 3, measure: 5 });
    expect(p.changes.find((c) => c.level === "area")).toMatchObject({ op: "create", areaName: OWN, sheet: OWN });
  });

  it("without include.s<index> the unknown sheet adds no area; the central area's rows are written", async () => {
    const plan = await createPlanFor(w.districtA, 2041);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(bytes));
    await applyOk(w.users.strategistA, plan.ref, sessionId);
    const tree = await getPlanTree(plan.id);
    expect(tree.map((a) => a.name)).toEqual(Object.values(CENTRAL_AREA_NAMES));
    const places = tree.find((a) => a.centralArea === "UNSAFE_PLACES")!;
    expect(places.problems.map((x) => [x.description, x.causes.length, x.causes.flatMap((c) => c.measures).length])).toEqual([
      [PROBLEM, 2, 3],
      ["Mopedåkning på gångvägar", 1, 1],
    ]);
  });

  it("with include.s<index>=on the unknown sheet becomes an own area", async () => {
    const plan = await createPlanFor(w.districtA, 2042);
    const sessionId = await uploadOk(w.users.strategistA, plan.ref, xlsxFile(bytes));
    const p = await preview(plan.id, sessionId);
    const index = p.content.sheets.findIndex((s) => s.sheet === OWN);
    expect(index).toBe(1);
    const r = await apply(w.users.strategistA, plan.ref, sessionId, { [`include.s${index}`]: "on" });
    expect(r, JSON.stringify(r)).toHaveProperty("redirectedTo");
    const tree = await getPlanTree(plan.id);
    const own = tree.find((a) => a.centralArea === null);
    expect(own?.name).toBe(OWN);
    expect(own!.problems.map((x) => x.description)).toEqual(["Otrygghet vid tunnelbanan"]);
  });
});
