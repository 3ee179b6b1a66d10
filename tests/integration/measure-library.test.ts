// The measure library (issue 6) against a real PostgreSQL: full-text search over every plan with
// the Swedish configuration (lib/db/search.ts#searchPlans), "Liknande åtgärder" in other districts
// (similarMeasures), copying a measure from another district's plan into one's own draft
// (lib/actions/library.ts#copyMeasure, getCopiedOrigins), and sekretess: a confidential measure
// is seen only by those who hold measure.readConfidential in its district, and never leaves the
// app (review console, summary, xlsx, city workbook, decision document, history).
//
// Only the Next request context is replaced: the signed-in actor, revalidatePath and redirect().
// Every file makes its own world (unique slugs and e-mails), so who may see what is decided by
// readerReach over that world's districts, as the search page does. Refused copies are proven
// with snapshots of the plans and row counts before and after.

import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, AreaNode, CentralArea } from "@/lib/domain/types";

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

import { copyMeasure, copyMeasureAction } from "@/lib/actions/library";
import { createCommentAction } from "@/lib/actions/comments";
import { createGoalAction } from "@/lib/actions/goals";
import { createMeasureAction, deleteMeasureAction, updateMeasureAction } from "@/lib/actions/measures";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { readerReach } from "@/lib/domain/confidential";
import type { GoalStatus } from "@/lib/domain/follow-up";
import { PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { MESSAGES, type ActionResult } from "@/lib/domain/result";
import { headlineSegments, MATCH_END, MATCH_START, SEARCH_LIMITS } from "@/lib/domain/search";
import { SHEETS } from "@/lib/domain/workbook";
import { listDistrictScopes } from "@/lib/db/districts";
import { confidentialMeasureIds, getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { reviewMatrix } from "@/lib/db/review";
import { getCopiedOrigins, searchPlans, similarMeasures, type Reach } from "@/lib/db/search";
import { confidentialEntityIds, listPlanAudit } from "@/lib/db/versions";
import { planForDocument } from "@/lib/pdf/document";
import { cityWorkbook, planWorkbook } from "@/lib/xlsx/export";
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
  planVersion,
  snapshotPlan,
  testDatabaseUrl,
  type TestUser,
  type World,
} from "@/tests/support/db";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Outsiders = Awaited<ReturnType<typeof createOutsiders>>;
type Ref = { districtSlug: string; year: number };

/** Written in lib/actions/library.ts (COPY_MESSAGES). */
const SOURCE_MISSING = "Åtgärden du ville kopiera finns inte, eller så får du inte se den.";
const CAUSE_MISSING = "Orsaken finns inte i planen. Välj en orsak i planen som åtgärden ska höra till.";
/** lib/domain/confidential.ts#confidentialNote */
const NOTE_ONE = "1 åtgärd med sekretess ingår inte i det här dokumentet.";
const NOTE_TWO = "2 åtgärder med sekretess ingår inte i det här dokumentet.";

// ---------------------------------------------------------------------------------------------
// Content written straight to the database (the editor's actions are tested elsewhere).

let position = 0;

async function areaOf(planId: string, central: CentralArea) {
  return db.priorityArea.findFirstOrThrow({ where: { planId, centralArea: central } });
}

async function addProblem(areaId: string, description: string, collectiveName: string | null = null) {
  return (await db.problem.create({ data: { areaId, description, collectiveName, position: position++ } })).id;
}

async function addCause(problemId: string, description: string) {
  return (await db.cause.create({ data: { problemId, description, position: position++ } })).id;
}

type MeasureOpts = { confidential?: boolean; withPolice?: boolean; parties?: string[]; deadline?: string };

async function addMeasure(causeId: string, description: string, opts: MeasureOpts = {}) {
  const measure = await db.measure.create({
    data: {
      causeId,
      description,
      confidential: opts.confidential ?? false,
      withPolice: opts.withPolice ?? false,
      deadlineKind: opts.deadline ? "DATE" : "ONGOING",
      deadlineDate: opts.deadline ? new Date(`${opts.deadline}T00:00:00Z`) : null,
      position: position++,
    },
  });
  const parties = opts.parties ?? ["Stadsdelsförvaltningen"];
  await db.responsibleParty.createMany({ data: parties.map((organisation, i) => ({ measureId: measure.id, organisation, position: i })) });
  return measure.id;
}

async function addGoal(measureId: string, description: string, targetValue: number | null = 4) {
  return (await db.goal.create({ data: { measureId, description, targetValue, position: position++ } })).id;
}

/** problem → cause → measure in one go; the ids of each. */
async function addChain(areaId: string, problem: string, cause: string, measure: string, opts: MeasureOpts = {}) {
  const problemId = await addProblem(areaId, problem);
  const causeId = await addCause(problemId, cause);
  const measureId = await addMeasure(causeId, measure, opts);
  return { problemId, causeId, measureId };
}

/** A goal's status in one follow-up round of its plan (the round is made when missing). */
async function setStatus(planId: string, kind: "T1" | "T2" | "YEAR_END", goalId: string, status: GoalStatus | null) {
  const round = await db.followUpRound.upsert({ where: { planId_kind: { planId, kind } }, create: { planId, kind }, update: {} });
  await db.goalFollowUp.create({ data: { roundId: round.id, goalId, status } });
  return round.id;
}

async function signIn(user: TestUser | null) {
  auth.actor = user ? await actorOf(user) : null;
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

/** The reach of a search by this user over every district of the given municipalities (as the search page computes it). */
async function reachOf(user: TestUser, municipalityIds: string[]): Promise<Reach> {
  return readerReach(await actorOf(user), await listDistrictScopes(municipalityIds));
}

const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id).sort();

beforeAll(() => {
  testDatabaseUrl();
});

afterAll(async () => {
  await db.$disconnect();
});

// ---------------------------------------------------------------------------------------------

describe("searchPlans: full-text search over every plan the reader may see", () => {
  let w: World;
  let o: Outsiders;
  let municipalities: string[];
  const t = {
    // Two occurrences of the word: the better match.
    mA: "Trygghetsvandringar varje månad med boende och fastighetsägare, och extra trygghetsvandringar inför de mörka höstkvällarna.",
    pA: "Otrygghet på torget kvällstid",
    cA: "Dålig belysning och få vuxna i rörelse",
    gA: "Tolv genomförda vandringar under året",
    mB: "En trygghetsvandring genomförs tillsammans med polisen och föreningarna under hösten.",
    pB: "Otrygghet vid tunnelbanan",
    cB: "Nedskräpning och klotter kring entrén",
    gB: "Minst 30 deltagare på varje trygghetsvandring",
    m2024: "Trygghetsvandring i parken inför sommaren",
    mX: "Trygghetsvandringar i hela stadsdelen tillsammans med kommunen",
    mConfA: "Kameraövervakning av trapphusen i samarbete med bostadsbolaget",
    gConfA: "Kameraövervakningen utvärderas efter sex månader",
    mConfB: "Kameraövervakning vid infartsparkeringen nattetid",
    gConfB: "Kameraövervakningen av parkeringen är i drift före mars",
    mOpenX: "Kameraövervakning i centrum, beslutad av kommunstyrelsen",
  };
  const id: Record<string, string> = {};
  let unsafeB: { id: string; name: string };

  beforeAll(async () => {
    w = await createWorld(2025);
    o = await createOutsiders(w);
    municipalities = [w.municipality.id, w.otherMunicipality.id];
    const planX = await createPlanFor(o.otherDistrict, 2025);
    const planA2024 = await createPlanFor(w.districtA, 2024);

    const unsafeA = await areaOf(w.planA.id, "UNSAFE_PLACES");
    unsafeB = await areaOf(w.planB.id, "UNSAFE_PLACES");
    const a = await addChain(unsafeA.id, t.pA, t.cA, t.mA);
    id.mA = a.measureId;
    id.gA = await addGoal(a.measureId, t.gA);
    const b = await addChain(unsafeB.id, t.pB, t.cB, t.mB);
    Object.assign(id, { mB: b.measureId, pB: b.problemId, cB: b.causeId });
    id.gB = await addGoal(b.measureId, t.gB, 30);
    id.m2024 = (await addChain((await areaOf(planA2024.id, "UNSAFE_PLACES")).id, "Otrygghet i parken", "Skymda gångvägar", t.m2024)).measureId;
    id.mX = (await addChain((await areaOf(planX.id, "UNSAFE_PLACES")).id, "Otrygghet i centrum", "Få vuxna ute", t.mX)).measureId;
    id.mOpenX = (await addChain((await areaOf(planX.id, "SYSTEM_THREATENING_CRIME")).id, "Narkotikahandel", "Öppen handel", t.mOpenX)).measureId;

    const confA = await addChain((await areaOf(w.planA.id, "SYSTEM_THREATENING_CRIME")).id, "Narkotikahandel i trapphus", "Öppen försäljning", t.mConfA, { confidential: true });
    id.mConfA = confA.measureId;
    id.gConfA = await addGoal(confA.measureId, t.gConfA);
    const confB = await addChain((await areaOf(w.planB.id, "SYSTEM_THREATENING_CRIME")).id, "Stölder ur bilar", "Obevakad parkering", t.mConfB, { confidential: true });
    id.mConfB = confB.measureId;
    id.gConfB = await addGoal(confB.measureId, t.gConfB);
  });

  it("'trygghetsvandringar' finds the measure that says 'trygghetsvandring' and the other way round, in both districts", async () => {
    const reach = await reachOf(w.users.strategistA, municipalities);
    const plural = await searchPlans("trygghetsvandringar", reach);
    const singular = await searchPlans("trygghetsvandring", reach);
    // A's two 2025 plans' measures, B's goal that names it, and A's plan of 2024.
    const expected = [id.mA!, id.mB!, id.gB!, id.m2024!].sort();
    expect(ids(plural.hits)).toEqual(expected);
    expect(ids(singular.hits)).toEqual(expected);
    expect(plural.total).toBe(4);
    expect(singular.total).toBe(4);
    const districts = new Set(plural.hits.map((h) => h.districtName));
    expect(districts).toEqual(new Set([w.districtA.name, w.districtB.name]));
  });

  it("ranks the text that says it twice above the ones that say it once", async () => {
    const { hits } = await searchPlans("trygghetsvandring", await reachOf(w.users.strategistA, municipalities));
    expect(hits[0]!.id).toBe(id.mA);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.rank).toBeGreaterThanOrEqual(hits[i]!.rank);
  });

  it("a hit carries its district, year, area and chain; a goal hit names its measure", async () => {
    const { hits } = await searchPlans("trygghetsvandring", await reachOf(w.users.strategistA, municipalities));
    const byId = new Map(hits.map((h) => [h.id, h]));
    const common = {
      districtName: w.districtB.name,
      districtSlug: w.districtB.slug,
      year: 2025,
      areaId: unsafeB.id,
      areaName: CENTRAL_AREA_NAMES.UNSAFE_PLACES,
      problem: t.pB,
      cause: t.cB,
      measure: t.mB,
      measureId: id.mB,
      confidential: false,
    };
    expect(byId.get(id.mB!)).toMatchObject({ kind: "measure", ...common });
    expect(byId.get(id.gB!)).toMatchObject({ kind: "goal", ...common });
    expect(byId.get(id.m2024!)).toMatchObject({ kind: "measure", districtName: w.districtA.name, year: 2024, measure: t.m2024 });
  });

  it("a problem or cause hit carries its chain up to itself", async () => {
    const { hits } = await searchPlans("nedskräpning klotter", await reachOf(w.users.strategistA, municipalities));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: "cause", id: id.cB, problem: t.pB, cause: t.cB, measure: null, measureId: null, districtName: w.districtB.name });
  });

  it("the headline has the matched words between MATCH_START and MATCH_END, as written", async () => {
    const { hits } = await searchPlans("trygghetsvandring", await reachOf(w.users.strategistA, municipalities));
    const top = hits.find((h) => h.id === id.mA)!;
    expect(top.headline).toContain(`${MATCH_START}Trygghetsvandringar${MATCH_END}`);
    expect(top.headline).toContain(`${MATCH_START}trygghetsvandringar${MATCH_END}`);
    const segments = headlineSegments(top.headline);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Trygghetsvandringar", "trygghetsvandringar"]);
    expect(segments.map((s) => s.text).join("")).toBe(t.mA);
    const goal = hits.find((h) => h.id === id.gB)!;
    expect(goal.headline).toContain(`${MATCH_START}trygghetsvandring${MATCH_END}`);
  });

  it("a long text is cut around the match, with … where it was cut", async () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
    const long = `Bakgrund ${filler(60, "inledning")} där grannsamverkan utvecklas i bostadsområdet ${filler(60, "avslutning")} slut.`;
    const m = await addChain((await areaOf(w.planA.id, "VULNERABLE_VICTIMS")).id, "Inbrott i villor", "Få grannar hemma dagtid", long);
    const { hits } = await searchPlans("grannsamverkan", await reachOf(w.users.strategistA, municipalities));
    expect(hits.map((h) => h.id)).toEqual([m.measureId]);
    const headline = hits[0]!.headline;
    expect(headline).toContain(`${MATCH_START}grannsamverkan${MATCH_END}`);
    expect(headline.startsWith("… ")).toBe(true);
    expect(headline.endsWith(" …")).toBe(true);
    const plain = headlineSegments(headline).map((s) => s.text).join("");
    expect(plain.length).toBeLessThan(long.length);
    // The hit still carries the whole text of its measure.
    expect(hits[0]!.measure).toBe(long);
  });

  it("never shows a district outside the reader's reach", async () => {
    // The strategist of A sees A and B (the municipality), never the other municipality's district.
    const strategist = await searchPlans("trygghetsvandringar", await reachOf(w.users.strategistA, municipalities));
    expect(strategist.hits.map((h) => h.id)).not.toContain(id.mX);
    expect(strategist.hits.every((h) => h.districtSlug !== o.otherDistrict.slug)).toBe(true);
    // The police only where their area serves: A, not B.
    const police = await searchPlans("trygghetsvandringar", await reachOf(w.users.police, municipalities));
    expect(ids(police.hits)).toEqual([id.mA!, id.m2024!].sort());
    expect(police.total).toBe(2);
    // The other municipality's strategist sees only their own municipality.
    const other = await searchPlans("trygghetsvandringar", await reachOf(o.users.otherStrategist, municipalities));
    expect(ids(other.hits)).toEqual([id.mX!]);
    // A reach of B only, and an empty reach.
    const onlyB = await searchPlans("trygghetsvandringar", { viewable: [w.districtB.id], confidential: [] });
    expect(ids(onlyB.hits)).toEqual([id.mB!, id.gB!].sort());
    expect(await searchPlans("trygghetsvandringar", { viewable: [], confidential: [] })).toEqual({ hits: [], total: 0 });
    // A user without any role reaches nothing.
    expect(await searchPlans("trygghetsvandringar", await reachOf(w.users.noRole, municipalities))).toEqual({ hits: [], total: 0 });
  });

  it("a confidential measure and its goals are found only where the reader may read sekretess", async () => {
    const q = "kameraövervakning";
    // The strategist of A: A's confidential measure and goal, not B's.
    const a = await searchPlans(q, await reachOf(w.users.strategistA, municipalities));
    expect(ids(a.hits)).toEqual([id.mConfA!, id.gConfA!].sort());
    expect(a.hits.every((h) => h.confidential)).toBe(true);
    expect(a.total).toBe(2);
    // The strategist of B: B's only.
    const b = await searchPlans(q, await reachOf(w.users.strategistB, municipalities));
    expect(ids(b.hits)).toEqual([id.mConfB!, id.gConfB!].sort());
    // The police serving A: A's.
    expect(ids((await searchPlans(q, await reachOf(w.users.police, municipalities))).hits)).toEqual([id.mConfA!, id.gConfA!].sort());
    // The review group sees every plan of the municipality, but no sekretess: nothing, and no count that betrays it.
    expect(await searchPlans(q, await reachOf(w.users.reviewGroup, municipalities))).toEqual({ hits: [], total: 0 });
    // The municipality's admin reads both.
    expect(ids((await searchPlans(q, await reachOf(w.users.admin, municipalities))).hits)).toEqual([id.mConfA!, id.gConfA!, id.mConfB!, id.gConfB!].sort());
    // `confidential` outside `viewable` does not widen the reach.
    expect(await searchPlans(q, { viewable: [w.districtB.id], confidential: [w.districtA.id] })).toEqual({ hits: [], total: 0 });
    // Another municipality's open measure with the word is theirs only.
    expect(ids((await searchPlans(q, await reachOf(o.users.otherStrategist, municipalities))).hits)).toEqual([id.mOpenX!]);
  });

  it("filters by year and by district, within the reach", async () => {
    const reach = await reachOf(w.users.strategistA, municipalities);
    expect(ids((await searchPlans("trygghetsvandring", reach, { year: 2024 })).hits)).toEqual([id.m2024!]);
    expect(ids((await searchPlans("trygghetsvandring", reach, { year: 2025 })).hits)).toEqual([id.mA!, id.mB!, id.gB!].sort());
    expect(ids((await searchPlans("trygghetsvandring", reach, { districtId: w.districtB.id })).hits)).toEqual([id.mB!, id.gB!].sort());
    expect(ids((await searchPlans("trygghetsvandring", reach, { districtId: w.districtA.id, year: 2025 })).hits)).toEqual([id.mA!]);
    expect(await searchPlans("trygghetsvandring", reach, { year: 2023 })).toEqual({ hits: [], total: 0 });
    // A district filter cannot reach outside the reach.
    expect(await searchPlans("trygghetsvandring", reach, { districtId: o.otherDistrict.id })).toEqual({ hits: [], total: 0 });
  });

  it("understands web-search syntax: a phrase, and -word", async () => {
    const reach = await reachOf(w.users.strategistA, municipalities);
    expect(ids((await searchPlans('"trygghetsvandringar varje månad"', reach)).hits)).toEqual([id.mA!]);
    expect(ids((await searchPlans("trygghetsvandring -polisen", reach)).hits)).toEqual([id.mA!, id.gB!, id.m2024!].sort());
    expect(ids((await searchPlans("nedskräpning or kameraövervakning", reach)).hits)).toEqual([id.cB!, id.mConfA!, id.gConfA!].sort());
  });

  it("a word no plan uses gives no hits", async () => {
    expect(await searchPlans("zebrapassage", await reachOf(w.users.admin, municipalities))).toEqual({ hits: [], total: 0 });
  });

  it("counts every match but returns at most SEARCH_LIMITS.hits, best first", async () => {
    const extra = SEARCH_LIMITS.hits + 5;
    const m = await addChain((await areaOf(w.planB.id, "VULNERABLE_VICTIMS")).id, "Cykelstölder vid skolan", "Olåsta cyklar", "Cykelgarage byggs vid skolan");
    await db.goal.createMany({ data: Array.from({ length: extra - 1 }, (_, i) => ({ measureId: m.measureId, description: `Cykelstölderna minskar, delmål ${i + 1}`, position: i })) });
    const { hits, total } = await searchPlans("cykelstöld", await reachOf(w.users.strategistA, municipalities));
    expect(total).toBe(extra); // the problem and every goal
    expect(hits).toHaveLength(SEARCH_LIMITS.hits);
  });

  it("hostile queries neither throw nor change anything", async () => {
    const reach = await reachOf(w.users.admin, municipalities);
    const before = await db.measure.count();
    const hostile = [
      '"',
      '"""',
      "'",
      "&|!:*()",
      "!trygghetsvandring",
      "trygghetsvandring:*",
      "(trygghetsvandring | kameraövervakning) & !",
      "<->",
      "\\",
      "-",
      "or",
      "a".repeat(200),
      `${"trygghetsvandring ".repeat(12)}`.slice(0, 200),
      "'; DROP TABLE \"Measure\"; --",
      "1' OR '1'='1",
      "trygghetsvandring'); DELETE FROM \"Goal\" WHERE ('1'='1",
      `${MATCH_START}trygghetsvandring${MATCH_END}`,
      "   ",
      "",
    ];
    for (const q of hostile) {
      const r = await searchPlans(q, reach);
      expect(Array.isArray(r.hits), q).toBe(true);
      expect(r.total, q).toBeGreaterThanOrEqual(r.hits.length);
    }
    expect(await db.measure.count()).toBe(before);
    // The SQL-looking text is searched for as words, not run.
    expect((await searchPlans("'; DROP TABLE \"Measure\"; --", reach)).hits).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("similarMeasures: what other districts do against the same kind of problem", () => {
  let w: World;
  let o: Outsiders;
  let municipalities: string[];
  const id: Record<string, string> = {};

  beforeAll(async () => {
    w = await createWorld(2025);
    o = await createOutsiders(w);
    municipalities = [w.municipality.id, w.otherMunicipality.id];
    const unsafeA = await areaOf(w.planA.id, "UNSAFE_PLACES");
    const unsafeB = await areaOf(w.planB.id, "UNSAFE_PLACES");

    // The measure the strategist of A is looking at.
    id.source = (await addChain(unsafeA.id, "Otrygghet och droghandel vid tunnelbanestationen", "Skymda platser och dålig belysning vid stationen", "Trygghetsvandringar och bättre belysning vid stationen")).measureId;

    // B, the same central area: a related problem, a little of the words.
    const same = await addChain(unsafeB.id, "Otrygghet vid tunnelbanestationen på kvällarna", "Mörka gångvägar", "Ny belysning längs gångvägarna");
    id.same = same.measureId;
    id.sameCause = same.causeId;
    const g1 = await addGoal(same.measureId, "Alla gångvägar har belysning före oktober");
    const g2 = await addGoal(same.measureId, "Tio nya armaturer per kvartal");
    await addGoal(same.measureId, "Boende upplever gångvägarna som tryggare");
    await setStatus(w.planB.id, "T1", g1, "PARTLY_MET");
    await setStatus(w.planB.id, "YEAR_END", g1, "MET");
    await setStatus(w.planB.id, "T1", g2, "NOT_MET");
    await setStatus(w.planB.id, "YEAR_END", g2, null); // a round without a status does not count
    // B, the same central area, sekretess.
    id.conf = await addMeasure(same.causeId, "Kameraövervakning vid stationens entréer", { confidential: true });

    // B, another central area: many more of the words, but not the same area.
    const other = await addChain(
      (await areaOf(w.planB.id, "YOUTH_AT_RISK")).id,
      "Droghandel, otrygghet och skymda platser vid tunnelbanestationen",
      "Dålig belysning och skymda platser vid stationen där unga samlas",
      "Fältassistenter och trygghetsvandringar vid stationen med bättre belysning",
    );
    id.other = other.measureId;
    await setStatus(w.planB.id, "T1", await addGoal(other.measureId, "Fältassistenter ute fyra kvällar i veckan"), "PARTLY_MET");

    // B, a third central area: a little better than the same area's measure, far from double.
    id.close = (await addChain((await areaOf(w.planB.id, "CRIMINAL_ENVIRONMENTS")).id, "Droghandel och otrygghet vid tunnelbanestationen", "Unga samlas", "Fältassistenter vid stationen")).measureId;

    // B, unrelated.
    id.unrelated = (await addChain((await areaOf(w.planB.id, "VULNERABLE_VICTIMS")).id, "Äldre utsätts för bedrägerier per telefon", "Bristande kunskap om bedrägeriförsök", "Informationsträffar för äldre om bedrägerier")).measureId;

    // A itself (this year and last year): never "similar".
    id.ownDistrict = (await addChain((await areaOf(w.planA.id, "CRIMINAL_ENVIRONMENTS")).id, "Droghandel vid tunnelbanestationen", "Dålig belysning", "Belysning vid stationen ses över")).measureId;
    const planA2024 = await createPlanFor(w.districtA, 2024);
    id.ownLastYear = (await addChain((await areaOf(planA2024.id, "UNSAFE_PLACES")).id, "Otrygghet vid tunnelbanestationen", "Dålig belysning vid stationen", "Trygghetsvandringar vid stationen")).measureId;

    // Another municipality: out of reach.
    const planX = await createPlanFor(o.otherDistrict, 2025);
    id.otherMunicipality = (await addChain((await areaOf(planX.id, "UNSAFE_PLACES")).id, "Otrygghet vid tunnelbanestationen", "Dålig belysning vid stationen", "Trygghetsvandringar vid stationen")).measureId;
  });

  it("returns other districts' measures with a related problem or cause; the same central area counts double", async () => {
    const similar = await similarMeasures(id.source!, await reachOf(w.users.strategistA, municipalities));
    // A much better match elsewhere first, then the same area's, then a slightly better match elsewhere.
    expect(similar.map((s) => s.id)).toEqual([id.other, id.same, id.close]);
    const [other, same, close] = similar;
    expect(same).toMatchObject({
      description: "Ny belysning längs gångvägarna",
      districtName: w.districtB.name,
      districtSlug: w.districtB.slug,
      year: 2025,
      areaName: CENTRAL_AREA_NAMES.UNSAFE_PLACES,
      sameArea: true,
      problem: "Otrygghet vid tunnelbanestationen på kvällarna",
      cause: "Mörka gångvägar",
    });
    expect(other).toMatchObject({ sameArea: false, areaName: CENTRAL_AREA_NAMES.YOUTH_AT_RISK });
    expect(close).toMatchObject({ sameArea: false, areaName: CENTRAL_AREA_NAMES.CRIMINAL_ENVIRONMENTS });
    // The raw ranks: the close one matches better than the same area's, yet comes after it.
    expect(close!.rank).toBeGreaterThan(same!.rank);
    expect(2 * same!.rank).toBeGreaterThan(close!.rank);
    expect(other!.rank).toBeGreaterThan(2 * same!.rank);
  });

  it("never returns the same district's measures (any year), unrelated ones, or districts out of reach", async () => {
    const similar = await similarMeasures(id.source!, await reachOf(w.users.admin, municipalities));
    const found = similar.map((s) => s.id);
    for (const not of [id.source, id.ownDistrict, id.ownLastYear, id.unrelated, id.otherMunicipality]) expect(found).not.toContain(not);
    expect(similar.every((s) => s.districtSlug === w.districtB.slug)).toBe(true);
    // The other municipality's measure says the same thing; its own strategist is not shown A's or B's either.
    expect(await similarMeasures(id.otherMunicipality!, await reachOf(o.users.otherStrategist, municipalities))).toEqual([]);
    expect(await similarMeasures(id.source!, { viewable: [], confidential: [] })).toEqual([]);
  });

  it("each goal's latest follow-up status comes along: year end over T1, a round without status skipped, none yet is null", async () => {
    const similar = await similarMeasures(id.source!, await reachOf(w.users.strategistA, municipalities));
    expect(similar.find((s) => s.id === id.same)!.goalStatuses).toEqual(["MET", "NOT_MET", null]);
    expect(similar.find((s) => s.id === id.other)!.goalStatuses).toEqual(["PARTLY_MET"]);
  });

  it("a confidential measure is left out unless its district's sekretess is readable", async () => {
    const strategist = await similarMeasures(id.source!, await reachOf(w.users.strategistA, municipalities));
    expect(strategist.map((s) => s.id)).not.toContain(id.conf);
    const review = await similarMeasures(id.source!, await reachOf(w.users.reviewGroup, municipalities));
    expect(review.map((s) => s.id)).toEqual([id.other, id.same, id.close]);
    // The municipality's admin may read B's sekretess: it comes, in the same area as the source.
    const admin = await similarMeasures(id.source!, await reachOf(w.users.admin, municipalities));
    expect(admin.map((s) => s.id).sort()).toEqual([id.same!, id.conf!, id.other!, id.close!].sort());
    expect(admin.filter((s) => s.id !== id.conf).map((s) => s.id)).toEqual([id.other, id.same, id.close]);
    expect(admin.find((s) => s.id === id.conf)).toMatchObject({ sameArea: true, goalStatuses: [] });
    // B's strategist reads B's sekretess too.
    expect((await similarMeasures(id.source!, await reachOf(w.users.strategistB, municipalities))).map((s) => s.id)).toContain(id.conf);
  });

  it("returns at most `limit`", async () => {
    const one = await similarMeasures(id.source!, await reachOf(w.users.strategistA, municipalities), 1);
    expect(one.map((s) => s.id)).toEqual([id.other]);
    expect((await similarMeasures(id.source!, await reachOf(w.users.strategistA, municipalities), 2)).map((s) => s.id)).toEqual([id.other, id.same]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("copyMeasure: a measure of another district's plan into one's own draft", () => {
  let w: World;
  let o: Outsiders;
  let refA: Ref;
  let targetArea: string;
  let targetCause: string;
  let sourceArea: string;
  let source: string;
  let sourceGoals: string[];
  let confidentialB: string;
  let causeInB: string;
  let causeInA2025: string;
  let confidentialA2025: string;
  let otherMunicipalityMeasure: string;
  let lockedPlan: { id: string; ref: Ref; cause: string };

  const SOURCE = {
    description: "Nattvandringar med föräldrar och föreningar fredagar och lördagar, med samling på fritidsgården.",
    kind: "ONGOING_WORK" as const,
    youthStrategy: true,
    violentExtremism: true,
    evidenceEffect: "Minskad otrygghet enligt Brå:s utvärdering av vuxennärvaro.",
    evidenceMechanism: "Vuxna i rörelse ökar den informella sociala kontrollen.",
    evidenceContext: "Centrumnära platser där unga samlas kvällstid.",
    evidenceImplementation: "Kräver samordnare och utbildade vandrare.",
    evidenceEconomy: "Låg kostnad, ideella vandrare.",
    evidenceLinks: ["https://bra.se/forebygga-brott/nattvandring", "https://www.college.police.uk/research/crime-reduction-toolkit"],
  };

  async function copyAs(user: TestUser | null, fields: { causeId?: string; sourceId?: string; ref?: Ref }) {
    await signIn(user);
    return copyMeasure(formData({ ...(fields.ref ?? refA), causeId: fields.causeId, sourceId: fields.sourceId }));
  }

  /** Runs a copy that must be refused and proves that no plan and no table changed, and nothing was revalidated. */
  async function refused(run: () => Promise<ActionResult<unknown>>): Promise<Failure> {
    const plans = [w.planA.id, w.planB.id, lockedPlan.id];
    const counts = () => Promise.all([db.measure.count(), db.goal.count(), db.responsibleParty.count(), db.auditLog.count({ where: { NOT: { action: { startsWith: "auth." } } } })]);
    const before = { plans: await Promise.all(plans.map(snapshotPlan)), counts: await counts() };
    cache.revalidatePath.mockClear();
    const r = await run();
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect({ plans: await Promise.all(plans.map(snapshotPlan)), counts: await counts() }).toEqual(before);
    expect(cache.revalidatePath).not.toHaveBeenCalled();
    return r as Failure;
  }

  beforeAll(async () => {
    w = await createWorld(2026);
    o = await createOutsiders(w);
    refA = { districtSlug: w.districtA.slug, year: 2026 };

    // The target: a cause in A's draft (with one measure of its own already).
    targetArea = (await areaOf(w.planA.id, "UNSAFE_PLACES")).id;
    targetCause = (await insertCompleteChain(targetArea, "mål för kopian")).causeId;

    // The source in B's plan, with everything a measure can carry, and a follow-up.
    sourceArea = (await areaOf(w.planB.id, "UNSAFE_PLACES")).id;
    const chainB = await addChain(sourceArea, "Otrygghet kring centrumhuset", "Få vuxna i rörelse kvällstid", SOURCE.description, {
      withPolice: true,
      deadline: "2026-06-30",
      parties: ["Lokalpolisområdet", "Fritidsförvaltningen"],
    });
    source = chainB.measureId;
    causeInB = chainB.causeId;
    await db.measure.update({
      where: { id: source },
      data: {
        kind: SOURCE.kind,
        youthStrategy: SOURCE.youthStrategy,
        violentExtremism: SOURCE.violentExtremism,
        evidenceEffect: SOURCE.evidenceEffect,
        evidenceMechanism: SOURCE.evidenceMechanism,
        evidenceContext: SOURCE.evidenceContext,
        evidenceImplementation: SOURCE.evidenceImplementation,
        evidenceEconomy: SOURCE.evidenceEconomy,
        evidenceLinks: SOURCE.evidenceLinks,
      },
    });
    sourceGoals = [
      (await db.goal.create({ data: { measureId: source, description: "Nattvandring 40 kvällar under året", targetValue: 40, targetUnit: "kvällar", position: 0 } })).id,
      (await db.goal.create({ data: { measureId: source, description: "Föreningarna upplever samarbetet som gott", qualitative: true, position: 1 } })).id,
    ];
    const round = await setStatus(w.planB.id, "T1", sourceGoals[0]!, "PARTLY_MET");
    await db.measureFollowUp.create({ data: { roundId: round, measureId: source, text: "Genomfört 20 kvällar hittills." } });

    confidentialB = await addMeasure(causeInB, "Kameraövervakning vid centrumhusets baksida", { confidential: true });
    await addGoal(confidentialB, "Kamerorna är i drift före sommaren");

    // A's own plan of last year: a cause (another plan) and a measure with sekretess.
    const planA2025 = await createPlanFor(w.districtA, 2025);
    const chainA2025 = await addChain((await areaOf(planA2025.id, "SYSTEM_THREATENING_CRIME")).id, "Narkotikahandel i trapphus", "Öppen försäljning", "Hemlig insats mot narkotikahandeln i trapphusen", { confidential: true });
    causeInA2025 = chainA2025.causeId;
    confidentialA2025 = chainA2025.measureId;
    await addGoal(confidentialA2025, "Insatsen utvärderas i december");

    // Another municipality's measure.
    const planX = await createPlanFor(o.otherDistrict, 2026);
    otherMunicipalityMeasure = (await addChain((await areaOf(planX.id, "UNSAFE_PLACES")).id, "Otrygghet", "Få vuxna", "Nattvandringar i annan kommun")).measureId;

    // A plan of A that is not editable (submitted), with a cause.
    const p2027 = await createPlanFor(w.districtA, 2027);
    const locked = await insertCompleteChain((await areaOf(p2027.id, "UNSAFE_PLACES")).id, "låst");
    await db.plan.update({ where: { id: p2027.id }, data: { status: "SUBMITTED" } });
    lockedPlan = { id: p2027.id, ref: { districtSlug: w.districtA.slug, year: 2027 }, cause: locked.causeId };
  });

  it("the strategist copies B's measure under a cause of their own draft: text, kind, tags, evidence and goals, linked to the source", async () => {
    const beforeVersion = await planVersion(w.planA.id);
    const beforeAudit = await lastAuditId();
    const beforeB = await snapshotPlan(w.planB.id);
    cache.revalidatePath.mockClear();

    const r = await copyAs(w.users.strategistA, { causeId: targetCause, sourceId: source });
    const data = expectOk(r);
    expect(data.areaId).toBe(targetArea);

    const copy = await db.measure.findUniqueOrThrow({
      where: { id: data.id },
      include: { goals: { orderBy: { position: "asc" }, include: { followUps: true } }, responsibleParties: true, followUps: true, coSignatures: true },
    });
    expect(copy).toMatchObject({ ...SOURCE, causeId: targetCause, copiedFromId: source, confidential: false, position: 1 });
    // The district's own to decide: not copied.
    expect(copy).toMatchObject({ withPolice: false, deadlineKind: null, deadlineDate: null, deadlineNote: null });
    expect(copy.responsibleParties).toEqual([]);
    // Nothing of the follow-up.
    expect(copy.followUps).toEqual([]);
    expect(copy.coSignatures).toEqual([]);
    expect(
      copy.goals.map((g) => ({ description: g.description, targetValue: g.targetValue === null ? null : Number(g.targetValue), targetUnit: g.targetUnit, qualitative: g.qualitative, position: g.position, followUps: g.followUps })),
    ).toEqual([
      { description: "Nattvandring 40 kvällar under året", targetValue: 40, targetUnit: "kvällar", qualitative: false, position: 0, followUps: [] },
      { description: "Föreningarna upplever samarbetet som gott", targetValue: null, targetUnit: null, qualitative: true, position: 1, followUps: [] },
    ]);
    // New goal rows; the source keeps its own.
    for (const g of copy.goals) expect(sourceGoals).not.toContain(g.id);
    expect(await db.goal.count({ where: { id: { in: sourceGoals }, measureId: source } })).toBe(2);

    // One audit row, in A's plan, naming where it came from.
    const audit = await auditRowsSince(w.planA.id, beforeAudit);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "measure.copy", entityType: "measure", entityId: data.id, actorId: w.users.strategistA.id, planId: w.planA.id });
    expect((audit[0]!.after as { copiedFrom: unknown }).copiedFrom).toEqual({ measureId: source, district: w.districtB.name, year: 2026 });
    expect(await planVersion(w.planA.id)).toBe(beforeVersion + 1);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/plans/${w.districtA.slug}/2026`, "layout");

    // The source and its plan are untouched.
    expect(await snapshotPlan(w.planB.id)).toEqual(beforeB);

    // The copy shows up in A's editor tree, under the chosen cause.
    const tree = await getPlanTree(w.planA.id, targetArea);
    const cause = tree[0]!.problems.flatMap((p) => p.causes).find((c) => c.id === targetCause)!;
    expect(cause.measures.map((m) => m.description)).toEqual(["Åtgärd mål för kopian", SOURCE.description]);
    expect(cause.measures[1]!.copiedFromId).toBe(source);
  });

  it("getCopiedOrigins tells where a copy came from, with a link to the source measure", async () => {
    const copy = await db.measure.findFirstOrThrow({ where: { copiedFromId: source, cause: { problem: { area: { planId: w.planA.id } } } } });
    const notCopied = (await db.measure.findFirstOrThrow({ where: { causeId: targetCause, copiedFromId: null } })).id;
    const origins = await getCopiedOrigins([copy.id, notCopied, randomUUID()]);
    expect([...origins.keys()]).toEqual([copy.id]);
    expect(origins.get(copy.id)).toEqual({ districtName: w.districtB.name, year: 2026, href: `/plans/${w.districtB.slug}/2026/areas/${sourceArea}#measure-${source}` });
    expect(await getCopiedOrigins([])).toEqual(new Map());
  });

  it("copyMeasureAction opens the new measure in the plan", async () => {
    await signIn(w.users.strategistA);
    const fd = formData({ ...refA, causeId: targetCause, sourceId: source });
    const err = await copyMeasureAction(null, fd).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(nav.RedirectSignal);
    const url = (err as InstanceType<typeof nav.RedirectSignal>).url;
    const m = new RegExp(`^/plans/${w.districtA.slug}/2026/areas/${targetArea}\\?kopierad=1#measure-([0-9a-f-]{36})$`).exec(url);
    expect(m, url).not.toBeNull();
    expect((await db.measure.findUniqueOrThrow({ where: { id: m![1]! } })).copiedFromId).toBe(source);
    // A refusal is returned to the form, not redirected.
    const refusal = await copyMeasureAction(null, formData({ ...refA, causeId: targetCause, sourceId: randomUUID() }));
    expect(refusal).toMatchObject({ ok: false, code: "NOT_FOUND", message: SOURCE_MISSING });
  });

  it("the strategist may copy a measure with sekretess of their own district; the copy keeps it", async () => {
    const data = expectOk(await copyAs(w.users.strategistA, { causeId: targetCause, sourceId: confidentialA2025 }));
    const copy = await db.measure.findUniqueOrThrow({ where: { id: data.id }, include: { goals: true } });
    expect(copy).toMatchObject({ description: "Hemlig insats mot narkotikahandeln i trapphusen", confidential: true, copiedFromId: confidentialA2025 });
    expect(copy.goals.map((g) => g.description)).toEqual(["Insatsen utvärderas i december"]);
  });

  it("refuses a cause of another district's plan, or of another plan of the same district", async () => {
    const otherDistrict = await refused(() => copyAs(w.users.strategistA, { causeId: causeInB, sourceId: source }));
    expect(otherDistrict).toMatchObject({ code: "NOT_FOUND", message: CAUSE_MISSING });
    const otherYear = await refused(() => copyAs(w.users.strategistA, { causeId: causeInA2025, sourceId: source }));
    expect(otherYear).toMatchObject({ code: "NOT_FOUND", message: CAUSE_MISSING });
    // A well-formed id that is no cause at all (a measure's).
    expect(await refused(() => copyAs(w.users.strategistA, { causeId: source, sourceId: source }))).toMatchObject({ code: "NOT_FOUND", message: CAUSE_MISSING });
  });

  it("a forged source, a source with sekretess in another district and one in another municipality all look missing, alike", async () => {
    const forged = await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: randomUUID() }));
    expect(forged).toMatchObject({ code: "NOT_FOUND", message: SOURCE_MISSING });
    // A cause's or goal's id as the source: not a measure.
    expect(await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: causeInB }))).toEqual(forged);
    expect(await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: sourceGoals[0] }))).toEqual(forged);
    // Sekretess in B: exactly the answer of a missing measure, nothing that says it exists.
    expect(await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: confidentialB }))).toEqual(forged);
    // Another municipality's plan is not the strategist's to read.
    expect(await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: otherMunicipalityMeasure }))).toEqual(forged);
  });

  it("refuses a target plan that is not editable (LOCKED)", async () => {
    const r = await refused(() => copyAs(w.users.strategistA, { ref: lockedPlan.ref, causeId: lockedPlan.cause, sourceId: source }));
    expect(r).toMatchObject({ code: "LOCKED", message: PERMISSION_MESSAGES.locked });
  });

  it("only the district's own strategist may copy into its plan", async () => {
    const cannotEdit = { code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotEdit };
    for (const user of [w.users.strategistB, w.users.steeringGroupA, w.users.reviewGroup]) {
      expect(await refused(() => copyAs(user, { causeId: targetCause, sourceId: source })), user.email).toMatchObject(cannotEdit);
    }
    // Outsiders learn nothing: not even that the plan exists.
    for (const user of [o.users.otherStrategist, o.users.policeNotServingA, w.users.otherAdmin, w.users.noRole]) {
      expect(await refused(() => copyAs(user, { causeId: targetCause, sourceId: source })), user.email).toMatchObject({ code: "NOT_FOUND", message: MESSAGES.notFound });
    }
    // Not signed in.
    expect(await refused(() => copyAs(null, { causeId: targetCause, sourceId: source }))).toMatchObject({ code: "UNAUTHENTICATED", message: MESSAGES.unauthenticated });
  });

  it("the police may not copy, even into a district they serve", async () => {
    const r = await refused(() => copyAs(w.users.police, { causeId: targetCause, sourceId: source }));
    expect(r).toMatchObject({ code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotEdit });
  });

  it("malformed ids are a VALIDATION error on the field", async () => {
    const badCause = await refused(() => copyAs(w.users.strategistA, { causeId: "not-a-uuid", sourceId: source }));
    expect(badCause).toMatchObject({ code: "VALIDATION", message: MESSAGES.validation, fieldErrors: { causeId: ["Orsaken är ogiltig."] } });
    const badSource = await refused(() => copyAs(w.users.strategistA, { causeId: targetCause, sourceId: "1; DROP TABLE \"Measure\"" }));
    expect(badSource).toMatchObject({ code: "VALIDATION", fieldErrors: { sourceId: ["Åtgärden att kopiera är ogiltig."] } });
    const missing = await refused(() => copyAs(w.users.strategistA, { causeId: targetCause }));
    expect(missing).toMatchObject({ code: "VALIDATION", fieldErrors: { sourceId: ["Åtgärden att kopiera saknas."] } });
    const badRef = await refused(() => copyAs(w.users.strategistA, { ref: { districtSlug: "Ö; --", year: 2026 }, causeId: targetCause, sourceId: source }));
    expect(badRef).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(badRef.fieldErrors ?? {})).toEqual(["districtSlug"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("sekretess: a confidential measure is left out of everything read outside its district", () => {
  const TODAY = "2026-02-01";
  let w: World;
  let unsafeA: { id: string; name: string };
  let planB: { id: string };
  const id: Record<string, string> = {};
  const SECRET = "Kameraövervakning av trapphusen vid Exempelvägen, i samarbete med polisens underrättelseenhet";
  const SECRET_GOALS = ["Kamerorna är i drift före april", "Utvärdering av kameraövervakningen i oktober"];
  const SECRET_B = "Dold bevakning av infartsparkeringen nattetid";

  beforeAll(async () => {
    w = await createWorld(2025);
    planB = { id: w.planB.id };
    unsafeA = await areaOf(w.planA.id, "UNSAFE_PLACES");
    const p1 = await addProblem(unsafeA.id, "Otrygghet i parken");
    const c1 = await addCause(p1, "Dålig belysning och skymda buskage");
    id.m1 = await addMeasure(c1, "Belysningen i parken byts ut");
    id.g1 = await addGoal(id.m1, "Alla armaturer är bytta före november");
    id.m2 = await addMeasure(c1, "Parkvärdar på helger tillsammans med polisen", { withPolice: true, parties: ["Stadsdelsförvaltningen", "Lokalpolisområdet"] });
    id.g2 = await addGoal(id.m2, "Parkvärdar 40 helger under året", 40);
    id.m3 = await addMeasure(c1, "Klotter saneras inom 24 timmar");
    id.g3 = await addGoal(id.m3, "95 % av klottret sanerat inom ett dygn", 95);
    id.m4 = await addMeasure(c1, "Trygghetsvandringar i parken");
    id.g4a = await addGoal(id.m4, "Fyra trygghetsvandringar under året");
    id.g4b = await addGoal(id.m4, "Synpunkterna återkopplas till boende", null);
    const p2 = await addProblem(unsafeA.id, "Narkotikahandel i trapphus");
    const c2 = await addCause(p2, "Öppen försäljning i entréerna");
    // Sekretess: a police measure past its date, with goals NOT_MET and without status.
    id.secret = await addMeasure(c2, SECRET, { confidential: true, withPolice: true, parties: ["Polisen"], deadline: "2025-03-01" });
    id.gs1 = await addGoal(id.secret, SECRET_GOALS[0]!);
    id.gs2 = await addGoal(id.secret, SECRET_GOALS[1]!, null);

    // Follow-up (A's plan is decided): latest status year end over T2 over T1, rounds without a status skipped.
    await db.plan.update({ where: { id: w.planA.id }, data: { status: "COUNCIL_DECIDED" } });
    await setStatus(w.planA.id, "T1", id.g1, "MET");
    await setStatus(w.planA.id, "T2", id.g1, "NOT_MET");
    await setStatus(w.planA.id, "YEAR_END", id.g1, null); // → NOT_MET
    await setStatus(w.planA.id, "T1", id.g2, "NOT_MET");
    await setStatus(w.planA.id, "YEAR_END", id.g2, "MET"); // → MET
    await setStatus(w.planA.id, "YEAR_END", id.g4a, "MET"); // g3, g4b: none
    await setStatus(w.planA.id, "YEAR_END", id.gs1, "NOT_MET"); // gs2: none

    // B: one open measure and one with sekretess.
    const unsafeB = await areaOf(w.planB.id, "UNSAFE_PLACES");
    const b = await addChain(unsafeB.id, "Otrygghet vid torget", "Få vuxna ute", "Nattvandring vid torget");
    id.mB = b.measureId;
    await addGoal(b.measureId, "Nattvandring varje fredag");
    id.secretB = await addMeasure(b.causeId, SECRET_B, { confidential: true });
    await addGoal(id.secretB, "Bevakningen utvärderas i juni");
  });

  const rowOf = async (filter: Parameters<typeof reviewMatrix>[2] = {}) => {
    const { rows, total } = await reviewMatrix([w.municipality.id], 2025, { districtId: w.districtA.id, ...filter }, TODAY);
    return { row: rows.find((r) => r.areaId === unsafeA.id)!, total };
  };

  it("reviewMatrix counts neither the confidential measure nor its goals (nor as police or overdue)", async () => {
    const { row, total } = await rowOf();
    expect(row).toMatchObject({ problems: 2, causes: 2, measures: 4, goals: 5, policeMeasures: 1, overdueMeasures: 0 });
    expect(total).toMatchObject({ plans: 1, problems: 2, causes: 2, measures: 4, goals: 5, policeMeasures: 1, overdueMeasures: 0 });
    // A SMART share over 5 goals, none of them the confidential one's.
    expect(row.smartGoals).toBeLessThanOrEqual(5);
    // B too: one measure, not two.
    const all = await reviewMatrix([w.municipality.id], 2025, {}, TODAY);
    expect(all.total).toMatchObject({ plans: 2, measures: 5, goals: 6 });
  });

  it("reviewMatrix filters by the goals' latest follow-up status, confidential measures never counted", async () => {
    // NOT_MET: M1 (T2 NOT_MET, year end without status); not M2 (NOT_MET at T1, MET at year end); not the secret one.
    expect((await rowOf({ followUp: "NOT_MET" })).row).toMatchObject({ problems: 1, causes: 1, measures: 1, goals: 1 });
    // MET: M2 and M4 (one of its goals), with all their goals.
    expect((await rowOf({ followUp: "MET" })).row).toMatchObject({ problems: 1, causes: 1, measures: 2, goals: 3 });
    // NONE (no status yet): M3 and M4; not the secret one although one of its goals has none.
    expect((await rowOf({ followUp: "NONE" })).row).toMatchObject({ problems: 1, causes: 1, measures: 2, goals: 3 });
    expect((await rowOf({ followUp: "PARTLY_MET" })).row).toMatchObject({ problems: 0, causes: 0, measures: 0, goals: 0 });
    expect((await rowOf({ followUp: "MOVED_TO_NEXT_YEAR" })).total).toMatchObject({ measures: 0, goals: 0 });
    // Combined with another measure filter.
    expect((await rowOf({ followUp: "MET", withPolice: true })).row).toMatchObject({ measures: 1, goals: 1, policeMeasures: 1 });
  });

  it("getPlanSummary counts the confidential measure only withConfidential", async () => {
    const without = (await getPlanSummary(w.planA.id, { withConfidential: false })).find((r) => r.areaId === unsafeA.id);
    const withIt = (await getPlanSummary(w.planA.id, { withConfidential: true })).find((r) => r.areaId === unsafeA.id);
    expect(without).toMatchObject({ problems: 2, causes: 2, measures: 4, goals: 5 });
    expect(withIt).toMatchObject({ problems: 2, causes: 2, measures: 5, goals: 7 });
    // The review console agrees with the summary a reader without sekretess sees.
    const { row } = await rowOf();
    expect({ problems: row.problems, causes: row.causes, measures: row.measures, goals: row.goals }).toEqual({
      problems: without!.problems,
      causes: without!.causes,
      measures: without!.measures,
      goals: without!.goals,
    });
  });

  /** Every cell's text of every sheet, by sheet name. */
  async function readWorkbook(buffer: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheets = new Map<string, string[]>();
    wb.eachSheet((ws) => {
      const cells: string[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell.text)));
      sheets.set(ws.name, cells);
    });
    return sheets;
  }

  /** The sheet of an area: its name may be cut to Excel's 31 characters. */
  function sheetOf(sheets: Map<string, string[]>, areaName: string): string[] {
    const found = [...sheets].find(([name]) => areaName.startsWith(name.replace(/…$/u, "").trim()) && name.length >= 10);
    if (!found) throw new Error(`No sheet for ${areaName} among ${[...sheets.keys()].join(", ")}`);
    return found[1];
  }

  function expectAbsent(sheets: Map<string, string[]>, needles: string[]) {
    for (const [name, cells] of sheets) {
      const text = cells.join("\n");
      for (const n of needles) expect(text.includes(n), `${n} in sheet ${name}`).toBe(false);
    }
  }

  it("planWorkbook: the confidential measure is in no sheet, the instruction sheet says one was left out", async () => {
    const [areas, summary] = await Promise.all([getPlanTree(w.planA.id), getPlanSummary(w.planA.id, { withConfidential: false })]);
    const sheets = await readWorkbook(await planWorkbook({ districtName: w.districtA.name, year: 2025, areas, summary }));
    expectAbsent(sheets, [SECRET, ...SECRET_GOALS, id.secret!, id.gs1!, id.gs2!, "Exempelvägen"]);
    expect(sheets.get(SHEETS.instruction)).toContain(NOTE_ONE);
    const unsafe = sheetOf(sheets, CENTRAL_AREA_NAMES.UNSAFE_PLACES).join("\n");
    for (const open of ["Belysningen i parken byts ut", "Parkvärdar på helger tillsammans med polisen", "Klotter saneras inom 24 timmar", "Trygghetsvandringar i parken"]) expect(unsafe).toContain(open);
    // The problem and cause are not secret: they stay.
    expect(unsafe).toContain("Narkotikahandel i trapphus");
    // The summary sheet: 4 measures and 5 goals in the area.
    const summarySheet = sheets.get(SHEETS.summary)!;
    const at = summarySheet.indexOf(CENTRAL_AREA_NAMES.UNSAFE_PLACES);
    expect(summarySheet.slice(at, at + 5)).toEqual([CENTRAL_AREA_NAMES.UNSAFE_PLACES, "2", "2", "4", "5"]);
  });

  it("planWorkbook without any confidential measure has no note", async () => {
    const plan = await createPlanFor(w.districtB, 2030);
    await insertCompleteChain(plan.areas[0]!.id, "öppen");
    const [areas, summary] = await Promise.all([getPlanTree(plan.id), getPlanSummary(plan.id, { withConfidential: false })]);
    const sheets = await readWorkbook(await planWorkbook({ districtName: w.districtB.name, year: 2030, areas, summary }));
    expect(sheets.get(SHEETS.instruction)!.some((c) => c.endsWith("ingår inte i det här dokumentet."))).toBe(false);
    expect(sheets.get(SHEETS.instruction)!.some((c) => c.includes("med sekretess ingår inte"))).toBe(false);
  });

  it("cityWorkbook: neither district's confidential measure is in any sheet, the summary sheet says two were left out", async () => {
    const data = await Promise.all(
      [
        { planId: w.planA.id, name: w.districtA.name },
        { planId: planB.id, name: w.districtB.name },
      ].map(async (p) => ({ districtName: p.name, status: "Utkast", areas: await getPlanTree(p.planId), summary: await getPlanSummary(p.planId, { withConfidential: false }) })),
    );
    const sheets = await readWorkbook(await cityWorkbook(2025, data));
    expectAbsent(sheets, [SECRET, ...SECRET_GOALS, SECRET_B, "Bevakningen utvärderas i juni"]);
    expect(sheets.get(SHEETS.summary)).toContain(NOTE_TWO);
    const unsafe = sheetOf(sheets, CENTRAL_AREA_NAMES.UNSAFE_PLACES).join("\n");
    expect(unsafe).toContain("Nattvandring vid torget");
    expect(unsafe).toContain("Belysningen i parken byts ut");
  });

  const docMeasures = (doc: ReturnType<typeof planForDocument>) => doc.areas.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures.map((m) => m.description))));
  const documentOf = (areas: AreaNode[], confidentialIds?: ReadonlySet<string>) =>
    planForDocument({ districtName: w.districtA.name, year: 2025, versionNumber: 1, areas, decisions: [], signaturesOf: () => [], confidentialIds });

  it("planForDocument leaves the confidential measure out (rows, summary, signatures) and sets confidentialNote", async () => {
    const doc = documentOf(await getPlanTree(w.planA.id));
    expect(docMeasures(doc)).not.toContain(SECRET);
    expect(docMeasures(doc)).toContain("Belysningen i parken byts ut");
    expect(doc.confidentialNote).toBe(NOTE_ONE);
    expect(doc.summary.find((r) => r.areaId === unsafeA.id)).toMatchObject({ problems: 2, causes: 2, measures: 4, goals: 5 });
    // Only the open police measure needs a signature in the document.
    expect(doc.signatures.map((s) => s.measureId)).toEqual([id.m2]);
    expect(JSON.stringify(doc)).not.toContain("Exempelvägen");
  });

  it("planForDocument also leaves out a measure marked after the version was stored (confidentialIds)", async () => {
    // The stored version: the same content, written before the measure got sekretess.
    const stored = (await getPlanTree(w.planA.id)).map((a) => ({
      ...a,
      problems: a.problems.map((p) => ({ ...p, causes: p.causes.map((c) => ({ ...c, measures: c.measures.map((m) => ({ ...m, confidential: false })) })) })),
    }));
    const doc = documentOf(stored, await confidentialMeasureIds(w.planA.id));
    expect(docMeasures(doc)).not.toContain(SECRET);
    expect(doc.confidentialNote).toBe(NOTE_ONE);
    expect(doc.signatures.map((s) => s.measureId)).toEqual([id.m2]);
    expect(JSON.stringify(doc)).not.toContain("Exempelvägen");
    // Without the ids, the old version would carry it: the ids are what keeps it out.
    const unguarded = documentOf(stored);
    expect(docMeasures(unguarded)).toContain(SECRET);
    expect(unguarded.confidentialNote).toBeNull();
  });

  describe("history (audit log)", () => {
    let plan: { id: string; ref: Ref };
    let openId: string;
    let secretId: string;
    let secretGoalId: string;
    let laterId: string;
    let laterGoalId: string;
    const LATER = "Riktade insatser mot en namngiven gruppering vid centrum";

    const measureForm = (fields: Record<string, string | number | boolean | undefined>) =>
      formData({ ...plan.ref, deadlineKind: "ONGOING", "responsible.0.organisation": "Stadsdelsförvaltningen", ...fields });

    beforeAll(async () => {
      const p = await createPlanFor(w.districtA, 2026);
      plan = { id: p.id, ref: p.ref };
      const { causeId } = await insertCompleteChain(p.areas[2]!.id, "historik");
      await signIn(w.users.strategistA);
      openId = expectOk(await createMeasureAction(null, measureForm({ causeId, description: "Öppen åtgärd: samverkan med bostadsbolagen" }))).id;
      expectOk(await createGoalAction(null, formData({ ...plan.ref, measureId: openId, description: "Fyra samverkansmöten under året", targetValue: "4" })));
      secretId = expectOk(await createMeasureAction(null, measureForm({ causeId, description: SECRET, confidential: true }))).id;
      secretGoalId = expectOk(await createGoalAction(null, formData({ ...plan.ref, measureId: secretId, description: SECRET_GOALS[0]!, targetValue: "1" }))).id;
      // Written in the open, marked confidential afterwards: the rows written before must hide too.
      laterId = expectOk(await createMeasureAction(null, measureForm({ causeId, description: LATER }))).id;
      laterGoalId = expectOk(await createGoalAction(null, formData({ ...plan.ref, measureId: laterId, description: "Insatsen följs upp varje månad", targetValue: "12" }))).id;
      expectOk(await updateMeasureAction(null, measureForm({ id: laterId, version: 1, description: LATER, confidential: true })));
    });

    const texts = (rows: unknown[]) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

    it("confidentialEntityIds names the confidential measures, their goals and follow-up rows; listPlanAudit hides their rows", async () => {
      const round = await db.followUpRound.create({ data: { planId: plan.id, kind: "T1" } });
      const gf = await db.goalFollowUp.create({ data: { roundId: round.id, goalId: secretGoalId, status: "MET" } });
      const mf = await db.measureFollowUp.create({ data: { roundId: round.id, measureId: secretId, text: "Kamerorna monterades i mars." } });
      const hidden = await confidentialEntityIds(plan.id);
      expect([...hidden].sort()).toEqual([secretId, secretGoalId, laterId, laterGoalId, gf.id, mf.id].sort());

      // Someone who may read sekretess sees every row.
      const all = await listPlanAudit(plan.id, {});
      expect(all.some((r) => r.entityId === secretId && r.action === "measure.create")).toBe(true);
      expect(all.filter((r) => r.entityId === laterId).map((r) => r.action).sort()).toEqual(["measure.create", "measure.update"]);

      // Anyone else: not a row about them, nor their text.
      const shown = await listPlanAudit(plan.id, { hiddenEntityIds: hidden });
      expect(shown.map((r) => r.entityId)).not.toEqual(expect.arrayContaining([secretId]));
      for (const hiddenId of [secretId, secretGoalId, laterId, laterGoalId]) expect(shown.some((r) => r.entityId === hiddenId)).toBe(false);
      for (const secret of [SECRET, SECRET_GOALS[0]!, LATER, "Insatsen följs upp varje månad"]) expect(texts(shown)).not.toContain(secret);
      // The open measure's rows are still there.
      expect(shown.filter((r) => r.entityId === openId).map((r) => r.action)).toEqual(["measure.create"]);
      expect(shown.some((r) => r.action === "goal.create" && JSON.stringify(r.after).includes("Fyra samverkansmöten"))).toBe(true);
      // The other filters still work with it.
      expect((await listPlanAudit(plan.id, { entityType: "goal", hiddenEntityIds: hidden })).map((r) => r.entityType)).toEqual(["goal"]);
    });

    it("a comment about a confidential measure is hidden from the history too", async () => {
      await signIn(w.users.steeringGroupA);
      const body = "Kamerorna i trapphusen behöver ett nytt avtal med bostadsbolaget.";
      expectOk(await createCommentAction(null, formData({ ...plan.ref, measureId: secretId, body })));
      const shown = await listPlanAudit(plan.id, { hiddenEntityIds: await confidentialEntityIds(plan.id) });
      expect(texts(shown)).not.toContain(secretId);
      expect(texts(shown)).not.toContain(body);
    });

    it("the rows of a confidential measure stay hidden after it is deleted", async () => {
      await signIn(w.users.strategistA);
      expectOk(await deleteMeasureAction(null, formData({ ...plan.ref, id: laterId, version: 2 })));
      expect(await db.measure.findUnique({ where: { id: laterId } })).toBeNull();
      const shown = await listPlanAudit(plan.id, { hiddenEntityIds: await confidentialEntityIds(plan.id) });
      expect(shown.some((r) => r.entityId === laterId || r.entityId === laterGoalId)).toBe(false);
      expect(texts(shown)).not.toContain(LATER);
    });
  });
});
