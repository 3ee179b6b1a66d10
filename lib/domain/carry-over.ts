// Next year's plan from this year's: the strategist chooses which problems, causes, measures and
// goals to carry over. Goals marked "flyttas till nästa år" are pre-selected with their chain;
// nothing is carried that was not chosen, and a chosen item needs its parent chosen too.
// Pure: the caller loads the tree and the goals' latest statuses and writes the result.

import type { GoalStatus } from "./follow-up";
import type { AreaNode, Deadline, MeasureNode } from "./types";

export type CarrySelection = ReadonlySet<string>;

/** Pre-selected: every goal moved to next year, with its measure, cause and problem. */
export function defaultCarrySelection(areas: readonly AreaNode[], statusOf: (goalId: string) => GoalStatus | null): Set<string> {
  const selected = new Set<string>();
  for (const a of areas)
    for (const p of a.problems)
      for (const c of p.causes)
        for (const m of c.measures)
          for (const g of m.goals)
            if (statusOf(g.id) === "MOVED_TO_NEXT_YEAR") for (const id of [p.id, c.id, m.id, g.id]) selected.add(id);
  return selected;
}

export type CarryIssue = { id: string; message: string };

/**
 * A chosen item whose parent is not chosen cannot be carried (where would it go?): one issue
 * per such item, naming the parent. Ids that are not in the plan are issues too.
 */
export function carrySelectionIssues(areas: readonly AreaNode[], selected: CarrySelection): CarryIssue[] {
  const issues: CarryIssue[] = [];
  const known = new Set<string>();
  for (const a of areas)
    a.problems.forEach((p, pi) => {
      known.add(p.id);
      p.causes.forEach((c, ci) => {
        known.add(c.id);
        if (selected.has(c.id) && !selected.has(p.id))
          issues.push({ id: c.id, message: `${a.name}: orsak ${pi + 1}.${ci + 1} kan bara följa med om problem ${pi + 1} också gör det.` });
        c.measures.forEach((m, mi) => {
          known.add(m.id);
          if (selected.has(m.id) && !selected.has(c.id))
            issues.push({ id: m.id, message: `${a.name}: åtgärd ${pi + 1}.${ci + 1}.${mi + 1} kan bara följa med om orsak ${pi + 1}.${ci + 1} också gör det.` });
          m.goals.forEach((g, gi) => {
            known.add(g.id);
            if (selected.has(g.id) && !selected.has(m.id))
              issues.push({
                id: g.id,
                message: `${a.name}: mål ${gi + 1} i åtgärd ${pi + 1}.${ci + 1}.${mi + 1} kan bara följa med om åtgärden också gör det.`,
              });
          });
        });
      });
    });
  for (const id of selected) if (!known.has(id)) issues.push({ id, message: "Ett valt innehåll finns inte i planen." });
  return issues;
}

/**
 * A carried measure keeps what it is and who does it; a date of the old year does not carry
 * (it would be overdue on day one) and must be set anew, ongoing work stays ongoing.
 */
export function carriedDeadline(d: Deadline): Deadline {
  return d.kind === "ONGOING" ? d : { kind: "NONE" };
}

export type CarriedMeasure = Omit<MeasureNode, "goals" | "deadline"> & {
  deadline: Deadline;
  goals: { id: string; description: string; targetValue: number | null; targetUnit?: string | null; qualitative?: boolean; position: number }[];
};
export type CarriedArea = {
  fromAreaId: string;
  name: string;
  centralArea: AreaNode["centralArea"];
  problems: {
    id: string;
    collectiveName: string | null;
    description: string;
    causes: { id: string; description: string; measures: CarriedMeasure[] }[];
  }[];
};

/**
 * What goes into next year's plan: every area (central ones always exist, the district's own
 * areas follow along), and in each only the chosen items, in their order. Ids are the origins
 * (the caller writes them as carriedFromId). Call carrySelectionIssues first.
 */
export function planCarryOver(areas: readonly AreaNode[], selected: CarrySelection): CarriedArea[] {
  return areas.map((a) => ({
    fromAreaId: a.id,
    name: a.name,
    centralArea: a.centralArea,
    problems: a.problems
      .filter((p) => selected.has(p.id))
      .map((p) => ({
        id: p.id,
        collectiveName: p.collectiveName,
        description: p.description,
        causes: p.causes
          .filter((c) => selected.has(c.id))
          .map((c) => ({
            id: c.id,
            description: c.description,
            measures: c.measures
              .filter((m) => selected.has(m.id))
              .map((m) => ({ ...m, deadline: carriedDeadline(m.deadline), goals: m.goals.filter((g) => selected.has(g.id)) })),
          })),
      })),
  }));
}

/** How many of each kind are chosen ("3 problem, 4 orsaker, 5 åtgärder, 2 mål"). */
export function countCarried(areas: readonly CarriedArea[]): { problems: number; causes: number; measures: number; goals: number } {
  const n = { problems: 0, causes: 0, measures: 0, goals: 0 };
  for (const a of areas)
    for (const p of a.problems) {
      n.problems += 1;
      for (const c of p.causes) {
        n.causes += 1;
        for (const m of c.measures) {
          n.measures += 1;
          n.goals += m.goals.length;
        }
      }
    }
  return n;
}
