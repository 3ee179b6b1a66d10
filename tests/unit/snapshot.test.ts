import { describe, expect, it } from "vitest";
import { draftAreasFromSeedPlan, type DraftArea } from "../../lib/domain/seed-rows";
import { makeSnapshot, parseSnapshot, safeParseSnapshot, SnapshotError, type PlanSnapshot } from "../../lib/domain/snapshot";
import type { AreaNode } from "../../lib/domain/types";
import { buildArea, buildCause, buildGoal, buildMeasure, buildPlanTree, buildProblem, loadSeedPlan, SEED_FILES } from "../support/builders";

/** The seed plan's drafts with ids, as the database would give them (extra fields included). */
function withIds(areas: DraftArea[], prefix: string): AreaNode[] {
  let n = 0;
  const id = (kind: string) => `${prefix}-${kind}-${(n += 1)}`;
  return areas.map((a) => ({
    ...a,
    id: id("area"),
    problems: a.problems.map((p) => ({
      ...p,
      id: id("problem"),
      causes: p.causes.map((c) => ({
        ...c,
        id: id("cause"),
        measures: c.measures.map((m) => ({ ...m, id: id("measure"), goals: m.goals.map((g) => ({ ...g, id: id("goal") })) })),
      })),
    })),
  }));
}

function input(areas: AreaNode[]) {
  return { planId: "plan-1", year: 2025, districtName: "Farsta", areas };
}

describe("makeSnapshot", () => {
  it("keeps the plan's identity and every area", () => {
    const tree = buildPlanTree();
    const snapshot = makeSnapshot(input(tree.areas));
    expect(snapshot).toMatchObject({ schemaVersion: 1, planId: "plan-1", year: 2025, districtName: "Farsta" });
    expect(snapshot.areas).toEqual(tree.areas);
  });

  it("sorts every level by position", () => {
    const g0 = buildGoal({ id: "g0", position: 0 });
    const g1 = buildGoal({ id: "g1", position: 1 });
    const m = { ...buildMeasure({ id: "m" }), goals: [g1, g0] };
    const a0 = buildArea({ id: "a0", position: 0, problems: [buildProblem({ causes: [buildCause({ measures: [m] })] })] });
    const a1 = { ...buildArea({ id: "a1" }), position: 1 };
    const snapshot = makeSnapshot(input([a1, a0]));
    expect(snapshot.areas.map((a) => a.id)).toEqual(["a0", "a1"]);
    expect(snapshot.areas[0]?.problems[0]?.causes[0]?.measures[0]?.goals.map((g) => g.id)).toEqual(["g0", "g1"]);
  });

  it("keeps only the known fields (not what the database row carries along)", () => {
    const [area] = withIds(draftAreasFromSeedPlan(loadSeedPlan("farsta-2025")), "f");
    const snapshot = makeSnapshot(input(area ? [{ ...area, updatedAt: "x" } as AreaNode] : []));
    const measure = snapshot.areas[0]?.problems[0]?.causes[0]?.measures[0];
    expect(Object.keys(snapshot.areas[0] ?? {}).sort()).toEqual(["centralArea", "id", "name", "position", "problems"]);
    expect(Object.keys(measure ?? {}).sort()).toEqual([
      "deadline",
      "description",
      "goals",
      "id",
      "kind",
      "position",
      "responsibleParties",
      "violentExtremism",
      "withPolice",
      "youthStrategy",
    ]);
  });

  it("is a detached copy", () => {
    const tree = buildPlanTree();
    const snapshot = makeSnapshot(input(tree.areas));
    const measure = tree.areas[0]?.problems[0]?.causes[0]?.measures[0];
    if (measure) {
      measure.description = "Ändrad efteråt";
      measure.responsibleParties.push({ organisation: "Polisen", role: null });
    }
    const frozen = snapshot.areas[0]?.problems[0]?.causes[0]?.measures[0];
    expect(frozen?.description).not.toBe("Ändrad efteråt");
    expect(frozen?.responsibleParties).toHaveLength(1);
  });
});

describe("parseSnapshot", () => {
  it.each(SEED_FILES)("reads back the %s plan after JSON, as the value and as text", (file) => {
    const snapshot = makeSnapshot(input(withIds(draftAreasFromSeedPlan(loadSeedPlan(file)), file)));
    const json = JSON.stringify(snapshot);
    expect(parseSnapshot(JSON.parse(json))).toEqual(snapshot);
    expect(parseSnapshot(json)).toEqual(snapshot);
  });

  it("reads every kind of deadline", () => {
    const measures = [
      buildMeasure({ deadline: { kind: "DATE", date: "2025-06-30" } }),
      buildMeasure({ deadline: { kind: "ONGOING" } }),
      buildMeasure({ deadline: { kind: "NONE" } }),
      buildMeasure({ deadline: { kind: "NONE", note: "Juni och december" }, kind: null }),
    ];
    const snapshot = makeSnapshot(input([buildArea({ centralArea: null, problems: [buildProblem({ causes: [buildCause({ measures })] })] })]));
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it("counts a snapshot without schemaVersion as version 1", () => {
    const stored: Partial<PlanSnapshot> = makeSnapshot(input(buildPlanTree().areas));
    delete stored.schemaVersion;
    expect(parseSnapshot(stored).schemaVersion).toBe(1);
  });

  const valid = (): PlanSnapshot => JSON.parse(JSON.stringify(makeSnapshot(input(buildPlanTree().areas)))) as PlanSnapshot;
  type Json = Record<string, unknown>;
  const measureOf = (s: Json) => ((((s.areas as Json[])[0]?.problems as Json[])[0]?.causes as Json[])[0]?.measures as Json[])[0] as Json;

  it.each<[string, () => unknown, string]>([
    ["null", () => null, ""],
    ["not JSON", () => "{areas:", ""],
    ["no planId", () => ({ ...valid(), planId: undefined }), "planId"],
    ["year as text", () => ({ ...valid(), year: "2025" }), "year"],
    ["areas not a list", () => ({ ...valid(), areas: {} }), "areas"],
    ["an unknown central area", () => ({ ...valid(), areas: [{ ...valid().areas[0], centralArea: "PARKS" }] }), "areas.0.centralArea"],
    ["another schema version", () => ({ ...valid(), schemaVersion: 2 }), "schemaVersion"],
    [
      "withPolice as text",
      () => {
        const s = valid() as unknown as Json;
        measureOf(s).withPolice = "ja";
        return s;
      },
      "areas.0.problems.0.causes.0.measures.0.withPolice",
    ],
    [
      "an unknown deadline kind",
      () => {
        const s = valid() as unknown as Json;
        measureOf(s).deadline = { kind: "SOON" };
        return s;
      },
      "areas.0.problems.0.causes.0.measures.0.deadline.kind",
    ],
    [
      "a goal's target as text",
      () => {
        const s = valid() as unknown as Json;
        (measureOf(s).goals as Json[])[0]!.targetValue = "12";
        return s;
      },
      "areas.0.problems.0.causes.0.measures.0.goals.0.targetValue",
    ],
  ])("refuses %s", (_name, make, path) => {
    const json = make();
    expect(() => parseSnapshot(json)).toThrow(SnapshotError);
    const result = safeParseSnapshot(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.path).toBe(path);
      expect(result.error.message).toMatch(/^Den sparade versionen av planen kunde inte läsas/u);
    }
  });

  it("drops unknown fields", () => {
    const s = { ...valid(), extra: true, areas: valid().areas.map((a) => ({ ...a, secret: 1 })) };
    const parsed = parseSnapshot(s) as unknown as Json;
    expect(parsed.extra).toBeUndefined();
    expect((parsed.areas as Json[])[0]?.secret).toBeUndefined();
  });
});
