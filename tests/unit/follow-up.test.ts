import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  goalStatusSummary,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  goalsInContext,
  goalsNotMet,
  inferGoalStatus,
  isFollowUpStatus,
  isOverdue,
  latestStatus,
  mayWriteMeasureFollowUp,
  overdueMeasures,
  REQUIRED_ROUNDS,
  ROUND_KINDS,
  ROUND_LABELS,
  ROUND_SLUGS,
  roundGaps,
  roundOfSlug,
  shareOf,
  summarizeGoalStatuses,
  type FollowUpGoal,
  type GoalStatus,
  type RoundKind,
} from "../../lib/domain/follow-up";
import { splitGoals } from "../../lib/domain/goals";
import {
  PLAN_STATUSES,
  type AreaNode,
  type CauseNode,
  type Deadline,
  type GoalNode,
  type MeasureNode,
  type PlanStatus,
  type ProblemNode,
  type ResponsibleParty,
} from "../../lib/domain/types";

// ---------------------------------------------------------------------------------------------
// A small local tree builder: ids are given, positions follow the order given.

function goal(id: string): GoalNode {
  return { id, description: `Operativt mål ${id}`, targetValue: null, position: 0 };
}

function measure(id: string, goals: GoalNode[], overrides: Partial<Omit<MeasureNode, "id" | "goals">> = {}): MeasureNode {
  return {
    id,
    description: `Åtgärd ${id}`,
    kind: "ONE_OFF",
    withPolice: false,
    deadline: { kind: "DATE", date: "2025-06-30" },
    responsibleParties: [{ organisation: "Stadsdelsförvaltningen", role: null }],
    youthStrategy: false,
    violentExtremism: false,
    position: 0,
    ...overrides,
    goals: goals.map((g, position) => ({ ...g, position })),
  };
}

function cause(id: string, measures: MeasureNode[]): CauseNode {
  return { id, description: `Orsak ${id}`, position: 0, measures: measures.map((m, position) => ({ ...m, position })) };
}

function problem(id: string, causes: CauseNode[]): ProblemNode {
  return { id, collectiveName: null, description: `Problem ${id}`, position: 0, causes: causes.map((c, position) => ({ ...c, position })) };
}

function area(id: string, name: string, problems: ProblemNode[], position = 0): AreaNode {
  return { id, name, centralArea: null, position, problems: problems.map((p, position) => ({ ...p, position })) };
}

function g(id: string, status: GoalStatus | null): FollowUpGoal {
  return { id, status };
}

// ---------------------------------------------------------------------------------------------

describe("summarizeGoalStatuses", () => {
  it("counts each status and NONE per area, in the given order, and for the whole plan", () => {
    const result = summarizeGoalStatuses([
      {
        areaId: "a1",
        areaName: "Unga i riskzon för destruktivt beteende",
        goals: [g("1", "MET"), g("2", "MET"), g("3", "PARTLY_MET"), g("4", null)],
      },
      {
        areaId: "a2",
        areaName: "Otrygga och brottsutsatta platser",
        goals: [g("5", "NOT_MET"), g("6", "MOVED_TO_NEXT_YEAR"), g("7", null), g("8", null), g("9", "MET")],
      },
    ]);
    expect(result).toEqual({
      areas: [
        {
          areaId: "a1",
          areaName: "Unga i riskzon för destruktivt beteende",
          counts: { MET: 2, PARTLY_MET: 1, NOT_MET: 0, MOVED_TO_NEXT_YEAR: 0, NONE: 1 },
          total: 4,
        },
        {
          areaId: "a2",
          areaName: "Otrygga och brottsutsatta platser",
          counts: { MET: 1, PARTLY_MET: 0, NOT_MET: 1, MOVED_TO_NEXT_YEAR: 1, NONE: 2 },
          total: 5,
        },
      ],
      total: { counts: { MET: 3, PARTLY_MET: 1, NOT_MET: 1, MOVED_TO_NEXT_YEAR: 1, NONE: 3 }, total: 9 },
    });
  });

  it("keeps the given area order (not sorted by name or id)", () => {
    const result = summarizeGoalStatuses([
      { areaId: "z", areaName: "Särskilt utsatta och sårbara brottsoffer", goals: [] },
      { areaId: "a", areaName: "Allvarsamtal", goals: [g("1", "MET")] },
      { areaId: "m", areaName: "Kriminella miljöer och livsstilar", goals: [] },
    ]);
    expect(result.areas.map((a) => a.areaId)).toEqual(["z", "a", "m"]);
  });

  it("gives an area without goals zero counts and keeps it in the list", () => {
    const result = summarizeGoalStatuses([
      { areaId: "a1", areaName: "Eget område", goals: [] },
      { areaId: "a2", areaName: "Systemhotande brottslighet", goals: [g("1", null)] },
    ]);
    expect(result.areas[0]).toEqual({
      areaId: "a1",
      areaName: "Eget område",
      counts: { MET: 0, PARTLY_MET: 0, NOT_MET: 0, MOVED_TO_NEXT_YEAR: 0, NONE: 0 },
      total: 0,
    });
    expect(result.total).toEqual({ counts: { MET: 0, PARTLY_MET: 0, NOT_MET: 0, MOVED_TO_NEXT_YEAR: 0, NONE: 1 }, total: 1 });
  });

  it("gives empty counts for a plan without areas", () => {
    expect(summarizeGoalStatuses([])).toEqual({
      areas: [],
      total: { counts: { MET: 0, PARTLY_MET: 0, NOT_MET: 0, MOVED_TO_NEXT_YEAR: 0, NONE: 0 }, total: 0 },
    });
  });

  it("the counts of every area and of the total add up to its total", () => {
    const result = summarizeGoalStatuses([
      { areaId: "a1", areaName: "A", goals: [g("1", "MET"), g("2", null), g("3", "NOT_MET")] },
      { areaId: "a2", areaName: "B", goals: [g("4", "MOVED_TO_NEXT_YEAR"), g("5", "PARTLY_MET")] },
    ]);
    const sum = (c: Record<string, number>) => Object.values(c).reduce((n, v) => n + v, 0);
    for (const a of result.areas) expect(sum(a.counts)).toBe(a.total);
    expect(sum(result.total.counts)).toBe(result.total.total);
    expect(result.total.total).toBe(5);
  });

  it("does not share count objects between areas", () => {
    const result = summarizeGoalStatuses([
      { areaId: "a1", areaName: "A", goals: [g("1", "MET")] },
      { areaId: "a2", areaName: "B", goals: [] },
    ]);
    expect(result.areas[0]?.counts).not.toBe(result.areas[1]?.counts);
    expect(result.areas[1]?.counts.MET).toBe(0);
    expect(result.total.counts).not.toBe(result.areas[0]?.counts);
  });
});

describe("shareOf", () => {
  it.each([
    [0, 0, 0],
    [3, 0, 0],
    [0, 7, 0],
    [7, 7, 100],
    [9, 20, 45],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13], // 12.5 rounds up
    [5, 8, 63], // 62.5 rounds up
    [1, 6, 17], // 16.67
    [1, 200, 1], // 0.5 rounds up
    [1, 201, 0], // 0.497…
  ])("%i of %i → %i %%", (part, whole, expected) => {
    expect(shareOf(part, whole)).toBe(expected);
  });
});

describe("goalsNotMet", () => {
  it("lists ej uppfyllt first, then delvis uppfyllt, each in the given order", () => {
    const goals = [
      g("a", "PARTLY_MET"),
      g("b", "MET"),
      g("c", "NOT_MET"),
      g("d", null),
      g("e", "MOVED_TO_NEXT_YEAR"),
      g("f", "PARTLY_MET"),
      g("h", "NOT_MET"),
    ];
    expect(goalsNotMet(goals).map((x) => x.id)).toEqual(["c", "h", "a", "f"]);
  });

  it("leaves out uppfyllt, flyttas till nästa år and goals without a status", () => {
    expect(goalsNotMet([g("a", "MET"), g("b", "MOVED_TO_NEXT_YEAR"), g("c", null)])).toEqual([]);
    expect(goalsNotMet([])).toEqual([]);
  });

  it("returns the caller's objects with their extra fields", () => {
    const goals = [{ id: "a", status: "NOT_MET" as const, description: "12 träffar/år", areaName: "Otrygga platser" }];
    const [first] = goalsNotMet(goals);
    expect(first).toBe(goals[0]);
    expect(first?.description).toBe("12 träffar/år");
  });

  it("does not change the given list", () => {
    const goals = [g("a", "PARTLY_MET"), g("b", "NOT_MET")];
    goalsNotMet(goals);
    expect(goals.map((x) => x.id)).toEqual(["a", "b"]);
  });
});

describe("roundGaps", () => {
  it("lists the goals without a status, in order", () => {
    const goals = [g("a", "MET"), g("b", null), g("c", "NOT_MET"), g("d", null), g("e", "MOVED_TO_NEXT_YEAR"), g("f", "PARTLY_MET")];
    expect(roundGaps(goals).map((x) => x.id)).toEqual(["b", "d"]);
  });

  it("is empty when every goal has a status, and for no goals", () => {
    expect(roundGaps(GOAL_STATUSES.map((s, i) => g(String(i), s)))).toEqual([]);
    expect(roundGaps([])).toEqual([]);
  });
});

describe("latestStatus", () => {
  it.each<[string, Partial<Record<RoundKind, GoalStatus | null>>, GoalStatus | null]>([
    ["nothing recorded", {}, null],
    ["only nulls", { T1: null, T2: null, YEAR_END: null }, null],
    ["only T1", { T1: "PARTLY_MET" }, "PARTLY_MET"],
    ["T2 over T1", { T1: "NOT_MET", T2: "PARTLY_MET" }, "PARTLY_MET"],
    ["year end over T2 and T1", { T1: "NOT_MET", T2: "PARTLY_MET", YEAR_END: "MET" }, "MET"],
    ["year end over T1", { T1: "MET", YEAR_END: "MOVED_TO_NEXT_YEAR" }, "MOVED_TO_NEXT_YEAR"],
    ["a null year end is ignored", { T1: "NOT_MET", T2: "MET", YEAR_END: null }, "MET"],
    ["a null T2 is ignored", { T1: "NOT_MET", T2: null }, "NOT_MET"],
    ["year end alone", { YEAR_END: "NOT_MET" }, "NOT_MET"],
    ["object key order does not matter", { YEAR_END: "MET", T2: "NOT_MET", T1: "PARTLY_MET" }, "MET"],
  ])("%s", (_name, byRound, expected) => {
    expect(latestStatus(byRound)).toBe(expected);
  });
});

describe("rounds: slugs and labels", () => {
  it.each([
    ["t1", "T1"],
    ["t2", "T2"],
    ["year-end", "YEAR_END"],
  ] as const)("%s → %s", (slug, kind) => {
    expect(roundOfSlug(slug)).toBe(kind);
    expect(ROUND_SLUGS[kind]).toBe(slug);
  });

  it("round-trips every kind through its slug", () => {
    for (const kind of ROUND_KINDS) expect(roundOfSlug(ROUND_SLUGS[kind])).toBe(kind);
  });

  it("gives every kind its own slug", () => {
    expect(new Set(ROUND_KINDS.map((k) => ROUND_SLUGS[k])).size).toBe(ROUND_KINDS.length);
  });

  it.each(["", "T1", "YEAR_END", "year_end", "yearend", "t3", " t1", "t1 ", "Year-End", "constructor", "toString"])(
    "unknown slug %j → null",
    (slug) => {
      expect(roundOfSlug(slug)).toBeNull();
    },
  );

  it("has a Swedish label for every round and every status; only year end is required", () => {
    for (const kind of ROUND_KINDS) expect(ROUND_LABELS[kind]).toMatch(/\S/u);
    for (const status of GOAL_STATUSES) expect(GOAL_STATUS_LABELS[status]).toMatch(/\S/u);
    expect(GOAL_STATUS_LABELS.MOVED_TO_NEXT_YEAR).toBe("Flyttas till nästa år");
    expect(REQUIRED_ROUNDS).toEqual(["YEAR_END"]);
  });
});

describe("isFollowUpStatus", () => {
  const EXPECTED: Record<PlanStatus, boolean> = {
    DRAFT: false,
    SUBMITTED: false,
    DECIDED: true,
    RETURNED: false,
    ACCEPTED: true,
    COUNCIL_DECIDED: true,
  };

  it("covers all six plan statuses", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PLAN_STATUSES].sort());
  });

  it.each(PLAN_STATUSES.map((s) => [s, EXPECTED[s]] as const))("%s → %s", (status, expected) => {
    expect(isFollowUpStatus(status)).toBe(expected);
  });
});

describe("mayWriteMeasureFollowUp", () => {
  const party = (organisation: string, role: string | null = null): ResponsibleParty => ({ organisation, role });
  const ASSESSOR = { assessesGoals: true, isPolice: false };
  const POLICE = { assessesGoals: false, isPolice: true };
  const OTHER = { assessesGoals: false, isPolice: false };
  const ASSESSING_POLICE = { assessesGoals: true, isPolice: true };

  const MEASURES: [string, { withPolice: boolean; responsibleParties: ResponsibleParty[] }, boolean][] = [
    ["with the police, no police party", { withPolice: true, responsibleParties: [party("Trafikkontoret")] }, true],
    ["Polisen responsible, not marked", { withPolice: false, responsibleParties: [party("Polisen")] }, true],
    ["Kommunpolis as a role", { withPolice: false, responsibleParties: [party("lokalpolisområdet", "Kommunpolis")] }, true],
    ["LPO among others", { withPolice: false, responsibleParties: [party("Skafast"), party("LPO Farsta")] }, true],
    ["Lokalpolisområdet", { withPolice: false, responsibleParties: [party("Lokalpolisområdet")] }, true],
    ["the district alone", { withPolice: false, responsibleParties: [party("Stadsdelsförvaltningen", "Avdchef IoF")] }, false],
    ["Socialjouren (not the police)", { withPolice: false, responsibleParties: [party("Socialjouren")] }, false],
    ["no party at all", { withPolice: false, responsibleParties: [] }, false],
  ];

  it.each(MEASURES)("the assessor (strategist/admin) may always: %s", (_name, m) => {
    expect(mayWriteMeasureFollowUp(ASSESSOR, m)).toBe(true);
    expect(mayWriteMeasureFollowUp(ASSESSING_POLICE, m)).toBe(true);
  });

  it.each(MEASURES)("the police only on police measures: %s → %s", (_name, m, isPoliceMeasure) => {
    expect(mayWriteMeasureFollowUp(POLICE, m)).toBe(isPoliceMeasure);
  });

  it.each(MEASURES)("others never: %s", (_name, m) => {
    expect(mayWriteMeasureFollowUp(OTHER, m)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe("isOverdue", () => {
  const dated = (date: string): { deadline: Deadline } => ({ deadline: { kind: "DATE", date } });
  const TODAY = "2025-07-01";

  it.each<[string, (GoalStatus | null)[]]>([
    ["a goal without a status", [null]],
    ["a goal not met", ["NOT_MET"]],
    ["a goal partly met", ["PARTLY_MET"]],
    ["no goals at all", []],
    ["one met, one blank", ["MET", null]],
    ["one met, one partly met", ["MET", "PARTLY_MET"]],
    ["one moved, one not met", ["MOVED_TO_NEXT_YEAR", "NOT_MET"]],
  ])("a passed date with %s → overdue", (_name, statuses) => {
    expect(isOverdue(dated("2025-06-30"), statuses, TODAY)).toBe(true);
  });

  it.each<[string, (GoalStatus | null)[]]>([
    ["every goal met", ["MET", "MET"]],
    ["every goal moved to next year", ["MOVED_TO_NEXT_YEAR"]],
    ["met and moved", ["MET", "MOVED_TO_NEXT_YEAR"]],
  ])("a passed date with %s → not overdue", (_name, statuses) => {
    expect(isOverdue(dated("2025-06-30"), statuses, TODAY)).toBe(false);
  });

  it("is not overdue on the deadline day itself, only from the day after", () => {
    expect(isOverdue(dated("2025-07-01"), [null], "2025-07-01")).toBe(false);
    expect(isOverdue(dated("2025-07-01"), [], "2025-07-01")).toBe(false);
    expect(isOverdue(dated("2025-07-01"), [null], "2025-07-02")).toBe(true);
  });

  it("is not overdue before the date", () => {
    expect(isOverdue(dated("2025-12-31"), [null, "NOT_MET"], TODAY)).toBe(false);
  });

  it("compares across months and years", () => {
    expect(isOverdue(dated("2025-12-31"), [null], "2026-01-01")).toBe(true);
    expect(isOverdue(dated("2025-09-30"), [null], "2025-10-01")).toBe(true);
    expect(isOverdue(dated("2026-01-01"), [null], "2025-12-31")).toBe(false);
  });

  it.each<[string, Deadline]>([
    ["ongoing line work", { kind: "ONGOING" }],
    ["no deadline", { kind: "NONE" }],
    ["no deadline with a note", { kind: "NONE", note: "Löpande under 2025" }],
  ])("%s is never overdue", (_name, deadline) => {
    expect(isOverdue({ deadline }, [], "2099-12-31")).toBe(false);
    expect(isOverdue({ deadline }, [null, "NOT_MET"], "2099-12-31")).toBe(false);
  });
});

describe("overdueMeasures", () => {
  const TODAY = "2025-09-01";

  function plan(): AreaNode[] {
    return [
      area("a1", "Unga i riskzon för destruktivt beteende", [
        problem("p1", [
          cause("c1", [
            measure("m-met", [goal("g-met")], { description: "Allvarsamtal" }),
            measure("m-blank", [goal("g-blank"), goal("g-met2")], { description: "SIG unga", deadline: { kind: "DATE", date: "2025-04-30" } }),
            measure("m-ongoing", [goal("g-not1")], { deadline: { kind: "ONGOING" } }),
          ]),
          cause("c2", [measure("m-future", [goal("g-not2")], { deadline: { kind: "DATE", date: "2025-12-31" } })]),
        ]),
      ]),
      area("a2", "Otrygga och brottsutsatta platser", [
        problem("p2", [
          cause("c3", [
            measure("m-nogoal", [], { description: "Trygghetsvandringar", deadline: { kind: "DATE", date: "2025-05-15" } }),
            measure("m-today", [goal("g-not3")], { deadline: { kind: "DATE", date: TODAY } }),
            measure("m-moved", [goal("g-moved")]),
            measure("m-none", [goal("g-not4")], { deadline: { kind: "NONE", note: "Juni och december" } }),
            measure("m-partly", [goal("g-partly"), goal("g-moved2")], { description: "Sommartorg", deadline: { kind: "DATE", date: "2025-08-31" } }),
          ]),
        ]),
      ]),
      area("a3", "Eget område utan innehåll", []),
    ];
  }

  const STATUS: Record<string, GoalStatus | null> = {
    "g-met": "MET",
    "g-met2": "MET",
    "g-blank": null,
    "g-not1": "NOT_MET",
    "g-not2": "NOT_MET",
    "g-not3": "NOT_MET",
    "g-not4": "NOT_MET",
    "g-moved": "MOVED_TO_NEXT_YEAR",
    "g-moved2": "MOVED_TO_NEXT_YEAR",
    "g-partly": "PARTLY_MET",
  };
  const statusOf = (id: string): GoalStatus | null => STATUS[id] ?? null;

  it("lists every overdue measure in plan order, with its area and date", () => {
    expect(overdueMeasures(plan(), statusOf, TODAY)).toEqual([
      { areaId: "a1", areaName: "Unga i riskzon för destruktivt beteende", measureId: "m-blank", description: "SIG unga", date: "2025-04-30" },
      { areaId: "a2", areaName: "Otrygga och brottsutsatta platser", measureId: "m-nogoal", description: "Trygghetsvandringar", date: "2025-05-15" },
      { areaId: "a2", areaName: "Otrygga och brottsutsatta platser", measureId: "m-partly", description: "Sommartorg", date: "2025-08-31" },
    ]);
  });

  it("asks statusOf for the goals' statuses", () => {
    const asked: string[] = [];
    overdueMeasures(plan(), (id) => {
      asked.push(id);
      return statusOf(id);
    }, TODAY);
    // Every goal of a measure with a date; the ongoing and dateless measures need not be asked.
    expect(asked).toEqual(expect.arrayContaining(["g-met", "g-blank", "g-met2", "g-not2", "g-not3", "g-moved", "g-partly", "g-moved2"]));
  });

  it("is empty when nothing has passed its date", () => {
    expect(overdueMeasures(plan(), statusOf, "2025-01-01")).toEqual([]);
  });

  it("lists only a measure without goals when every goal is met or moved", () => {
    expect(overdueMeasures(plan(), (id) => (id === "g-moved" || id === "g-moved2" ? "MOVED_TO_NEXT_YEAR" : "MET"), "2026-06-01").map((m) => m.measureId)).toEqual(["m-nogoal"]);
  });

  it("is empty for a plan without areas", () => {
    expect(overdueMeasures([], statusOf, TODAY)).toEqual([]);
  });

  it("lists the measure due today from the next day on", () => {
    expect(overdueMeasures(plan(), statusOf, "2025-09-02").map((m) => m.measureId)).toEqual(["m-blank", "m-nogoal", "m-today", "m-partly"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The demo data: real follow-up texts from the seeds (copied exactly).

const T = {
  oneDone: "Det operativa målet är genomfört.",
  oneDoneNoPeriod: "Det operativa målet är genomfört",
  oneDoneAndMore: "Det operativa målet är genomfört och arbetssätt etablerade.",
  allDone: "Samtliga operativa mål är genomförda.",
  allDoneLong:
    "Samtliga operativa mål är genomförda och implementerade i det fortsätta arbetet i forumet. Fristående skolor har under 2025 deltagit i högre utsträckning än föregående år. Ambitionen är att fler fristående skolor ska förstå forumet syfte och vilja delta.",
  goalMet: "Målet uppfyllt.",
  goalsJudgedDone:
    "Målen bedöms som genomförda. LOSAM har haft kontakt med samtliga skolor i Farsta. Vissa skolor har LOSAM besökt flera gånger. LOSAM har deltagit på fler än fyra SSPF möten.",
  notDoneMoved: "Det operativa målet är ej genomfört. Målet flyttas fram till 2026 på grund av försenad rekryteringsprocess",
  doneButMoved:
    "Det operativa målet är genomfört. Komplexiteten i utredningsarbetet kräver dock en längre tidsperiod. Förslag att målet flyttas med till 2026 åtgärdsplan.",
  someGoals:
    "Mål 1 och 2 är uppfyllt. 1) genomfört orsaksanalys, 2) pågående omhändertagande av utvärderingen från orsaksanalysen samt 3) kunskaper från orsaksanalysen ingår i 2025 års lägesbild.",
  firstTwoOfThree:
    "De två första operativa målen är genomförda. Det tredje operativa målet är planerat för och genomförs i januari 2026 kopplat till forumet SSPF. Det tredje målet kommer arbetas vidare med under 2026.",
} as const;

const DESCRIPTIVE = [
  "Förberedelser pågår på de skolor som sedan tidigare inte är informerade om metoden.",
  "Under 2025 har tre kollektiv förmåga träffar genomförts i Farsta strand. Besökarantalet bekräknats till ca 80250/300 personer per tillfälle.",
  "Åtgärden bordlagts för att samordnas med åtgärden nedan att genomföra en översyn av trygghetsarbetet och ta fram en tydligare struktur, som pågår men kommer att slutföras under 2026",
  "Översynen pågår enligt plan i syfte att strukturera det strategiska brottsförebyggande och trygghetsskapande arbetet. Arbetet fortlöper under 2026.",
  "Sommarfrid genomfördes inte. Julfrid genomfördes under december i samverkan.",
  "Trefas har följts upp och bedömningen är att samverkan mellan berörda parter har stärkts.",
  "De två planerade trygghetsförbättrande åtgärderna 1) förbättringar av hissen vid Brunnskogsbacken samt 2) mer belysning under vintermånaderna mellan Steig Trentters torg samt Brunnskogsbacken framtagna i den gemensamma planen mellan trafikkontoret och stadsdelsörvaltningen är genomförda.",
];

describe("inferGoalStatus: real follow-up texts", () => {
  it.each([T.oneDone, T.oneDoneNoPeriod, T.oneDoneAndMore])("%j with one goal → MET", (text) => {
    expect(inferGoalStatus(text, 1)).toBe("MET");
  });

  it.each([2, 3])("'Det operativa målet är genomfört.' with %i goals → null (which goal?)", (n) => {
    expect(inferGoalStatus(T.oneDone, n)).toBeNull();
  });

  it.each([1, 2, 3, 7])("'Samtliga operativa mål är genomförda' with %i goal(s) → MET", (n) => {
    expect(inferGoalStatus(T.allDone, n)).toBe("MET");
    expect(inferGoalStatus(T.allDoneLong, n)).toBe("MET");
  });

  it("'Målet uppfyllt.' with one goal → MET", () => {
    expect(inferGoalStatus(T.goalMet, 1)).toBe("MET");
  });

  it("'Målet uppfyllt.' (singular) with three goals → null, like 'Det operativa målet är genomfört' with two", () => {
    // In farsta-2025 this text stands on a measure with three goals ("1) … 2) … 3) …").
    expect(inferGoalStatus(T.goalMet, 3)).toBeNull();
  });

  it.each([1, 2, 4])("'Målen bedöms som genomförda. …' with %i goal(s) → MET", (n) => {
    expect(inferGoalStatus(T.goalsJudgedDone, n)).toBe("MET");
  });

  it("'… ej genomfört. Målet flyttas fram till 2026 …' with one goal → MOVED_TO_NEXT_YEAR", () => {
    expect(inferGoalStatus(T.notDoneMoved, 1)).toBe("MOVED_TO_NEXT_YEAR");
  });

  it("'… ej genomfört. Målet flyttas fram till 2026 …' with two goals → null", () => {
    expect(inferGoalStatus(T.notDoneMoved, 2)).toBeNull();
  });

  it("'genomfört … Förslag att målet flyttas med till 2026' says two things → null", () => {
    expect(inferGoalStatus(T.doneButMoved, 1)).toBeNull();
    expect(inferGoalStatus(T.doneButMoved, 2)).toBeNull();
  });

  it("'Mål 1 och 2 är uppfyllt. …' talks about some goals only → null", () => {
    expect(inferGoalStatus(T.someGoals, 4)).toBeNull();
    expect(inferGoalStatus(T.someGoals, 2)).toBeNull();
    expect(inferGoalStatus(T.someGoals, 1)).toBeNull();
  });

  // DISAGREEMENT: "De två första operativa målen är genomförda. Det tredje … genomförs i januari
  // 2026" (farsta-2025, a measure with three goals) talks about some goals only, and says the
  // third is NOT done yet. MET_ALL's `\bmålen (?:är|…) genomförda` matches inside "operativa
  // målen är genomförda", so all three goals get MET. Expected: null (left for the user).
  it("'De två första operativa målen är genomförda. Det tredje …' (three goals) → null", () => {
    expect(inferGoalStatus(T.firstTwoOfThree, 3)).toBeNull();
  });

  it.each(DESCRIPTIVE)("descriptive text %j → null", (text) => {
    for (const n of [1, 2, 3]) expect(inferGoalStatus(text, n)).toBeNull();
  });

  it.each([null, "", "   ", "\n"])("no text (%j) → null", (text) => {
    expect(inferGoalStatus(text, 1)).toBeNull();
  });

  it.each([T.oneDone, T.allDone, T.goalMet, T.goalsJudgedDone, T.notDoneMoved])("goal count 0 → null for %j", (text) => {
    expect(inferGoalStatus(text, 0)).toBeNull();
  });
});

describe("inferGoalStatus: variants", () => {
  it("ignores case and surrounding white space", () => {
    expect(inferGoalStatus("  det operativa målet är genomfört.  ", 1)).toBe("MET");
    expect(inferGoalStatus("SAMTLIGA OPERATIVA MÅL ÄR GENOMFÖRDA.", 2)).toBe("MET");
    expect(inferGoalStatus("\nMålet uppfyllt.\n", 1)).toBe("MET");
  });

  it("a plain 'ej genomfört' without a move, one goal → NOT_MET; more goals → null", () => {
    expect(inferGoalStatus("Det operativa målet är ej genomfört.", 1)).toBe("NOT_MET");
    expect(inferGoalStatus("Målet är inte uppfyllt.", 1)).toBe("NOT_MET");
    expect(inferGoalStatus("Det operativa målet är ej genomfört.", 2)).toBeNull();
  });

  it("'Samtliga mål är genomförda' with a move in the same text → null", () => {
    expect(inferGoalStatus("Samtliga operativa mål är genomförda. Förslag att målet flyttas till nästa år.", 2)).toBeNull();
  });

  it("a move alone, without saying the goal is not met → null", () => {
    expect(inferGoalStatus("Målet flyttas fram till 2026.", 1)).toBeNull();
  });

  it("'delvis' is never read as uppfyllt", () => {
    expect(inferGoalStatus("Målet är delvis uppfyllt.", 1)).not.toBe("MET");
    expect(inferGoalStatus("Målen är delvis genomförda.", 2)).not.toBe("MET");
    expect(inferGoalStatus("Samtliga operativa mål är delvis genomförda.", 2)).not.toBe("MET");
  });

  it("never returns PARTLY_MET (not stated plainly in the seeds)", () => {
    for (const text of [...Object.values(T), ...DESCRIPTIVE]) for (const n of [0, 1, 2, 3]) expect(inferGoalStatus(text, n)).not.toBe("PARTLY_MET");
  });
});

// ---------------------------------------------------------------------------------------------
// Over the whole seed: the inference never guesses.

type SeedRowLite = { goals: string | null; followUp: string | null };
type SeedFileLite = { district: string; areas: { name: string; rows: SeedRowLite[] }[] };

function seedFollowUps(): { file: string; goalCount: number; text: string | null }[] {
  return ["farsta-2025", "skarholmen-2025"].flatMap((file) => {
    const path = fileURLToPath(new URL(`../fixtures/seeds/${file}.json`, import.meta.url));
    const plan = JSON.parse(readFileSync(path, "utf8")) as SeedFileLite;
    return plan.areas.flatMap((a) => a.rows.map((r) => ({ file, goalCount: splitGoals(r.goals).length, text: r.followUp })));
  });
}

/** Phrases that say plainly that the goal (or every goal) is met. */
const PLAIN_MET_ALL = ["Samtliga operativa mål är genomförda", "Målen bedöms som genomförda"];
const PLAIN_MET_ONE = ["Det operativa målet är genomfört", "Målet uppfyllt"];

describe("inferGoalStatus over the seeds", () => {
  const rows = seedFollowUps();
  const inferred = rows.map((r) => ({ ...r, status: inferGoalStatus(r.text, r.goalCount) }));

  it("reads every follow-up text of both plans", () => {
    expect(rows).toHaveLength(63);
    expect(rows.filter((r) => r.file === "farsta-2025")).toHaveLength(32);
    expect(rows.every((r) => typeof r.text === "string" && r.text.trim() !== "")).toBe(true);
  });

  it("gives a status to no text of Skärholmen (all descriptive)", () => {
    expect(inferred.filter((r) => r.file === "skarholmen-2025" && r.status !== null)).toEqual([]);
  });

  it("gives MOVED_TO_NEXT_YEAR to exactly the one 'ej genomfört … flyttas fram till 2026' text", () => {
    expect(inferred.filter((r) => r.status === "MOVED_TO_NEXT_YEAR").map((r) => r.text)).toEqual([T.notDoneMoved]);
    expect(inferred.filter((r) => r.status === "NOT_MET" || r.status === "PARTLY_MET")).toEqual([]);
  });

  it("gives MET to every text that says plainly that all goals, or the only goal, are met (11 texts)", () => {
    const plain = inferred.filter(
      (r) =>
        r.text !== null &&
        !/flyttas/iu.test(r.text) &&
        (PLAIN_MET_ALL.some((p) => r.text?.startsWith(p)) || (r.goalCount === 1 && PLAIN_MET_ONE.some((p) => r.text?.startsWith(p)))),
    );
    expect(plain).toHaveLength(11);
    expect(plain.every((r) => r.status === "MET")).toBe(true);
  });

  it("gives no status to a text that does not speak of goals being met, not met or moved", () => {
    const silent = inferred.filter((r) => r.text !== null && !/genomför|uppfyll|uppn|flyttas/iu.test(r.text));
    expect(silent.length).toBeGreaterThan(20);
    expect(silent.filter((r) => r.status !== null)).toEqual([]);
  });

  // DISAGREEMENT (see "De två första operativa målen är genomförda" above): that text gets MET for
  // all three goals although it does not contain a plain phrase. Expected: 11 texts with a
  // status (11 MET + 1 MOVED_TO_NEXT_YEAR); the code gives 13 (12 MET).
  it("every text that gets MET contains a plain phrase; 12 of 63 texts get a status", () => {
    const met = inferred.filter((r) => r.status === "MET");
    for (const r of met) {
      const phrases = r.goalCount === 1 ? [...PLAIN_MET_ALL, ...PLAIN_MET_ONE] : PLAIN_MET_ALL;
      expect(phrases.some((p) => r.text?.includes(p)), r.text ?? "").toBe(true);
    }
    expect(met).toHaveLength(11);
    expect(inferred.filter((r) => r.status !== null)).toHaveLength(12);
  });
});

describe("goalsInContext", () => {
  it("lists every goal in plan order with the editor's labels and its area and measure", () => {
    const areas = [
      area("a1", "Unga", [problem("p1", [cause("c1", [measure("m1", [goal("g1"), goal("g2")]), measure("m2", [])]), cause("c2", [measure("m3", [goal("g3")])])])]),
      area("a2", "Platser", [problem("p2", [cause("c3", [measure("m4", [goal("g4")])])]), problem("p3", [cause("c4", [measure("m5", [goal("g5")])])])], 1),
    ];
    const goals = goalsInContext(areas);
    expect(goals.map((x) => [x.id, x.areaName, x.measureId, x.measureLabel, x.label])).toEqual([
      ["g1", "Unga", "m1", "Åtgärd 1.1.1", "Mål 1 i åtgärd 1.1.1"],
      ["g2", "Unga", "m1", "Åtgärd 1.1.1", "Mål 2 i åtgärd 1.1.1"],
      ["g3", "Unga", "m3", "Åtgärd 1.2.1", "Mål 1 i åtgärd 1.2.1"],
      ["g4", "Platser", "m4", "Åtgärd 1.1.1", "Mål 1 i åtgärd 1.1.1"],
      ["g5", "Platser", "m5", "Åtgärd 2.1.1", "Mål 1 i åtgärd 2.1.1"],
    ]);
    expect(goals[0]).toMatchObject({ description: "Operativt mål g1", measureDescription: "Åtgärd m1", areaId: "a1" });
  });

  it("is empty for a plan without goals", () => {
    expect(goalsInContext([area("a1", "Unga", [problem("p1", [cause("c1", [measure("m1", [])])])])])).toEqual([]);
  });
});

describe("goalStatusSummary: how a similar measure's goals went", () => {
  it.each([
    [[], "Inga operativa mål"],
    [[null], "Ingen status ännu: 1"],
    [["NOT_MET", "MET", null, "MET"], "Uppfyllt: 2, Ej uppfyllt: 1, Ingen status ännu: 1"],
    [["MOVED_TO_NEXT_YEAR", "PARTLY_MET"], "Delvis uppfyllt: 1, Flyttas till nästa år: 1"],
  ] as const)("%j → %s", (statuses, text) => {
    expect(goalStatusSummary(statuses)).toBe(text);
  });
});
