import { describe, expect, it } from "vitest";
import { areaIsComplete, countCompleteAreas, findIncomplete, QUOTE_LENGTH } from "../../lib/domain/completeness";
import {
  buildArea,
  buildCause,
  buildCentralArea,
  buildMeasure,
  buildPlanTree,
  buildProblem,
} from "../support/builders";

describe("findIncomplete", () => {
  it("finds nothing in a complete plan", () => {
    expect(findIncomplete(buildPlanTree())).toEqual([]);
  });

  it("finds nothing in a complete measure that is ongoing line work", () => {
    const area = buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [buildMeasure({ deadline: { kind: "ONGOING" } })] })] })] });
    expect(findIncomplete(buildPlanTree({ areas: [area] }))).toEqual([]);
  });

  it("finds a problem without a cause", () => {
    const problem = buildProblem({ description: "Nyrekrytering av barn och unga till kriminalitet", causes: [] });
    const area = buildCentralArea("YOUTH_AT_RISK", { problems: [problem] });
    expect(findIncomplete(buildPlanTree({ areas: [area] }))).toEqual([
      {
        areaId: area.id,
        areaName: "Unga i riskzon för destruktivt beteende",
        targetId: problem.id,
        targetKind: "problem",
        anchor: `problem-${problem.id}`,
        gap: "NO_CAUSE",
        message: 'Problemet "Nyrekrytering av barn och unga till kriminalitet" saknar orsak.',
      },
    ]);
  });

  it("finds a cause without a measure", () => {
    const cause = buildCause({ description: "Låg tillit", measures: [] });
    const area = buildArea({ problems: [buildProblem({ causes: [cause] })] });
    expect(findIncomplete(buildPlanTree({ areas: [area] }))).toEqual([
      expect.objectContaining({
        targetId: cause.id,
        targetKind: "cause",
        anchor: `cause-${cause.id}`,
        gap: "NO_MEASURE",
        message: 'Orsaken "Låg tillit" saknar åtgärd.',
      }),
    ]);
  });

  it.each([
    ["NO_GOAL", { goals: [] }, 'Åtgärden "Torgträffar" saknar operativt mål.'],
    ["NO_DEADLINE", { deadline: { kind: "NONE" as const } }, 'Åtgärden "Torgträffar" saknar tid för genomförande (datum eller linjearbete).'],
    ["NO_DEADLINE", { deadline: { kind: "NONE" as const, note: "Juni och december" } }, 'Åtgärden "Torgträffar" saknar tid för genomförande (datum eller linjearbete).'],
    ["NO_RESPONSIBLE", { responsibleParties: [] }, 'Åtgärden "Torgträffar" saknar ansvarig.'],
  ])("finds a measure with gap %s", (gap, overrides, message) => {
    const measure = buildMeasure({ description: "Torgträffar", ...overrides });
    const area = buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [measure] })] })] });
    expect(findIncomplete(buildPlanTree({ areas: [area] }))).toEqual([
      {
        areaId: area.id,
        areaName: area.name,
        targetId: measure.id,
        targetKind: "measure",
        anchor: `measure-${measure.id}`,
        gap,
        message,
      },
    ]);
  });

  it("lists every gap of one measure, goal before deadline before responsible", () => {
    const measure = buildMeasure({ goals: [], deadline: { kind: "NONE" }, responsibleParties: [] });
    const tree = buildPlanTree({ areas: [buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [measure] })] })] })] });
    expect(findIncomplete(tree).map((i) => i.gap)).toEqual(["NO_GOAL", "NO_DEADLINE", "NO_RESPONSIBLE"]);
  });

  it("lists gaps in plan order, by position, depth first", () => {
    const m1 = buildMeasure({ goals: [] });
    const c1 = buildCause({ measures: [m1, buildMeasure({ responsibleParties: [] })] });
    const c2 = buildCause({ measures: [] });
    const p1 = buildProblem({ causes: [c1, c2] });
    const p2 = buildProblem({ causes: [] });
    const first = buildArea({ problems: [p1, p2] });
    const second = buildArea({ problems: [buildProblem({ causes: [] })] });
    // the areas arrive out of order; positions decide
    const tree = buildPlanTree({ areas: [first, second] });
    const reordered = { ...tree, areas: [tree.areas[1]!, tree.areas[0]!] };
    const gaps = findIncomplete(reordered).map((i) => `${i.areaId}:${i.targetKind}:${i.gap}`);
    expect(gaps).toEqual([
      `${first.id}:measure:NO_GOAL`,
      `${first.id}:measure:NO_RESPONSIBLE`,
      `${first.id}:cause:NO_MEASURE`,
      `${first.id}:problem:NO_CAUSE`,
      `${second.id}:problem:NO_CAUSE`,
    ]);
  });

  it("quotes long text shortened to at most 60 characters with an ellipsis", () => {
    const description =
      "Samverkan behöver ske på ett djupare plan mellan socialtjänst, skola, fritid och polis för att fånga upp barn tidigt.";
    const problem = buildProblem({ description, causes: [] });
    const [issue] = findIncomplete(buildPlanTree({ areas: [buildArea({ problems: [problem] })] }));
    const quoted = /^Problemet "(.*)" saknar orsak\.$/.exec(issue?.message ?? "")?.[1] ?? "";
    expect(quoted.length).toBeLessThanOrEqual(QUOTE_LENGTH);
    expect(quoted.length).toBeGreaterThan(40);
    expect(quoted.endsWith("…")).toBe(true);
    expect(description.startsWith(quoted.slice(0, -1))).toBe(true);
  });

  it("quotes a problem by its collective name when it has no description", () => {
    const problem = buildProblem({ description: "", collectiveName: "SSPF", causes: [] });
    const [issue] = findIncomplete(buildPlanTree({ areas: [buildArea({ problems: [problem] })] }));
    expect(issue?.message).toBe('Problemet "SSPF" saknar orsak.');
  });
});

describe("areaIsComplete and countCompleteAreas", () => {
  it("counts complete areas", () => {
    const tree = buildPlanTree();
    expect(countCompleteAreas(tree)).toEqual({ complete: 5, total: 5 });
    expect(tree.areas.every(areaIsComplete)).toBe(true);
  });

  it.each([
    ["a problem without a cause", buildArea({ problems: [buildProblem({ causes: [] })] })],
    ["a cause without a measure", buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [] })] })] })],
    ["a measure without responsible", buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [buildMeasure({ responsibleParties: [] })] })] })] })],
    ["no problems at all", buildArea({ problems: [] })],
  ])("an area with %s is not complete", (_label, area) => {
    expect(areaIsComplete(area)).toBe(false);
    const tree = buildPlanTree({ areas: [buildArea(), area, buildArea()] });
    expect(countCompleteAreas(tree)).toEqual({ complete: 2, total: 3 });
  });

  it("an empty plan has no complete areas", () => {
    expect(countCompleteAreas(buildPlanTree({ areas: [] }))).toEqual({ complete: 0, total: 0 });
  });
});
