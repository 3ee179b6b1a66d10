import { describe, expect, it } from "vitest";
import { diffPlans, diffWords, MAX_LCS_CELLS, type WordOp } from "../../lib/domain/diff";
import { draftAreasFromSeedPlan } from "../../lib/domain/seed-rows";
import { makeSnapshot, type PlanSnapshot } from "../../lib/domain/snapshot";
import { normalizeText } from "../../lib/domain/text";
import type { AreaNode, MeasureNode } from "../../lib/domain/types";
import { buildArea, buildCause, buildGoal, buildMeasure, buildProblem, loadSeedPlan } from "../support/builders";

const join = (ops: WordOp[], keep: "added" | "removed") => ops.filter((o) => o.op === "same" || o.op === keep).map((o) => o.text).join("");

describe("diffWords", () => {
  it.each<[string, string, string, WordOp[]]>([
    ["identical", "Genomföra trygghetsvandringar", "Genomföra trygghetsvandringar", [{ op: "same", text: "Genomföra trygghetsvandringar" }]],
    ["both empty", "", "", []],
    ["from nothing", "", "Ny text", [{ op: "added", text: "Ny text" }]],
    ["to nothing", "Gammal text", "", [{ op: "removed", text: "Gammal text" }]],
    [
      "one word replaced",
      "Fyra vandringar under året",
      "Sex vandringar under året",
      [
        { op: "removed", text: "Fyra" },
        { op: "added", text: "Sex" },
        { op: "same", text: " vandringar under året" },
      ],
    ],
    [
      "a word added in the middle",
      "Trygghetsvandringar i Farsta",
      "Trygghetsvandringar kvällstid i Farsta",
      [
        { op: "same", text: "Trygghetsvandringar" },
        { op: "added", text: " kvällstid" },
        { op: "same", text: " i Farsta" },
      ],
    ],
    [
      "words removed at the end",
      "Minst 80 % av eleverna deltar",
      "Minst 80 %",
      [
        { op: "same", text: "Minst 80 %" },
        { op: "removed", text: " av eleverna deltar" },
      ],
    ],
    [
      "the first word removed keeps its space",
      "Löpande ungdomsutsättningar",
      "ungdomsutsättningar",
      [
        { op: "removed", text: "Löpande " },
        { op: "same", text: "ungdomsutsättningar" },
      ],
    ],
    [
      "removed before added within a change",
      "a b c d",
      "a x y d",
      [
        { op: "same", text: "a" },
        { op: "removed", text: " b c" },
        { op: "added", text: " x y" },
        { op: "same", text: " d" },
      ],
    ],
    ["white space only is no change", "1) Kartlägga\n2) Åtgärda", "1) Kartlägga 2)   Åtgärda", [{ op: "same", text: "1) Kartlägga 2)   Åtgärda" }]],
    [
      "keeps line breaks of the new text",
      "1) Kartlägga 2) Åtgärda",
      "1) Kartlägga\n2) Åtgärda\n3) Följa upp",
      [
        { op: "same", text: "1) Kartlägga\n2) Åtgärda" },
        { op: "added", text: "\n3) Följa upp" },
      ],
    ],
  ])("%s", (_name, before, after, ops) => {
    expect(diffWords(before, after)).toEqual(ops);
  });

  const farsta = loadSeedPlan("farsta-2025").areas.flatMap((a) => a.rows.map((r) => r.measure ?? "")).filter((t) => t.length > 40);
  const PAIRS: [string, string][] = [
    ["  inledande blanksteg", "inledande blanksteg  "],
    ["a b a b a", "b a b"],
    ["x y z", "z y x"],
    ...farsta.slice(0, 8).map((t, i): [string, string] => [t, farsta[i + 1] ?? ""]),
    ...farsta.slice(0, 4).map((t): [string, string] => [t, t.replace(/\s\S+\s/u, " ÄNDRAT ").concat(" Tillägg.")]),
  ];

  it.each(PAIRS)("the new text is spelled exactly, the old up to white space (%#)", (before, after) => {
    const ops = diffWords(before, after);
    expect(join(ops, "added")).toBe(after);
    expect(normalizeText(join(ops, "removed"))).toBe(normalizeText(before));
    // merged: never two neighbours with the same op
    ops.forEach((o, i) => expect(o.op).not.toBe(ops[i - 1]?.op));
  });

  it("marks a minimal set of words (LCS)", () => {
    const ops = diffWords("a b c d e f", "a c d f g");
    expect(ops.filter((o) => o.op !== "same")).toEqual([
      { op: "removed", text: " b" },
      { op: "removed", text: " e" },
      { op: "added", text: " g" },
    ]);
  });

  it("gives up on the word level only for very long changed texts, and still spells both", () => {
    const n = Math.ceil(Math.sqrt(MAX_LCS_CELLS)) + 10;
    const before = Array.from({ length: n }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: n }, (_, i) => `b${i}`).join(" ");
    const ops = diffWords(`start ${before} slut`, `start ${after} slut`);
    expect(ops.map((o) => o.op)).toEqual(["same", "removed", "added", "same"]);
    expect(join(ops, "added")).toBe(`start ${after} slut`);
  });
});

// ---------------------------------------------------------------------------------------------

function snapshot(areas: AreaNode[]): PlanSnapshot {
  return makeSnapshot({ planId: "plan-1", year: 2025, districtName: "Farsta", areas });
}

/** A small plan with fixed ids: one central area (two problems) and one own area. */
function basePlan(): AreaNode[] {
  const measure = (id: string, description: string, goals = [buildGoal({ id: `${id}-g1`, description: "12 gånger under året.", targetValue: 12 })]) =>
    buildMeasure({ id, description, goals });
  return [
    buildArea({
      id: "area-places",
      problems: [
        buildProblem({
          id: "p1",
          description: "Otrygghet vid Farsta centrum kvällstid.",
          causes: [
            buildCause({ id: "c1", description: "Dålig belysning.", measures: [measure("m1", "Se över belysningen i centrum tillsammans med Trafikkontoret.")] }),
            buildCause({ id: "c2", description: "Ungdomar samlas.", measures: [measure("m2", "Fältassistenter på plats fredagar."), measure("m3", "Öppen fritidsgård.")] }),
          ],
        }),
        buildProblem({ id: "p2", description: "Klotter.", causes: [buildCause({ id: "c3", measures: [measure("m4", "Snabb sanering.")] })] }),
      ],
    }),
    buildArea({
      id: "area-own",
      name: "Trygg skolväg",
      centralArea: null,
      position: 1,
      problems: [buildProblem({ id: "p3", causes: [buildCause({ id: "c4", measures: [measure("m5", "Vuxna på skolvägen.")] })] })],
    }),
  ];
}

/** A deep copy of the base plan with one change made in place. */
function edited(change: (areas: AreaNode[]) => void): AreaNode[] {
  const areas = structuredClone(basePlan());
  change(areas);
  return areas;
}

function findMeasure(areas: AreaNode[], id: string): MeasureNode {
  for (const a of areas) for (const p of a.problems) for (const c of p.causes) for (const m of c.measures) if (m.id === id) return m;
  throw new Error(`no measure ${id}`);
}

const NO_LEVEL_CHANGES = { added: [], removed: [], changed: [] };

describe("diffPlans", () => {
  it("identical snapshots: no changes", () => {
    expect(diffPlans(snapshot(basePlan()), snapshot(basePlan()))).toEqual({ areas: [], hasChanges: false });
  });

  it("one edited measure description: exactly one changed measure, the words marked", () => {
    const after = edited((areas) => {
      findMeasure(areas, "m2").description = "Fältassistenter på plats fredagar och lördagar.";
    });
    const diff = diffPlans(snapshot(basePlan()), snapshot(after));
    expect(diff.hasChanges).toBe(true);
    expect(diff.areas).toHaveLength(1);
    const [area] = diff.areas;
    expect(area).toMatchObject({ areaId: "area-places", change: "changed", fields: [], problems: NO_LEVEL_CHANGES, causes: NO_LEVEL_CHANGES, goals: NO_LEVEL_CHANGES });
    expect(area?.measures.added).toEqual([]);
    expect(area?.measures.removed).toEqual([]);
    expect(area?.measures.changed).toHaveLength(1);
    expect(area?.measures.changed[0]).toMatchObject({
      level: "measure",
      id: "m2",
      label: "Fältassistenter på plats fredagar och lördagar.",
      fields: [
        {
          field: "description",
          label: "Beskrivning",
          before: "Fältassistenter på plats fredagar.",
          after: "Fältassistenter på plats fredagar och lördagar.",
          words: [
            { op: "same", text: "Fältassistenter på plats" },
            { op: "removed", text: " fredagar." },
            { op: "added", text: " fredagar och lördagar." },
          ],
        },
      ],
    });
  });

  it("an added goal", () => {
    const after = edited((areas) => {
      findMeasure(areas, "m4").goals.push(buildGoal({ id: "new-goal", description: "Klotter saneras inom 24 timmar.", targetValue: 24, position: 1 }));
    });
    const [area, ...rest] = diffPlans(snapshot(basePlan()), snapshot(after)).areas;
    expect(rest).toEqual([]);
    expect(area?.goals).toEqual({
      added: [
        {
          level: "goal",
          id: "new-goal",
          label: "Klotter saneras inom 24 timmar.",
          parentId: "m4",
          node: { id: "new-goal", description: "Klotter saneras inom 24 timmar.", targetValue: 24, position: 1 },
        },
      ],
      removed: [],
      changed: [],
    });
    expect(area?.measures).toEqual(NO_LEVEL_CHANGES);
  });

  it("a removed cause: listed once, its measures and goals come with it", () => {
    const after = edited((areas) => {
      const problem = areas[0]?.problems[0];
      if (problem) problem.causes = problem.causes.filter((c) => c.id !== "c2");
    });
    const [area, ...rest] = diffPlans(snapshot(basePlan()), snapshot(after)).areas;
    expect(rest).toEqual([]);
    expect(area?.causes.removed.map((c) => [c.id, c.label, c.parentId])).toEqual([["c2", "Ungdomar samlas.", "p1"]]);
    expect(area?.causes.removed[0]?.node.measures.map((m) => m.id)).toEqual(["m2", "m3"]);
    expect(area?.causes.added).toEqual([]);
    expect(area?.causes.changed).toEqual([]);
    expect(area?.measures).toEqual(NO_LEVEL_CHANGES);
    expect(area?.goals).toEqual(NO_LEVEL_CHANGES);
    expect(area?.problems).toEqual(NO_LEVEL_CHANGES);
  });

  it("a renamed own area: one field change on the area, nothing else", () => {
    const after = edited((areas) => {
      if (areas[1]) areas[1].name = "Trygg skolväg i Hökarängen";
    });
    expect(diffPlans(snapshot(basePlan()), snapshot(after)).areas).toEqual([
      {
        areaId: "area-own",
        areaName: "Trygg skolväg i Hökarängen",
        change: "changed",
        fields: [
          {
            field: "name",
            label: "Namn",
            before: "Trygg skolväg",
            after: "Trygg skolväg i Hökarängen",
            words: [
              { op: "same", text: "Trygg skolväg" },
              { op: "added", text: " i Hökarängen" },
            ],
          },
        ],
        problems: NO_LEVEL_CHANGES,
        causes: NO_LEVEL_CHANGES,
        measures: NO_LEVEL_CHANGES,
        goals: NO_LEVEL_CHANGES,
      },
    ]);
  });

  it.each<[string, (m: MeasureNode) => void, { field: string; before: string; after: string }[]]>([
    ["kind", (m) => (m.kind = "ONGOING_WORK"), [{ field: "kind", before: "Punktinsats", after: "Ordinarie arbete (linjearbete)" }]],
    ["with the police", (m) => (m.withPolice = true), [{ field: "withPolice", before: "Nej", after: "Ja" }]],
    ["deadline", (m) => (m.deadline = { kind: "ONGOING" }), [{ field: "deadline", before: "31 dec 2025", after: "Linjearbete/löpande" }]],
    [
      "responsible",
      (m) => m.responsibleParties.push({ organisation: "lokalpolisområdet", role: "Kommunpolis" }),
      [{ field: "responsibleParties", before: "Trafikkontoret", after: "Trafikkontoret; Kommunpolis (lokalpolisområdet)" }],
    ],
    [
      "both tags",
      (m) => {
        m.youthStrategy = true;
        m.violentExtremism = true;
      },
      [
        { field: "youthStrategy", before: "Nej", after: "Ja" },
        { field: "violentExtremism", before: "Nej", after: "Ja" },
      ],
    ],
  ])("a measure's %s", (_name, change, fields) => {
    const after = edited((areas) => change(findMeasure(areas, "m1")));
    const changed = diffPlans(snapshot(basePlan()), snapshot(after)).areas[0]?.measures.changed;
    expect(changed?.map((c) => c.id)).toEqual(["m1"]);
    expect(changed?.[0]?.fields.map(({ field, before, after: a }) => ({ field, before, after: a }))).toEqual(fields);
  });

  it("a goal's target value", () => {
    const after = edited((areas) => {
      const goal = findMeasure(areas, "m3").goals[0];
      if (goal) goal.targetValue = 12.5;
    });
    const changed = diffPlans(snapshot(basePlan()), snapshot(after)).areas[0]?.goals.changed;
    expect(changed?.map((c) => [c.id, c.fields])).toEqual([["m3-g1", [{ field: "targetValue", label: "Målvärde", before: "12", after: "12,5" }]]]);
  });

  it("a measure moved to another cause is changed, with the cause before and after", () => {
    const after = edited((areas) => {
      const [c1, c2] = areas[0]?.problems[0]?.causes ?? [];
      const m3 = c2?.measures.pop();
      if (c1 && m3) c1.measures.push({ ...m3, position: 1 });
    });
    const [area] = diffPlans(snapshot(basePlan()), snapshot(after)).areas;
    expect(area?.measures.added).toEqual([]);
    expect(area?.measures.removed).toEqual([]);
    expect(area?.measures.changed.map((c) => [c.id, c.fields])).toEqual([
      ["m3", [{ field: "parent", label: "Orsak", before: "Ungdomar samlas.", after: "Dålig belysning." }]],
    ]);
  });

  it("white space and order alone are not changes", () => {
    const after = edited((areas) => {
      findMeasure(areas, "m1").description = "Se över  belysningen i centrum\ntillsammans med Trafikkontoret. ";
      const causes = areas[0]?.problems[0]?.causes;
      if (causes) for (const c of causes) c.position = 1 - c.position;
    });
    expect(diffPlans(snapshot(basePlan()), snapshot(after)).hasChanges).toBe(false);
  });

  it("an added and a removed area come whole, new areas first in the new order", () => {
    const after = edited((areas) => {
      areas.splice(1, 1);
      areas.push(buildArea({ id: "area-youth", name: "Unga i riskzon för destruktivt beteende", centralArea: "YOUTH_AT_RISK", position: 1 }));
    });
    const diff = diffPlans(snapshot(basePlan()), snapshot(after));
    expect(diff.areas.map((a) => [a.areaId, a.change])).toEqual([
      ["area-youth", "added"],
      ["area-own", "removed"],
    ]);
    expect(diff.areas[1]?.node?.problems.map((p) => p.id)).toEqual(["p3"]);
    expect(diff.areas[0]?.problems).toEqual(NO_LEVEL_CHANGES);
  });

  it("matches areas by name when the ids differ (another plan), ignoring case and spaces", () => {
    const other = edited((areas) => {
      if (areas[1]) {
        areas[1].id = "area-own-2026";
        areas[1].name = "  trygg  SKOLVÄG ";
      }
    });
    const diff = diffPlans(snapshot(basePlan()), snapshot(other));
    // matched: no added/removed area; the name differs in case, which is listed as a change
    expect(diff.areas.map((a) => [a.areaId, a.change])).toEqual([["area-own-2026", "changed"]]);
    expect(diff.areas[0]?.fields.map((f) => f.field)).toEqual(["name"]);
  });

  it("two real plans: every Farsta area is removed and every Skärholmen area added when nothing matches", () => {
    const ids = (prefix: string, areas: ReturnType<typeof draftAreasFromSeedPlan>): AreaNode[] =>
      areas.map((a, i) => ({
        ...a,
        name: `${prefix} ${a.name}`,
        id: `${prefix}-${i}`,
        problems: [],
      }));
    const a = snapshot(ids("F", draftAreasFromSeedPlan(loadSeedPlan("farsta-2025"))));
    const b = snapshot(ids("S", draftAreasFromSeedPlan(loadSeedPlan("skarholmen-2025"))));
    const diff = diffPlans(a, b);
    expect(diff.areas.filter((x) => x.change === "added")).toHaveLength(b.areas.length);
    expect(diff.areas.filter((x) => x.change === "removed")).toHaveLength(a.areas.length);
  });
});
