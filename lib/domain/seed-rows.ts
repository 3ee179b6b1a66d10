// Rows of a real plan (one row per measure, as the spreadsheet has them) → the chain
// problem → cause → measure → goal, by the rule in tests/fixtures/seeds/README.md.
// Used by the demo seed, the Excel import preview and their tests.

import { centralAreaForName } from "./areas";
import { parseDeadline } from "./deadline";
import { parseNumericTarget, splitGoals } from "./goals";
import { isPoliceParty, parseResponsible } from "./responsible";
import { normalizeText } from "./text";
import type { CentralArea, Deadline, MeasureKind, ResponsibleParty, SummaryRow } from "./types";

/** One spreadsheet row (one measure) with the template's columns. */
export type SeedRow = {
  collectiveName: string | null;
  problem: string | null;
  cause: string | null;
  measure: string | null;
  goals: string | null;
  when: string | null;
  responsible: string | null;
  followUp: string | null;
};

/** One plan as rows, grouped by area (tab). */
export type SeedPlan = {
  district: string;
  year: number;
  areas: { name: string; rows: SeedRow[] }[];
};

// Drafts: the chain before it has ids; positions are 0..n in first-seen order.
export type DraftGoal = { description: string; targetValue: number | null; position: number };
export type DraftMeasure = {
  description: string;
  kind: MeasureKind | null;
  withPolice: boolean;
  deadline: Deadline;
  /** The "När" cell as written (an ONGOING deadline keeps no text of its own). */
  whenText: string | null;
  responsibleParties: ResponsibleParty[];
  youthStrategy: boolean;
  violentExtremism: boolean;
  followUp: string | null;
  position: number;
  goals: DraftGoal[];
};
export type DraftCause = { description: string; position: number; measures: DraftMeasure[] };
export type DraftProblem = {
  collectiveName: string | null;
  description: string;
  position: number;
  causes: DraftCause[];
};
export type DraftArea = {
  name: string;
  centralArea: CentralArea | null;
  position: number;
  problems: DraftProblem[];
};

function cellText(cell: string | null): string {
  return (cell ?? "").trim();
}

function identity(cell: string | null): string {
  return normalizeText(cell ?? "");
}

function nonEmpty(cell: string | null): string | null {
  const text = cellText(cell);
  return text === "" ? null : text;
}

/** One row's measure with its goals (the "När", "Vem" and goals cells read by the shared rules). */
export function toMeasure(row: SeedRow, position: number, planYear: number): DraftMeasure {
  const deadline = parseDeadline(row.when, planYear);
  const responsibleParties = parseResponsible(row.responsible);
  return {
    description: cellText(row.measure),
    kind: deadline.kind === "ONGOING" ? "ONGOING_WORK" : null,
    withPolice: responsibleParties.some(isPoliceParty),
    deadline,
    whenText: nonEmpty(row.when),
    responsibleParties,
    youthStrategy: false,
    violentExtremism: false,
    followUp: nonEmpty(row.followUp),
    position,
    goals: splitGoals(row.goals).map((description, i) => ({
      description,
      targetValue: parseNumericTarget(description)?.value ?? null,
      position: i,
    })),
  };
}

/**
 * Groups one area's rows into problems: rows with the same problem text (white space
 * collapsed, trimmed) are one problem, whose collective name is the first non-null one among
 * its rows; under a problem, rows with the same cause text are one cause; every row is one
 * measure. Order and positions follow first appearance.
 */
export function groupSeedRows(rows: SeedRow[], planYear: number): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const problemByKey = new Map<string, { problem: DraftProblem; causeByKey: Map<string, DraftCause> }>();

  for (const row of rows) {
    const problemKey = identity(row.problem);
    let entry = problemByKey.get(problemKey);
    if (!entry) {
      const problem: DraftProblem = {
        collectiveName: null,
        description: cellText(row.problem),
        position: problems.length,
        causes: [],
      };
      problems.push(problem);
      entry = { problem, causeByKey: new Map() };
      problemByKey.set(problemKey, entry);
    }
    if (entry.problem.collectiveName === null) entry.problem.collectiveName = nonEmpty(row.collectiveName);

    const causeKey = identity(row.cause);
    let cause = entry.causeByKey.get(causeKey);
    if (!cause) {
      cause = { description: cellText(row.cause), position: entry.problem.causes.length, measures: [] };
      entry.problem.causes.push(cause);
      entry.causeByKey.set(causeKey, cause);
    }
    cause.measures.push(toMeasure(row, cause.measures.length, planYear));
  }
  return problems;
}

/** A whole seed plan → draft areas, the area names mapped onto the central areas. */
export function draftAreasFromSeedPlan(plan: SeedPlan): DraftArea[] {
  return plan.areas.map((area, position) => {
    const centralArea = centralAreaForName(area.name);
    return {
      name: normalizeText(area.name),
      centralArea,
      position,
      problems: groupSeedRows(area.rows, plan.year),
    };
  });
}

export type DraftCounts = Omit<SummaryRow, "areaId" | "areaName">;
export type DraftSummaryRow = DraftCounts & { areaName: string };

function countProblems(problems: DraftProblem[]): DraftCounts {
  const counts: DraftCounts = { problems: problems.length, causes: 0, measures: 0, goals: 0 };
  for (const problem of problems) {
    counts.causes += problem.causes.length;
    for (const cause of problem.causes) {
      counts.measures += cause.measures.length;
      for (const measure of cause.measures) counts.goals += measure.goals.length;
    }
  }
  return counts;
}

/** Counts per draft area (problems / causes / measures / goals) and their total. */
export function summarizeDraft(areas: { name: string; problems: DraftProblem[] }[]): {
  rows: DraftSummaryRow[];
  total: DraftCounts;
} {
  const rows = areas.map((area) => ({ areaName: area.name, ...countProblems(area.problems) }));
  const total: DraftCounts = { problems: 0, causes: 0, measures: 0, goals: 0 };
  for (const row of rows) {
    total.problems += row.problems;
    total.causes += row.causes;
    total.measures += row.measures;
    total.goals += row.goals;
  }
  return { rows, total };
}
