// Builders for plan trees and actors in unit tests. Defaults make a COMPLETE item (a measure
// has a goal, a date and a responsible party; every level has one child); override to make gaps.
// Children get positions 0..n in the order given. Also: loading the real seed plans.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { draftAreasFromSeedPlan, type DraftArea, type SeedPlan } from "../../lib/domain/seed-rows";
import { CENTRAL_AREA_NAMES } from "../../lib/domain/areas";
import {
  CENTRAL_AREAS,
  type Actor,
  type AreaNode,
  type CauseNode,
  type CentralArea,
  type CoSignature,
  type DistrictScope,
  type GoalNode,
  type Membership,
  type MeasureNode,
  type PlanTree,
  type ProblemNode,
} from "../../lib/domain/types";

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

function positioned<T extends { position: number }>(items: T[]): T[] {
  return items.map((item, position) => ({ ...item, position }));
}

export function buildGoal(overrides: Partial<GoalNode> = {}): GoalNode {
  return { id: nextId("goal"), description: "Ungdomsutsättningar genomförs 12 gånger under året.", targetValue: 12, position: 0, ...overrides };
}

export function buildMeasure(overrides: Partial<MeasureNode> = {}): MeasureNode {
  const measure: MeasureNode = {
    id: nextId("measure"),
    description: "Genomföra trygghetsvandringar tillsammans med boende och fastighetsägare.",
    kind: "ONE_OFF",
    withPolice: false,
    deadline: { kind: "DATE", date: "2025-12-31" },
    responsibleParties: [{ organisation: "Trafikkontoret", role: null }],
    youthStrategy: false,
    violentExtremism: false,
    position: 0,
    goals: [buildGoal()],
    ...overrides,
  };
  return { ...measure, goals: positioned(measure.goals) };
}

export function buildCause(overrides: Partial<CauseNode> = {}): CauseNode {
  const cause: CauseNode = {
    id: nextId("cause"),
    description: "Låg kollektiv förmåga i lokalsamhället.",
    position: 0,
    measures: [buildMeasure()],
    ...overrides,
  };
  return { ...cause, measures: positioned(cause.measures) };
}

export function buildProblem(overrides: Partial<ProblemNode> = {}): ProblemNode {
  const problem: ProblemNode = {
    id: nextId("problem"),
    collectiveName: null,
    description: "Upplevd otrygghet bland invånarna i Farsta strand.",
    position: 0,
    causes: [buildCause()],
    ...overrides,
  };
  return { ...problem, causes: positioned(problem.causes) };
}

export function buildArea(overrides: Partial<AreaNode> = {}): AreaNode {
  const area: AreaNode = {
    id: nextId("area"),
    name: CENTRAL_AREA_NAMES.UNSAFE_PLACES,
    centralArea: "UNSAFE_PLACES",
    position: 0,
    problems: [buildProblem()],
    ...overrides,
  };
  return { ...area, problems: positioned(area.problems) };
}

export function buildCentralArea(centralArea: CentralArea, overrides: Partial<AreaNode> = {}): AreaNode {
  return buildArea({ name: CENTRAL_AREA_NAMES[centralArea], centralArea, ...overrides });
}

/** By default the five central areas, each with one complete problem chain. */
export function buildPlanTree(overrides: Partial<PlanTree> = {}): PlanTree {
  const tree: PlanTree = {
    id: nextId("plan"),
    areas: CENTRAL_AREAS.map((centralArea) => buildCentralArea(centralArea)),
    ...overrides,
  };
  return { ...tree, areas: positioned(tree.areas) };
}

export function buildActor(memberships: Membership[], overrides: Partial<Actor> = {}): Actor {
  const userId = nextId("user");
  return { userId, email: `${userId}@example.test`, name: "Testperson", memberships, ...overrides };
}

export function buildScope(overrides: Partial<DistrictScope> = {}): DistrictScope {
  return { districtId: "farsta", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"], ...overrides };
}

/** A police signature; by default SIGNED, with a hash that matches no measure (pass the real one). */
export function buildSignature(overrides: Partial<CoSignature> = {}): CoSignature {
  return {
    status: "SIGNED",
    contentHash: "0000000000000000",
    createdAt: "2025-02-01T09:00:00.000Z",
    comment: null,
    userName: "Kommunpolis Farsta",
    ...overrides,
  };
}

/** A measure the police take part in (withPolice, the police among the responsible). */
export function buildPoliceMeasure(overrides: Partial<MeasureNode> = {}): MeasureNode {
  return buildMeasure({
    withPolice: true,
    responsibleParties: [{ organisation: "lokalpolisområdet", role: "Kommunpolis" }],
    ...overrides,
  });
}

// The real plans in tests/fixtures/seeds.

export const SEED_FILES = ["farsta-2025", "skarholmen-2025"] as const;
export type SeedFile = (typeof SEED_FILES)[number];

export function loadSeedPlan(file: SeedFile): SeedPlan {
  const path = fileURLToPath(new URL(`../fixtures/seeds/${file}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as SeedPlan;
}

/** Every distinct non-null value of one column across both seed plans. */
export function distinctSeedValues(column: "when" | "responsible"): string[] {
  const values = new Set<string>();
  for (const file of SEED_FILES) {
    for (const area of loadSeedPlan(file).areas) {
      for (const row of area.rows) {
        const value = row[column];
        if (value !== null) values.add(value);
      }
    }
  }
  return [...values].sort();
}

/** A seed plan as the app holds it: the five central areas in order (then own areas), uuids everywhere. */
export function seedPlanTree(file: SeedFile): AreaNode[] {
  const drafts = draftAreasFromSeedPlan(loadSeedPlan(file));
  const areas: DraftArea[] = [
    ...CENTRAL_AREAS.map((c) => drafts.find((d) => d.centralArea === c) ?? { name: CENTRAL_AREA_NAMES[c], centralArea: c, position: 0, problems: [] }),
    ...drafts.filter((d) => d.centralArea === null),
  ];
  return areas.map((a, position) => ({
    id: randomUUID(),
    name: a.centralArea ? CENTRAL_AREA_NAMES[a.centralArea] : a.name,
    centralArea: a.centralArea,
    position,
    problems: a.problems.map((p) => ({
      id: randomUUID(),
      collectiveName: p.collectiveName,
      description: p.description,
      position: p.position,
      causes: p.causes.map((c) => ({
        id: randomUUID(),
        description: c.description,
        position: c.position,
        measures: c.measures.map((m) => ({ ...m, id: randomUUID(), goals: m.goals.map((g) => ({ ...g, id: randomUUID() })) })),
      })),
    })),
  }));
}
