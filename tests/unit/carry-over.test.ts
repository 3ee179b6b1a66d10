import { describe, expect, it } from "vitest";
import {
  carriedDeadline,
  carrySelectionIssues,
  countCarried,
  defaultCarrySelection,
  planCarryOver,
  type CarriedArea,
} from "../../lib/domain/carry-over";
import type { GoalStatus } from "../../lib/domain/follow-up";
import type { AreaNode, CauseNode, CentralArea, Deadline, GoalNode, MeasureNode, ProblemNode } from "../../lib/domain/types";

// ---------------------------------------------------------------------------------------------
// A small local tree builder: ids are given, positions follow the order given.

function goal(id: string, targetValue: number | null = null): GoalNode {
  return { id, description: `Operativt mål ${id}`, targetValue, position: 0 };
}

function measure(id: string, goals: GoalNode[], overrides: Partial<Omit<MeasureNode, "id" | "goals">> = {}): MeasureNode {
  return {
    id,
    description: `Åtgärd ${id}`,
    kind: "ONE_OFF",
    withPolice: false,
    deadline: { kind: "DATE", date: "2025-12-31" },
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

function problem(id: string, causes: CauseNode[], collectiveName: string | null = null): ProblemNode {
  return { id, collectiveName, description: `Problem ${id}`, position: 0, causes: causes.map((c, position) => ({ ...c, position })) };
}

function area(id: string, name: string, centralArea: CentralArea | null, problems: ProblemNode[]): AreaNode {
  return { id, name, centralArea, position: 0, problems: problems.map((p, position) => ({ ...p, position })) };
}

function plan(areas: AreaNode[]): AreaNode[] {
  return areas.map((a, position) => ({ ...a, position }));
}

const YOUTH = "Unga i riskzon för destruktivt beteende";
const OWN = "Bredängs centrum (eget område)";
const SYSTEM = "Systemhotande brottslighet";

/**
 * A1 (central):  problem 1: orsak 1.1: åtgärd 1.1.1 (mål g1, g2*), åtgärd 1.1.2 (g3)
 *                           orsak 1.2: åtgärd 1.2.1 (g4*, ongoing)
 *                problem 2: orsak 2.1: åtgärd 2.1.1 (g5)
 * A2 (own area): problem 1: orsak 1.1: åtgärd 1.1.1 (g6, g7*, g8*) with the police, tags, a note
 * A3 (central):  problem 1: orsak 1.1: åtgärd 1.1.1 (g9)
 * (* = moved to next year)
 */
function tree(): AreaNode[] {
  return plan([
    area("a1", YOUTH, "YOUTH_AT_RISK", [
      problem(
        "p1",
        [
          cause("c11", [
            measure("m111", [goal("g1", 12), goal("g2", 80)], { description: "Allvarsamtal med vårdnadshavare" }),
            measure("m112", [goal("g3")]),
          ]),
          cause("c12", [measure("m121", [goal("g4")], { deadline: { kind: "ONGOING" }, kind: "ONGOING_WORK" })]),
        ],
        "Allvarsamtal",
      ),
      problem("p2", [cause("c21", [measure("m211", [goal("g5")])])]),
    ]),
    area("a2", OWN, null, [
      problem("p3", [
        cause("c31", [
          measure("m311", [goal("g6"), goal("g7", 35), goal("g8")], {
            withPolice: true,
            responsibleParties: [
              { organisation: "lokalpolisområdet", role: "Kommunpolis" },
              { organisation: "Skafast", role: null },
            ],
            youthStrategy: true,
            violentExtremism: true,
            deadline: { kind: "NONE", note: "Löpande under 2025" },
          }),
        ]),
      ]),
    ]),
    area("a3", SYSTEM, "SYSTEM_THREATENING_CRIME", [problem("p4", [cause("c41", [measure("m411", [goal("g9")])])])]),
  ]);
}

const STATUS: Record<string, GoalStatus | null> = {
  g1: "MET",
  g2: "MOVED_TO_NEXT_YEAR",
  g3: "NOT_MET",
  g4: "MOVED_TO_NEXT_YEAR",
  g5: "PARTLY_MET",
  g6: null,
  g7: "MOVED_TO_NEXT_YEAR",
  g8: "MOVED_TO_NEXT_YEAR",
  g9: "MET",
};
const statusOf = (id: string): GoalStatus | null => STATUS[id] ?? null;

const DEFAULT_IDS = ["p1", "c11", "m111", "g2", "c12", "m121", "g4", "p3", "c31", "m311", "g7", "g8"];

function allIds(areas: readonly AreaNode[]): string[] {
  return areas.flatMap((a) =>
    a.problems.flatMap((p) => [p.id, ...p.causes.flatMap((c) => [c.id, ...c.measures.flatMap((m) => [m.id, ...m.goals.map((g) => g.id)])])]),
  );
}

// ---------------------------------------------------------------------------------------------

describe("defaultCarrySelection", () => {
  it("picks every goal moved to next year with its measure, cause and problem, and nothing else", () => {
    expect([...defaultCarrySelection(tree(), statusOf)].sort()).toEqual([...DEFAULT_IDS].sort());
  });

  it("does not pick met, partly met, not met or blank goals, their siblings' measures, or areas", () => {
    const selected = defaultCarrySelection(tree(), statusOf);
    for (const id of ["g1", "g3", "g5", "g6", "g9", "m112", "p2", "c21", "m211", "p4", "c41", "m411", "a1", "a2", "a3"])
      expect(selected.has(id), id).toBe(false);
  });

  it("is empty when no goal is moved", () => {
    expect(defaultCarrySelection(tree(), () => "MET").size).toBe(0);
    expect(defaultCarrySelection(tree(), () => null).size).toBe(0);
    expect(defaultCarrySelection([], statusOf).size).toBe(0);
  });

  it("picks every item when every goal is moved", () => {
    const t = tree();
    expect([...defaultCarrySelection(t, () => "MOVED_TO_NEXT_YEAR")].sort()).toEqual(allIds(t).sort());
  });

  it("gives a selection without issues", () => {
    const t = tree();
    expect(carrySelectionIssues(t, defaultCarrySelection(t, statusOf))).toEqual([]);
  });
});

describe("carrySelectionIssues", () => {
  it("finds nothing in a valid selection, an empty one, or one with everything", () => {
    const t = tree();
    expect(carrySelectionIssues(t, new Set(DEFAULT_IDS))).toEqual([]);
    expect(carrySelectionIssues(t, new Set())).toEqual([]);
    expect(carrySelectionIssues(t, new Set(allIds(t)))).toEqual([]);
    // A problem alone, or a measure without goals, may be carried.
    expect(carrySelectionIssues(t, new Set(["p2"]))).toEqual([]);
    expect(carrySelectionIssues(t, new Set(["p1", "c11", "m112"]))).toEqual([]);
  });

  it("a cause without its problem: one issue naming orsak and problem", () => {
    expect(carrySelectionIssues(tree(), new Set(["c12"]))).toEqual([
      { id: "c12", message: `${YOUTH}: orsak 1.2 kan bara följa med om problem 1 också gör det.` },
    ]);
  });

  it("a measure without its cause: one issue naming åtgärd and orsak", () => {
    expect(carrySelectionIssues(tree(), new Set(["p1", "m111", "g2"]))).toEqual([
      { id: "m111", message: `${YOUTH}: åtgärd 1.1.1 kan bara följa med om orsak 1.1 också gör det.` },
    ]);
  });

  it("a goal without its measure: one issue naming the goal's number in its measure", () => {
    expect(carrySelectionIssues(tree(), new Set(["p1", "c11", "g2"]))).toEqual([
      { id: "g2", message: `${YOUTH}: mål 2 i åtgärd 1.1.1 kan bara följa med om åtgärden också gör det.` },
    ]);
  });

  it("one issue per orphan: only the item whose own parent is missing", () => {
    // Cause 1.2 without problem 1; its measure and goal are chosen with their parents.
    expect(carrySelectionIssues(tree(), new Set(["c12", "m121", "g4"])).map((i) => i.id)).toEqual(["c12"]);
    // A goal alone: only the goal is an issue (measure, cause and problem are simply not chosen).
    expect(carrySelectionIssues(tree(), new Set(["g4"])).map((i) => i.id)).toEqual(["g4"]);
  });

  it("numbers restart in each area and follow the order in the tree", () => {
    const issues = carrySelectionIssues(tree(), new Set(["c21", "m311", "g8", "m411"]));
    expect(issues).toEqual([
      { id: "c21", message: `${YOUTH}: orsak 2.1 kan bara följa med om problem 2 också gör det.` },
      { id: "m311", message: `${OWN}: åtgärd 1.1.1 kan bara följa med om orsak 1.1 också gör det.` },
      { id: "m411", message: `${SYSTEM}: åtgärd 1.1.1 kan bara följa med om orsak 1.1 också gör det.` },
    ]);
  });

  it("names the goal's number among its measure's goals", () => {
    expect(carrySelectionIssues(tree(), new Set(["g8", "g6"]))).toEqual([
      { id: "g6", message: `${OWN}: mål 1 i åtgärd 1.1.1 kan bara följa med om åtgärden också gör det.` },
      { id: "g8", message: `${OWN}: mål 3 i åtgärd 1.1.1 kan bara följa med om åtgärden också gör det.` },
    ]);
  });

  it("an id that is not in the plan is an issue, after the tree's issues", () => {
    expect(carrySelectionIssues(tree(), new Set(["goal-from-another-plan", "g3"]))).toEqual([
      { id: "g3", message: `${YOUTH}: mål 1 i åtgärd 1.1.2 kan bara följa med om åtgärden också gör det.` },
      { id: "goal-from-another-plan", message: "Ett valt innehåll finns inte i planen." },
    ]);
    expect(carrySelectionIssues([], new Set(["p1"]))).toEqual([{ id: "p1", message: "Ett valt innehåll finns inte i planen." }]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("carriedDeadline", () => {
  it.each<[string, Deadline, Deadline]>([
    ["a date of the old year is dropped", { kind: "DATE", date: "2025-12-31" }, { kind: "NONE" }],
    ["ongoing line work stays ongoing", { kind: "ONGOING" }, { kind: "ONGOING" }],
    ["no deadline stays none", { kind: "NONE" }, { kind: "NONE" }],
    ["the old year's note is dropped", { kind: "NONE", note: "Löpande under 2025" }, { kind: "NONE" }],
  ])("%s", (_name, from, to) => {
    expect(carriedDeadline(from)).toEqual(to);
  });
});

describe("planCarryOver", () => {
  it("carries the default selection: every area in order, only chosen items", () => {
    const t = tree();
    const carried = planCarryOver(t, defaultCarrySelection(t, statusOf));
    expect(carried).toEqual<CarriedArea[]>([
      {
        fromAreaId: "a1",
        name: YOUTH,
        centralArea: "YOUTH_AT_RISK",
        problems: [
          {
            id: "p1",
            collectiveName: "Allvarsamtal",
            description: "Problem p1",
            causes: [
              {
                id: "c11",
                description: "Orsak c11",
                measures: [
                  {
                    id: "m111",
                    description: "Allvarsamtal med vårdnadshavare",
                    kind: "ONE_OFF",
                    withPolice: false,
                    deadline: { kind: "NONE" },
                    responsibleParties: [{ organisation: "Stadsdelsförvaltningen", role: null }],
                    youthStrategy: false,
                    violentExtremism: false,
                    position: 0,
                    goals: [{ id: "g2", description: "Operativt mål g2", targetValue: 80, position: 1 }],
                  },
                ],
              },
              {
                id: "c12",
                description: "Orsak c12",
                measures: [
                  {
                    id: "m121",
                    description: "Åtgärd m121",
                    kind: "ONGOING_WORK",
                    withPolice: false,
                    deadline: { kind: "ONGOING" },
                    responsibleParties: [{ organisation: "Stadsdelsförvaltningen", role: null }],
                    youthStrategy: false,
                    violentExtremism: false,
                    position: 0,
                    goals: [{ id: "g4", description: "Operativt mål g4", targetValue: null, position: 0 }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        fromAreaId: "a2",
        name: OWN,
        centralArea: null,
        problems: [
          {
            id: "p3",
            collectiveName: null,
            description: "Problem p3",
            causes: [
              {
                id: "c31",
                description: "Orsak c31",
                measures: [
                  {
                    id: "m311",
                    description: "Åtgärd m311",
                    kind: "ONE_OFF",
                    withPolice: true,
                    deadline: { kind: "NONE" },
                    responsibleParties: [
                      { organisation: "lokalpolisområdet", role: "Kommunpolis" },
                      { organisation: "Skafast", role: null },
                    ],
                    youthStrategy: true,
                    violentExtremism: true,
                    position: 0,
                    goals: [
                      { id: "g7", description: "Operativt mål g7", targetValue: 35, position: 1 },
                      { id: "g8", description: "Operativt mål g8", targetValue: null, position: 2 },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      { fromAreaId: "a3", name: SYSTEM, centralArea: "SYSTEM_THREATENING_CRIME", problems: [] },
    ]);
  });

  it("keeps every area, central and own, even with nothing chosen", () => {
    const carried = planCarryOver(tree(), new Set());
    expect(carried.map((a) => [a.fromAreaId, a.name, a.centralArea, a.problems.length])).toEqual([
      ["a1", YOUTH, "YOUTH_AT_RISK", 0],
      ["a2", OWN, null, 0],
      ["a3", SYSTEM, "SYSTEM_THREATENING_CRIME", 0],
    ]);
    expect(planCarryOver([], new Set(["p1"]))).toEqual([]);
  });

  it("keeps the plan's order, not the order of choosing", () => {
    const t = tree();
    const chosen = new Set([...allIds(t)].reverse());
    const carried = planCarryOver(t, chosen);
    expect(carried.map((a) => a.fromAreaId)).toEqual(["a1", "a2", "a3"]);
    expect(carried[0]?.problems.map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(carried[0]?.problems[0]?.causes.map((c) => c.id)).toEqual(["c11", "c12"]);
    expect(carried[0]?.problems[0]?.causes[0]?.measures.map((m) => m.id)).toEqual(["m111", "m112"]);
    expect(carried[1]?.problems[0]?.causes[0]?.measures[0]?.goals.map((g) => g.id)).toEqual(["g6", "g7", "g8"]);
  });

  it("carries a measure with only the chosen goals, and a measure with none of its goals", () => {
    const carried = planCarryOver(tree(), new Set(["p1", "c11", "m111", "m112", "g1"]));
    const measures = carried[0]?.problems[0]?.causes[0]?.measures;
    expect(measures?.map((m) => [m.id, m.goals.map((g) => g.id)])).toEqual([
      ["m111", ["g1"]],
      ["m112", []],
    ]);
  });

  it("does not carry an item whose parent is not chosen (carrySelectionIssues reports it)", () => {
    const t = tree();
    const chosen = new Set(["c12", "m121", "g4", "p2", "m211"]);
    expect(carrySelectionIssues(t, chosen).map((i) => i.id)).toEqual(["c12", "m211"]);
    const carried = planCarryOver(t, chosen);
    expect(carried[0]?.problems).toEqual([{ id: "p2", collectiveName: null, description: "Problem p2", causes: [] }]);
    expect(countCarried(carried)).toEqual({ problems: 1, causes: 0, measures: 0, goals: 0 });
  });

  it("drops a DATE deadline and keeps ONGOING, and does not change the given tree", () => {
    const t = tree();
    const before = JSON.stringify(t);
    const carried = planCarryOver(t, new Set(allIds(t)));
    const deadlines = carried.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures.map((m) => [m.id, m.deadline]))));
    expect(deadlines).toEqual([
      ["m111", { kind: "NONE" }],
      ["m112", { kind: "NONE" }],
      ["m121", { kind: "ONGOING" }],
      ["m211", { kind: "NONE" }],
      ["m311", { kind: "NONE" }],
      ["m411", { kind: "NONE" }],
    ]);
    expect(JSON.stringify(t)).toBe(before);
  });

  it("keeps the responsible parties, withPolice and the tags of a carried measure", () => {
    const carried = planCarryOver(tree(), new Set(["p3", "c31", "m311"]));
    const m = carried[1]?.problems[0]?.causes[0]?.measures[0];
    expect(m).toMatchObject({
      id: "m311",
      withPolice: true,
      youthStrategy: true,
      violentExtremism: true,
      responsibleParties: [
        { organisation: "lokalpolisområdet", role: "Kommunpolis" },
        { organisation: "Skafast", role: null },
      ],
      goals: [],
    });
  });
});

describe("countCarried", () => {
  it("counts the default selection", () => {
    const t = tree();
    expect(countCarried(planCarryOver(t, defaultCarrySelection(t, statusOf)))).toEqual({ problems: 2, causes: 3, measures: 3, goals: 4 });
  });

  it("counts everything", () => {
    const t = tree();
    expect(countCarried(planCarryOver(t, new Set(allIds(t))))).toEqual({ problems: 4, causes: 5, measures: 6, goals: 9 });
  });

  it("is all zero for nothing chosen and for no areas", () => {
    const zero = { problems: 0, causes: 0, measures: 0, goals: 0 };
    expect(countCarried(planCarryOver(tree(), new Set()))).toEqual(zero);
    expect(countCarried([])).toEqual(zero);
  });

  it("counts a problem without causes and a measure without goals", () => {
    expect(countCarried(planCarryOver(tree(), new Set(["p2", "p1", "c11", "m112"])))).toEqual({ problems: 2, causes: 1, measures: 1, goals: 0 });
  });
});
