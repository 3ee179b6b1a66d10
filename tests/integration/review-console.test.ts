// The review console's matrix (lib/db/review.ts#reviewMatrix) is counted by SQL; these tests
// hold it to the rules it replicates: the summary tab (getPlanSummary), the police rule
// (responsible.ts#isPoliceParty / cosign.ts#needsPoliceSignature), the overdue rule
// (follow-up.ts#isOverdue) and the SMART check (smart.ts#isSmart), on the real demo plans
// (tests/fixtures/seeds/) written into a world of their own, plus small hand-made cases.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { needsPoliceSignature } from "@/lib/domain/cosign";
import { isOverdue } from "@/lib/domain/follow-up";
import { isPoliceParty } from "@/lib/domain/responsible";
import { draftAreasFromSeedPlan, type DraftArea, type SeedPlan } from "@/lib/domain/seed-rows";
import { isSmart } from "@/lib/domain/smart";
import { authorize } from "@/lib/domain/permissions";
import { getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { getPlanFollowUp, latestStatuses } from "@/lib/db/follow-up";
import { POLICE_PARTY_SQL_REGEX, reviewAreaPlace, reviewList, reviewMatrix, type ReviewCounts } from "@/lib/db/review";
import { REVIEW_LIST_KINDS, type ReviewFilter, type ReviewListKind } from "@/lib/domain/review-filter";
import { actorOf, areasOf, createWorld, db, insertCompleteChain, testDatabaseUrl, type World } from "@/tests/support/db";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const TODAY = "2026-02-01";
const fixtures = path.join(import.meta.dirname, "..", "fixtures", "seeds");
const seedAreas = (file: string): DraftArea[] => draftAreasFromSeedPlan(JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as SeedPlan);

/** Writes a demo plan's chains into the plan's areas (central areas by kind, own areas added). */
async function insertSeed(planId: string, areas: DraftArea[]) {
  const existing = await areasOf(planId);
  for (const a of areas) {
    const areaId =
      existing.find((e) => a.centralArea !== null && e.centralArea === a.centralArea)?.id ??
      (await db.priorityArea.create({ data: { planId, name: a.name, centralArea: null, position: 10 + a.position } })).id;
    for (const p of a.problems) {
      const problem = await db.problem.create({ data: { areaId, collectiveName: p.collectiveName, description: p.description, position: p.position } });
      for (const c of p.causes) {
        const cause = await db.cause.create({ data: { problemId: problem.id, description: c.description, position: c.position } });
        for (const m of c.measures) {
          const measure = await db.measure.create({
            data: {
              causeId: cause.id,
              description: m.description,
              kind: m.kind,
              withPolice: m.withPolice,
              deadlineKind: m.deadline.kind === "NONE" ? null : m.deadline.kind,
              deadlineDate: m.deadline.kind === "DATE" ? new Date(`${m.deadline.date}T00:00:00Z`) : null,
              deadlineNote: m.deadline.kind === "NONE" ? (m.deadline.note ?? null) : null,
              position: m.position,
            },
          });
          await db.responsibleParty.createMany({ data: m.responsibleParties.map((r, position) => ({ measureId: measure.id, organisation: r.organisation, role: r.role, position })) });
          await db.goal.createMany({ data: m.goals.map((g) => ({ measureId: measure.id, description: g.description, targetValue: g.targetValue, position: g.position })) });
        }
      }
    }
  }
}

/** What the TS rules say per area of a plan, from its tree (the slow way the console avoids). */
async function expectedByRules(planId: string, today: string) {
  const [tree, followUp] = await Promise.all([getPlanTree(planId), getPlanFollowUp(planId)]);
  const statusOf = latestStatuses(followUp);
  return new Map(
    tree.map((a) => {
      const measures = a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures));
      return [
        a.id,
        {
          policeMeasures: measures.filter((m) => needsPoliceSignature(m)).length,
          overdueMeasures: measures.filter((m) => isOverdue(m, m.goals.map((g) => statusOf(g.id)), today)).length,
          smartGoals: measures.flatMap((m) => m.goals.filter((g) => isSmart(g, { measureDeadline: m.deadline }))).length,
        },
      ];
    }),
  );
}

let w: World;
const farsta = seedAreas("farsta-2025.json");
const skarholmen = seedAreas("skarholmen-2025.json");

beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2025);
  await insertSeed(w.planA.id, farsta);
  await insertSeed(w.planB.id, skarholmen);
  await db.plan.update({ where: { id: w.planA.id }, data: { status: "COUNCIL_DECIDED" } });
  // Follow-up of some of A's goals: the latest round with a status counts (year end over T2 over T1).
  const goals = await db.goal.findMany({ where: { measure: { cause: { problem: { area: { planId: w.planA.id } } } } }, orderBy: { id: "asc" } });
  const t1 = await db.followUpRound.create({ data: { planId: w.planA.id, kind: "T1" } });
  const yearEnd = await db.followUpRound.create({ data: { planId: w.planA.id, kind: "YEAR_END" } });
  for (const [i, g] of goals.entries()) {
    if (i % 4 === 0) await db.goalFollowUp.create({ data: { roundId: yearEnd.id, goalId: g.id, status: "MET" } });
    if (i % 4 === 1) {
      await db.goalFollowUp.create({ data: { roundId: t1.id, goalId: g.id, status: "NOT_MET" } });
      await db.goalFollowUp.create({ data: { roundId: yearEnd.id, goalId: g.id, status: "MOVED_TO_NEXT_YEAR" } });
    }
    if (i % 4 === 2) {
      await db.goalFollowUp.create({ data: { roundId: t1.id, goalId: g.id, status: "MET" } });
      await db.goalFollowUp.create({ data: { roundId: yearEnd.id, goalId: g.id, status: null } });
    }
  }
});

afterAll(async () => {
  await db.$disconnect();
});

describe("reviewMatrix on the demo plans", () => {
  it("counts problems, causes, measures and goals per district and area exactly as each plan's summary tab", async () => {
    const { rows, total } = await reviewMatrix([w.municipality.id], 2025, {}, TODAY);
    for (const plan of [w.planA, w.planB]) {
      const summary = await getPlanSummary(plan.id, { withConfidential: true });
      const mine = rows.filter((r) => r.planId === plan.id);
      expect(mine.map((r) => ({ areaId: r.areaId, areaName: r.areaName, problems: r.problems, causes: r.causes, measures: r.measures, goals: r.goals }))).toEqual(summary);
    }
    // The demo figures (the summary tabs of the 2025 plans).
    expect(rows.filter((r) => r.planId === w.planA.id).map((r) => [r.problems, r.causes, r.measures, r.goals])).toEqual([
      [7, 7, 7, 12], [9, 10, 10, 16], [2, 3, 3, 3], [7, 7, 7, 9], [5, 5, 5, 7],
    ]);
    expect(rows.filter((r) => r.planId === w.planB.id).map((r) => [r.problems, r.causes, r.measures, r.goals])).toEqual([
      [1, 4, 5, 5], [7, 8, 8, 8], [2, 3, 3, 3], [3, 8, 10, 10], [1, 2, 5, 5],
    ]);
    expect(total).toMatchObject({ plans: 2, problems: 44, causes: 57, measures: 63, goals: 78 });
    expect(rows.every((r) => r.districtId === w.districtA.id || r.districtId === w.districtB.id)).toBe(true);
  });

  it("the SQL police rule agrees with isPoliceParty on every responsible party of the demo plans, and on edge cases", async () => {
    const parties = [...farsta, ...skarholmen].flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures.flatMap((m) => m.responsibleParties))));
    const edge = ["Polisen", "KOMMUNPOLIS", "LPO Farsta", "lpo", "(LPO)", "Slpo", "lpos", "Ålpo", "lpoå", "éLPO", "Lokalpolisområdet", "Skolpolisen", "Stadsdelsförvaltningen", "lpo-området", "Fältassistenter"];
    const all = [...parties, ...edge.map((organisation) => ({ organisation, role: null })), ...edge.map((role) => ({ organisation: "Socialtjänsten", role }))];
    expect(parties.length).toBeGreaterThan(50);
    const sql = await db.$queryRaw<{ i: number; police: boolean }[]>`
      SELECT x.i::int AS "i", (x.o ~* ${POLICE_PARTY_SQL_REGEX} OR COALESCE(x.r, '') ~* ${POLICE_PARTY_SQL_REGEX}) AS "police"
      FROM unnest(${all.map((p) => p.organisation)}::text[], ${all.map((p) => p.role)}::text[]) WITH ORDINALITY AS x(o, r, i)
      ORDER BY x.i`;
    expect(sql.map((r) => r.police)).toEqual(all.map((p) => isPoliceParty(p)));
    expect(sql.some((r) => r.police)).toBe(true);
    expect(sql.some((r) => !r.police)).toBe(true);
  });

  it("police measures, overdue measures and SMART goals per area equal the TS rules applied to each plan's tree", async () => {
    const { rows, total } = await reviewMatrix([w.municipality.id], 2025, {}, TODAY);
    for (const plan of [w.planA, w.planB]) {
      const expected = await expectedByRules(plan.id, TODAY);
      for (const r of rows.filter((x) => x.planId === plan.id)) {
        expect({ area: r.areaName, policeMeasures: r.policeMeasures, overdueMeasures: r.overdueMeasures, smartGoals: r.smartGoals }).toEqual({ area: r.areaName, ...expected.get(r.areaId) });
      }
    }
    expect(total.policeMeasures).toBeGreaterThan(0);
    expect(total.overdueMeasures).toBeGreaterThan(0);
    expect(total.smartGoals).toBeGreaterThan(0);
    // Before any deadline of 2025 nothing is overdue.
    const early = await reviewMatrix([w.municipality.id], 2025, {}, "2025-01-01");
    expect(early.total.overdueMeasures).toBe(0);
  });

  it("filters by area, district, workflow status, police and organisation", async () => {
    const all = await reviewMatrix([w.municipality.id], 2025, {}, TODAY);
    const area = await reviewMatrix([w.municipality.id], 2025, { area: "UNSAFE_PLACES" }, TODAY);
    expect(area.rows.map((r) => [r.districtId, r.centralArea])).toEqual([
      [w.districtA.id, "UNSAFE_PLACES"],
      [w.districtB.id, "UNSAFE_PLACES"],
    ]);
    expect(area.rows.map((r) => r.measures)).toEqual([10, 8]);
    expect(area.total.plans).toBe(2);

    const district = await reviewMatrix([w.municipality.id], 2025, { districtId: w.districtB.id }, TODAY);
    expect(new Set(district.rows.map((r) => r.planId))).toEqual(new Set([w.planB.id]));
    expect(district.total.measures).toBe(31);

    const decided = await reviewMatrix([w.municipality.id], 2025, { status: "COUNCIL_DECIDED" }, TODAY);
    expect(new Set(decided.rows.map((r) => r.planId))).toEqual(new Set([w.planA.id]));
    expect(decided.rows.every((r) => r.planStatus === "COUNCIL_DECIDED")).toBe(true);
    expect((await reviewMatrix([w.municipality.id], 2025, { status: "DRAFT" }, TODAY)).rows.every((r) => r.planId === w.planB.id)).toBe(true);

    const withPolice = await reviewMatrix([w.municipality.id], 2025, { withPolice: true }, TODAY);
    const without = await reviewMatrix([w.municipality.id], 2025, { withPolice: false }, TODAY);
    expect(withPolice.total.measures).toBe(all.total.policeMeasures);
    expect(withPolice.total.policeMeasures).toBe(withPolice.total.measures);
    expect(without.total.policeMeasures).toBe(0);
    expect(withPolice.total.measures + without.total.measures).toBe(all.total.measures);
    expect(withPolice.total.goals + without.total.goals).toBe(all.total.goals);
    expect(withPolice.total.smartGoals + without.total.smartGoals).toBe(all.total.smartGoals);
    // Problems and causes: only those above a matching measure.
    expect(withPolice.total.problems).toBeLessThanOrEqual(all.total.problems);

    const org = await reviewMatrix([w.municipality.id], 2025, { organisation: "fältass" }, TODAY);
    const orgCount = await db.measure.count({
      where: {
        cause: { problem: { area: { plan: { districtId: { in: [w.districtA.id, w.districtB.id] } } } } },
        responsibleParties: { some: { organisation: { contains: "fältass", mode: "insensitive" } } },
      },
    });
    expect(org.total.measures).toBe(orgCount);
    expect((await reviewMatrix([w.municipality.id], 2025, { organisation: "finns-inte-någonstans" }, TODAY)).total.measures).toBe(0);
  });

  it("a user of another municipality sees none of it; the review group and the admin of the municipality may review", async () => {
    const actors = { other: await actorOf(w.users.otherAdmin), review: await actorOf(w.users.reviewGroup), admin: await actorOf(w.users.admin), strategist: await actorOf(w.users.strategistA) };
    const scope = { districtId: w.districtA.id, municipalityId: w.municipality.id, policeAreaIds: [w.policeArea.id] };
    const mayReview = (a: (typeof actors)[keyof typeof actors]) => authorize(a, "plan.review", { scope }).ok || authorize(a, "admin.manage", { scope }).ok;
    expect([mayReview(actors.other), mayReview(actors.review), mayReview(actors.admin), mayReview(actors.strategist)]).toEqual([false, true, true, false]);
    // The page asks for the actor's own municipalities only.
    const otherMunicipalities = [...new Set(actors.other.memberships.map((m) => m.municipalityId))];
    const seen = await reviewMatrix(otherMunicipalities, 2025, {}, TODAY);
    expect(seen.rows.filter((r) => r.planId === w.planA.id || r.planId === w.planB.id)).toEqual([]);
    // Even a district id of this municipality does not leak through the filter.
    expect((await reviewMatrix(otherMunicipalities, 2025, { districtId: w.districtA.id }, TODAY)).rows).toEqual([]);
  });
});

describe("reviewMatrix on hand-made chains", () => {
  it("counts police measures and overdue measures as the rules say", async () => {
    const v = await createWorld(2031);
    const [youth, places] = await areasOf(v.planA.id);
    const police = await insertCompleteChain(youth!.id, "med polis", { withPolice: true });
    const partyPolice = await insertCompleteChain(youth!.id, "polis som ansvarig");
    await db.responsibleParty.create({ data: { measureId: partyPolice.measureId, organisation: "Lokalpolisområde Farsta", position: 1 } });
    await insertCompleteChain(youth!.id, "utan polis");
    // Overdue: dated 2031-03-01, checked on 2031-06-01.
    const dated = async (label: string) => {
      const c = await insertCompleteChain(places!.id, label);
      await db.measure.update({ where: { id: c.measureId }, data: { deadlineKind: "DATE", deadlineDate: new Date("2031-03-01T00:00:00Z") } });
      return c;
    };
    const noStatus = await dated("ingen status"); // overdue
    const met = await dated("uppfyllt"); // not overdue
    const metThenNot = await dated("uppfyllt T1, ej uppfyllt årsslut"); // overdue: the latest status counts
    const notThenMoved = await dated("ej uppfyllt T1, flyttas årsslut"); // not overdue
    const metThenEmpty = await dated("uppfyllt T1, tomt årsslut"); // not overdue: a round without a status is skipped
    const noGoals = await dated("inga mål"); // overdue
    await db.goal.delete({ where: { id: noGoals.goalId } });
    const t1 = await db.followUpRound.create({ data: { planId: v.planA.id, kind: "T1" } });
    const ye = await db.followUpRound.create({ data: { planId: v.planA.id, kind: "YEAR_END" } });
    await db.goalFollowUp.createMany({
      data: [
        { roundId: ye.id, goalId: met.goalId, status: "MET" },
        { roundId: t1.id, goalId: metThenNot.goalId, status: "MET" },
        { roundId: ye.id, goalId: metThenNot.goalId, status: "NOT_MET" },
        { roundId: t1.id, goalId: notThenMoved.goalId, status: "NOT_MET" },
        { roundId: ye.id, goalId: notThenMoved.goalId, status: "MOVED_TO_NEXT_YEAR" },
        { roundId: t1.id, goalId: metThenEmpty.goalId, status: "MET" },
        { roundId: ye.id, goalId: metThenEmpty.goalId, status: null },
      ],
    });
    expect(noStatus).toBeDefined();
    expect(police).toBeDefined();

    const m = await reviewMatrix([v.municipality.id], 2031, { districtId: v.districtA.id }, "2031-06-01");
    const row = (id: string) => m.rows.find((r) => r.areaId === id)!;
    expect(row(youth!.id)).toMatchObject({ measures: 3, policeMeasures: 2, overdueMeasures: 0 });
    expect(row(places!.id)).toMatchObject({ measures: 6, goals: 5, policeMeasures: 0, overdueMeasures: 3 });
    // On the deadline day itself nothing is overdue yet.
    expect((await reviewMatrix([v.municipality.id], 2031, { districtId: v.districtA.id }, "2031-03-01")).total.overdueMeasures).toBe(0);
    // The same as the TS rule.
    const expected = await expectedByRules(v.planA.id, "2031-06-01");
    expect(row(places!.id).overdueMeasures).toBe(expected.get(places!.id)!.overdueMeasures);
    expect(row(youth!.id).policeMeasures).toBe(expected.get(youth!.id)!.policeMeasures);
  });

  it("filters by the youth-strategy and VBE tags: only tagged measures, their goals and the problems and causes above them", async () => {
    const v = await createWorld(2032);
    const [youth] = await areasOf(v.planA.id);
    const tagged = await insertCompleteChain(youth!.id, "ungdomsstrategin");
    await db.measure.update({ where: { id: tagged.measureId }, data: { youthStrategy: true } });
    const vbe = await insertCompleteChain(youth!.id, "vbe");
    await db.measure.update({ where: { id: vbe.measureId }, data: { violentExtremism: true } });
    await insertCompleteChain(youth!.id, "ingen märkning");
    const at = (filter: Parameters<typeof reviewMatrix>[2]) => reviewMatrix([v.municipality.id], 2032, { districtId: v.districtA.id, ...filter }, "2032-06-01");
    const row = async (filter: Parameters<typeof reviewMatrix>[2]) => (await at(filter)).rows.find((r) => r.areaId === youth!.id)!;
    expect(await row({})).toMatchObject({ problems: 3, causes: 3, measures: 3, goals: 3 });
    expect(await row({ tag: "youthStrategy" })).toMatchObject({ problems: 1, causes: 1, measures: 1, goals: 1 });
    expect(await row({ tag: "violentExtremism" })).toMatchObject({ problems: 1, causes: 1, measures: 1, goals: 1 });
    expect((await at({ tag: "youthStrategy", withPolice: true })).total.measures).toBe(0);
  });
});

/** The matrix column each list stands behind. */
const COUNT_OF: Record<ReviewListKind, keyof ReviewCounts> = {
  problems: "problems",
  causes: "causes",
  measures: "measures",
  goals: "goals",
  police: "policeMeasures",
  smart: "smartGoals",
  overdue: "overdueMeasures",
};

describe("reviewList: the list behind each number of the console", () => {
  const list = (filter: ReviewFilter, kind: ReviewListKind, limit?: number) => reviewList([w.municipality.id], 2025, filter, kind, TODAY, limit);

  it.each([
    ["no filter", {}],
    ["with the police", { withPolice: true }],
    ["without the police", { withPolice: false }],
    ["a follow-up status", { followUp: "MET" }],
    ["no follow-up status yet", { followUp: "NONE" }],
    ["an organisation", { organisation: "fältass" }],
    ["a district and an area", { districtId: "B", area: "UNSAFE_PLACES" }],
  ] as [string, ReviewFilter][])("filter: %s — every cell's list and the total row's list are exactly as long as the number", async (_, raw) => {
    const filter = { ...raw, districtId: raw.districtId === "B" ? w.districtB.id : raw.districtId };
    const matrix = await reviewMatrix([w.municipality.id], 2025, filter, TODAY);
    expect(matrix.rows.length).toBeGreaterThan(0);
    for (const kind of REVIEW_LIST_KINDS) {
      const city = await list(filter, kind);
      expect({ kind, n: city.total, items: city.items.length }).toEqual({ kind, n: matrix.total[COUNT_OF[kind]], items: matrix.total[COUNT_OF[kind]] });
      for (const r of matrix.rows) {
        const cell = await list({ ...filter, areaId: r.areaId }, kind);
        expect({ kind, area: r.areaName, district: r.districtName, n: cell.total }).toEqual({ kind, area: r.areaName, district: r.districtName, n: r[COUNT_OF[kind]] });
        expect(cell.items.every((i) => i.areaId === r.areaId && i.districtSlug === r.districtSlug)).toBe(true);
      }
    }
  });

  it("lists the very items: distinct ids, the chain above each, police and overdue measures as flagged, SMART goals without flags", async () => {
    for (const kind of REVIEW_LIST_KINDS) {
      const { items } = await list({}, kind);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
    const measures = await list({}, "measures");
    const dbCount = await db.measure.count({ where: { cause: { problem: { area: { planId: { in: [w.planA.id, w.planB.id] } } } } } });
    expect(measures.total).toBe(dbCount);
    expect(measures.items.every((i) => i.measure !== null && i.cause !== null && i.problem !== "")).toBe(true);
    const police = await list({}, "police");
    expect(police.items.every((i) => i.measure?.police === true)).toBe(true);
    expect(police.items.map((i) => i.id).sort()).toEqual(measures.items.filter((i) => i.measure?.police).map((i) => i.id).sort());
    const overdue = await list({}, "overdue");
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((i) => i.measure?.overdue === true && i.measure.deadline.kind === "DATE" && i.measure.deadline.date < TODAY)).toBe(true);
    const goals = await list({}, "goals");
    const smart = await list({}, "smart");
    expect(smart.items.every((i) => i.goal !== null && i.goal.smartFlags.length === 0)).toBe(true);
    expect(smart.total).toBe(goals.items.filter((i) => i.goal!.smartFlags.length === 0).length);
    expect(goals.items.some((i) => i.goal!.smartFlags.length > 0)).toBe(true);
    // The latest follow-up status of each goal, as the follow-up page says it.
    const statusOf = latestStatuses(await getPlanFollowUp(w.planA.id));
    const aGoals = goals.items.filter((i) => i.districtSlug === w.districtA.slug);
    expect(aGoals.map((i) => i.goal!.status)).toEqual(aGoals.map((i) => statusOf(i.id)));
    // Plan order: district, area position, then the chain.
    const slugs = measures.items.map((i) => i.districtSlug);
    expect(slugs.lastIndexOf(w.districtA.slug)).toBeLessThan(slugs.indexOf(w.districtB.slug));
  });

  it("cuts at the limit and still says how many there are", async () => {
    const cut = await list({}, "goals", 10);
    expect(cut.items).toHaveLength(10);
    expect(cut.total).toBe(78);
    const smartCut = await list({}, "smart", 3);
    expect(smartCut.items).toHaveLength(3);
    expect(smartCut.total).toBe((await reviewMatrix([w.municipality.id], 2025, {}, TODAY)).total.smartGoals);
  });

  it("an area id of another municipality, or of no plan, lists nothing; a confidential measure is never listed", async () => {
    const other = await createWorld(2025);
    const [otherArea] = await areasOf(other.planA.id);
    await insertCompleteChain(otherArea!.id, "annan kommun");
    for (const kind of REVIEW_LIST_KINDS) expect((await list({ areaId: otherArea!.id }, kind)).total).toBe(0);
    // The list's heading names a cell's area even when its list is empty; never another municipality's.
    const [ownArea] = await areasOf(w.planA.id);
    expect(await reviewAreaPlace([w.municipality.id], 2025, ownArea!.id)).toEqual({ districtName: w.districtA.name, areaName: ownArea!.name });
    expect(await reviewAreaPlace([w.municipality.id], 2025, otherArea!.id)).toBeNull();
    expect(await reviewAreaPlace([w.municipality.id], 2024, ownArea!.id)).toBeNull();
    expect((await list({ areaId: "00000000-0000-4000-8000-000000000000" }, "problems")).total).toBe(0);

    const v = await createWorld(2033);
    const [youth] = await areasOf(v.planA.id);
    const open = await insertCompleteChain(youth!.id, "öppen åtgärd");
    const secret = await insertCompleteChain(youth!.id, "hemlig åtgärd");
    await db.measure.update({ where: { id: secret.measureId }, data: { confidential: true } });
    const at = (kind: ReviewListKind) => reviewList([v.municipality.id], 2033, { areaId: youth!.id }, kind, "2033-06-01");
    expect((await at("measures")).items.map((i) => i.id)).toEqual([open.measureId]);
    expect((await at("goals")).items.map((i) => i.id)).toEqual([open.goalId]);
    expect(JSON.stringify(await at("goals"))).not.toContain("hemlig");
    // Problems and causes are not secret: both chains' problems are listed, as the console counts them.
    expect((await at("problems")).total).toBe((await reviewMatrix([v.municipality.id], 2033, { areaId: youth!.id }, "2033-06-01")).total.problems);
  });
});
