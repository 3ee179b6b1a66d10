// The summary tab (Sammanställning): per area, how many problems, causes, measures and goals.
// Production computes the same in SQL; this one serves tests and the import preview.

import { byPosition } from "./tree";
import type { AreaNode, PlanTree, SummaryRow } from "./types";

export type SummaryCounts = Omit<SummaryRow, "areaId" | "areaName">;

function summarizeArea(area: AreaNode): SummaryRow {
  const row: SummaryRow = { areaId: area.id, areaName: area.name, problems: 0, causes: 0, measures: 0, goals: 0 };
  for (const problem of area.problems) {
    row.problems += 1;
    for (const cause of problem.causes) {
      row.causes += 1;
      for (const measure of cause.measures) {
        row.measures += 1;
        row.goals += measure.goals.length;
      }
    }
  }
  return row;
}

/** The sum of the rows. */
export function totalOf(rows: SummaryRow[]): SummaryCounts {
  const total: SummaryCounts = { problems: 0, causes: 0, measures: 0, goals: 0 };
  for (const row of rows) {
    total.problems += row.problems;
    total.causes += row.causes;
    total.measures += row.measures;
    total.goals += row.goals;
  }
  return total;
}

/** One row per area in plan order, plus the total. */
export function summarizeTree(tree: PlanTree): { rows: SummaryRow[]; total: SummaryCounts } {
  const rows = byPosition(tree.areas).map(summarizeArea);
  return { rows, total: totalOf(rows) };
}
