// What is still missing in a plan before it can be sent: every problem needs a cause, every
// cause a measure, every measure a goal, a time (date or line work) and a responsible party.

import { shorten } from "./text";
import { byPosition } from "./tree";
import type { AreaNode, PlanTree } from "./types";

export type CompletenessGap = "NO_CAUSE" | "NO_MEASURE" | "NO_GOAL" | "NO_DEADLINE" | "NO_RESPONSIBLE";

export type CompletenessIssue = {
  areaId: string;
  areaName: string;
  targetId: string;
  targetKind: "problem" | "cause" | "measure";
  /** The id of the element to link to: "problem-<id>", "cause-<id>", "measure-<id>". */
  anchor: string;
  gap: CompletenessGap;
  message: string;
};

/** How long the quoted text of an item may be in a message. */
export const QUOTE_LENGTH = 60;

function quote(text: string, fallback?: string | null): string {
  const source = text.trim() !== "" ? text : (fallback ?? "");
  return `"${shorten(source, QUOTE_LENGTH)}"`;
}

function areaIssues(area: AreaNode): CompletenessIssue[] {
  const issues: CompletenessIssue[] = [];
  const base = { areaId: area.id, areaName: area.name };
  for (const problem of byPosition(area.problems)) {
    const problemTarget = { ...base, targetId: problem.id, targetKind: "problem" as const, anchor: `problem-${problem.id}` };
    if (problem.causes.length === 0) {
      issues.push({
        ...problemTarget,
        gap: "NO_CAUSE",
        message: `Problemet ${quote(problem.description, problem.collectiveName)} saknar orsak.`,
      });
    }
    for (const cause of byPosition(problem.causes)) {
      if (cause.measures.length === 0) {
        issues.push({
          ...base,
          targetId: cause.id,
          targetKind: "cause",
          anchor: `cause-${cause.id}`,
          gap: "NO_MEASURE",
          message: `Orsaken ${quote(cause.description)} saknar åtgärd.`,
        });
      }
      for (const measure of byPosition(cause.measures)) {
        const target = { ...base, targetId: measure.id, targetKind: "measure" as const, anchor: `measure-${measure.id}` };
        const name = quote(measure.description);
        if (measure.goals.length === 0) {
          issues.push({ ...target, gap: "NO_GOAL", message: `Åtgärden ${name} saknar operativt mål.` });
        }
        if (measure.deadline.kind === "NONE") {
          issues.push({
            ...target,
            gap: "NO_DEADLINE",
            message: `Åtgärden ${name} saknar tid för genomförande (datum eller linjearbete).`,
          });
        }
        if (measure.responsibleParties.length === 0) {
          issues.push({ ...target, gap: "NO_RESPONSIBLE", message: `Åtgärden ${name} saknar ansvarig.` });
        }
      }
    }
  }
  return issues;
}

/** Every gap in the plan, in plan order (area, problem, cause, measure). */
export function findIncomplete(tree: PlanTree): CompletenessIssue[] {
  return byPosition(tree.areas).flatMap(areaIssues);
}

/** An area is complete when it has at least one problem and no gaps. */
export function areaIsComplete(area: AreaNode): boolean {
  return area.problems.length > 0 && areaIssues(area).length === 0;
}

export function countCompleteAreas(tree: PlanTree): { complete: number; total: number } {
  return { complete: tree.areas.filter(areaIsComplete).length, total: tree.areas.length };
}
