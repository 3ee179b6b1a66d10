import { describe, expect, it } from "vitest";
import { summarizeTree, totalOf } from "../../lib/domain/summary";
import { buildArea, buildCause, buildGoal, buildMeasure, buildPlanTree, buildProblem } from "../support/builders";

describe("summarizeTree", () => {
  it("counts problems, causes, measures and goals per area, in plan order, with a total", () => {
    const big = buildArea({
      name: "Otrygga och brottsutsatta platser",
      problems: [
        buildProblem({
          causes: [
            buildCause({ measures: [buildMeasure({ goals: [buildGoal(), buildGoal(), buildGoal()] }), buildMeasure({ goals: [] })] }),
            buildCause({ measures: [] }),
          ],
        }),
        buildProblem({ causes: [] }),
        buildProblem(),
      ],
    });
    const empty = buildArea({ name: "Trafiksäkerhet", centralArea: null, problems: [] });
    const small = buildArea({ name: "Systemhotande brottslighet" });
    const tree = buildPlanTree({ areas: [small, big, empty] });
    // positions say: small 0, big 1, empty 2; hand them over out of order
    const { rows, total } = summarizeTree({ ...tree, areas: [tree.areas[2]!, tree.areas[0]!, tree.areas[1]!] });
    expect(rows).toEqual([
      { areaId: small.id, areaName: "Systemhotande brottslighet", problems: 1, causes: 1, measures: 1, goals: 1 },
      { areaId: big.id, areaName: "Otrygga och brottsutsatta platser", problems: 3, causes: 3, measures: 3, goals: 4 },
      { areaId: empty.id, areaName: "Trafiksäkerhet", problems: 0, causes: 0, measures: 0, goals: 0 },
    ]);
    expect(total).toEqual({ problems: 4, causes: 4, measures: 4, goals: 5 });
  });

  it("summarizes an empty plan to zeros", () => {
    expect(summarizeTree(buildPlanTree({ areas: [] }))).toEqual({
      rows: [],
      total: { problems: 0, causes: 0, measures: 0, goals: 0 },
    });
  });
});

describe("totalOf", () => {
  it("adds up the rows", () => {
    expect(
      totalOf([
        { areaId: "a", areaName: "A", problems: 7, causes: 7, measures: 7, goals: 12 },
        { areaId: "b", areaName: "B", problems: 9, causes: 10, measures: 10, goals: 16 },
      ]),
    ).toEqual({ problems: 16, causes: 17, measures: 17, goals: 28 });
  });
});
