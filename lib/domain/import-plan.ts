// What an imported workbook does to a plan: its rows grouped into problem → cause → measure →
// goals (by the same rule as the demo data), matched to the plan's rows by the stable ids of a
// file exported from here, and the result as a list of changes for the preview. Rows without
// ids, or with ids of another plan, are new. Nothing in the plan is deleted by an import: what
// is not in the file is listed as staying. Pure.

import type { ImportSheet } from "./import";
import { toMeasure, type DraftMeasure } from "./seed-rows";
import { normalizeText } from "./text";
import type { AreaNode, CentralArea, Deadline, ResponsibleParty } from "./types";

export type PlannedGoal = { id: string | null; description: string; targetValue: number | null };
export type PlannedMeasure = Omit<DraftMeasure, "goals" | "position" | "whenText" | "followUp"> & { id: string | null; sheet: string; row: number; goals: PlannedGoal[] };
export type PlannedCause = { id: string | null; description: string; measures: PlannedMeasure[] };
export type PlannedProblem = { id: string | null; collectiveName: string | null; description: string; causes: PlannedCause[] };
export type PlannedArea = { id: string | null; centralArea: CentralArea | null; name: string; sheet: string; problems: PlannedProblem[] };

const norm = (s: string | null) => normalizeText(s ?? "").toLocaleLowerCase("sv-SE");
const has = (s: string | null) => (s ?? "").trim() !== "";

/** The plan's ids by level, with each row's parent, to match a file's ids only where they belong. */
function index(areas: readonly AreaNode[]) {
  const parent = new Map<string, string>();
  const goalsOf = new Map<string, string[]>();
  for (const a of areas)
    for (const p of a.problems) {
      parent.set(p.id, a.id);
      for (const c of p.causes) {
        parent.set(c.id, p.id);
        for (const m of c.measures) {
          parent.set(m.id, c.id);
          goalsOf.set(m.id, m.goals.map((g) => g.id));
        }
      }
    }
  return { under: (id: string | null | undefined, parentId: string | null) => (id && parentId && parent.get(id) === parentId ? id : null), goalsOf };
}

/** A sheet that is neither a central area nor one of the plan's own areas (by name): it would add an own area. */
export function isNewOwnArea(sheet: ImportSheet, current: readonly AreaNode[]): boolean {
  return sheet.area.centralArea === null && !current.some((a) => a.centralArea === null && norm(a.name) === norm(sheet.area.name));
}

/** What is written: every sheet of a central or existing area, a new own area only when the user chose it (by sheet index). */
export function sheetsToWrite(sheets: readonly ImportSheet[], current: readonly AreaNode[], chosen: ReadonlySet<number>): ImportSheet[] {
  return sheets.filter((s, i) => !isNewOwnArea(s, current) || chosen.has(i));
}

/**
 * The import as a tree to write: each sheet into its area (a central area, an own area of the
 * same name, or a new own area), rows grouped by id where the file has the plan's ids and by
 * text otherwise, in file order.
 */
export function planImport(sheets: readonly ImportSheet[], current: readonly AreaNode[], planYear: number): PlannedArea[] {
  const ids = index(current);
  return sheets.map((sheet) => {
    const area =
      current.find((a) => sheet.area.centralArea !== null && a.centralArea === sheet.area.centralArea) ??
      current.find((a) => sheet.area.centralArea === null && a.centralArea === null && norm(a.name) === norm(sheet.area.name));
    const out: PlannedArea = { id: area?.id ?? null, centralArea: sheet.area.centralArea, name: area?.name ?? sheet.area.name, sheet: sheet.sheet, problems: [] };
    const problemBy = new Map<string, PlannedProblem>();
    const causeBy = new Map<PlannedProblem, Map<string, PlannedCause>>();
    for (const row of sheet.rows) {
      const pid = ids.under(row.ids?.problemId, out.id);
      const pText = `t:${norm(row.problem)}`;
      let problem = (pid && problemBy.get(`i:${pid}`)) || problemBy.get(pText);
      if (!problem) {
        problem = { id: pid, collectiveName: has(row.collectiveName) ? row.collectiveName!.trim() : null, description: (row.problem ?? "").trim(), causes: [] };
        out.problems.push(problem);
        causeBy.set(problem, new Map());
      }
      if (pid) problemBy.set(`i:${pid}`, problem);
      if (!problemBy.has(pText)) problemBy.set(pText, problem);
      if (problem.collectiveName === null && has(row.collectiveName)) problem.collectiveName = row.collectiveName!.trim();
      if (!has(row.cause)) continue;

      const causes = causeBy.get(problem)!;
      const cid = ids.under(row.ids?.causeId, problem.id);
      const cText = `t:${norm(row.cause)}`;
      let cause = (cid && causes.get(`i:${cid}`)) || causes.get(cText);
      if (!cause) {
        cause = { id: cid, description: row.cause!.trim(), measures: [] };
        problem.causes.push(cause);
      }
      if (cid) causes.set(`i:${cid}`, cause);
      if (!causes.has(cText)) causes.set(cText, cause);
      if (!has(row.measure)) continue;

      const draft = toMeasure(row, cause.measures.length, planYear);
      const mid = ids.under(row.ids?.measureId, cause.id);
      const knownGoals = mid ? (ids.goalsOf.get(mid) ?? []) : [];
      const goalIds = row.ids?.goalIds ?? [];
      cause.measures.push({
        id: mid,
        sheet: sheet.sheet,
        row: row.rowNumber,
        description: draft.description,
        kind: draft.kind,
        withPolice: draft.withPolice,
        deadline: draft.deadline,
        responsibleParties: draft.responsibleParties,
        youthStrategy: draft.youthStrategy,
        violentExtremism: draft.violentExtremism,
        goals: draft.goals.map((g, i) => ({ id: goalIds[i] && knownGoals.includes(goalIds[i]!) ? goalIds[i]! : null, description: g.description, targetValue: g.targetValue })),
      });
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// The preview: what will be created and changed, and what stays as it is.

export type FieldChange = { field: string; before: string; after: string };
export type ImportChange = {
  op: "create" | "update";
  level: "area" | "problem" | "cause" | "measure" | "goal";
  areaName: string;
  /** The new or changed text, as the user recognises the row. */
  text: string;
  id: string | null;
  sheet: string;
  row: number | null;
  fields: FieldChange[];
};

const deadlineText = (d: Deadline) => (d.kind === "DATE" ? d.date : d.kind === "ONGOING" ? "Linjearbete" : (d.note ?? ""));
const partiesText = (ps: readonly ResponsibleParty[]) => ps.map((p) => (p.role ? `${p.organisation} (${p.role})` : p.organisation)).join("; ");

/** Every change the import makes, in file order; unchanged matched rows are not listed. */
export function importChanges(planned: readonly PlannedArea[], current: readonly AreaNode[]): ImportChange[] {
  const changes: ImportChange[] = [];
  const byId = new Map<string, { description: string; collectiveName?: string | null; deadline?: Deadline; parties?: ResponsibleParty[] }>();
  for (const a of current)
    for (const p of a.problems) {
      byId.set(p.id, { description: p.description, collectiveName: p.collectiveName });
      for (const c of p.causes) {
        byId.set(c.id, { description: c.description });
        for (const m of c.measures) {
          byId.set(m.id, { description: m.description, deadline: m.deadline, parties: m.responsibleParties });
          for (const g of m.goals) byId.set(g.id, { description: g.description });
        }
      }
    }
  const field = (out: FieldChange[], name: string, before: string, after: string) => {
    if (normalizeText(before) !== normalizeText(after)) out.push({ field: name, before, after });
  };
  for (const a of planned) {
    if (a.id === null) changes.push({ op: "create", level: "area", areaName: a.name, text: a.name, id: null, sheet: a.sheet, row: null, fields: [] });
    for (const p of a.problems) {
      const firstRow = p.causes[0]?.measures[0]?.row ?? null;
      const was = p.id ? byId.get(p.id) : undefined;
      if (!was) changes.push({ op: "create", level: "problem", areaName: a.name, text: p.description, id: null, sheet: a.sheet, row: firstRow, fields: [] });
      else {
        const fields: FieldChange[] = [];
        field(fields, "Samlingsnamn", was.collectiveName ?? "", p.collectiveName ?? "");
        field(fields, "Problem", was.description, p.description);
        if (fields.length) changes.push({ op: "update", level: "problem", areaName: a.name, text: p.description, id: p.id, sheet: a.sheet, row: firstRow, fields });
      }
      for (const c of p.causes) {
        const wasC = c.id ? byId.get(c.id) : undefined;
        const row = c.measures[0]?.row ?? firstRow;
        if (!wasC) changes.push({ op: "create", level: "cause", areaName: a.name, text: c.description, id: null, sheet: a.sheet, row, fields: [] });
        else if (normalizeText(wasC.description) !== normalizeText(c.description))
          changes.push({ op: "update", level: "cause", areaName: a.name, text: c.description, id: c.id, sheet: a.sheet, row, fields: [{ field: "Orsak", before: wasC.description, after: c.description }] });
        for (const m of c.measures) {
          const wasM = m.id ? byId.get(m.id) : undefined;
          if (!wasM) changes.push({ op: "create", level: "measure", areaName: a.name, text: m.description, id: null, sheet: m.sheet, row: m.row, fields: [] });
          else {
            const fields: FieldChange[] = [];
            field(fields, "Åtgärd", wasM.description, m.description);
            field(fields, "När", deadlineText(wasM.deadline!), deadlineText(m.deadline));
            field(fields, "Vem", partiesText(wasM.parties!), partiesText(m.responsibleParties));
            if (fields.length) changes.push({ op: "update", level: "measure", areaName: a.name, text: m.description, id: m.id, sheet: m.sheet, row: m.row, fields });
          }
          for (const g of m.goals) {
            const wasG = g.id ? byId.get(g.id) : undefined;
            if (!wasG) changes.push({ op: "create", level: "goal", areaName: a.name, text: g.description, id: null, sheet: m.sheet, row: m.row, fields: [] });
            else if (normalizeText(wasG.description) !== normalizeText(g.description))
              changes.push({ op: "update", level: "goal", areaName: a.name, text: g.description, id: g.id, sheet: m.sheet, row: m.row, fields: [{ field: "Operativt mål", before: wasG.description, after: g.description }] });
          }
        }
      }
    }
  }
  return changes;
}

/** Rows of the plan that the file does not have: they stay as they are (an import never deletes). */
export function notInFile(planned: readonly PlannedArea[], current: readonly AreaNode[]): { level: "problem" | "cause" | "measure" | "goal"; areaName: string; text: string }[] {
  const seen = new Set<string>();
  for (const a of planned)
    for (const p of a.problems) {
      if (p.id) seen.add(p.id);
      for (const c of p.causes) {
        if (c.id) seen.add(c.id);
        for (const m of c.measures) {
          if (m.id) seen.add(m.id);
          for (const g of m.goals) if (g.id) seen.add(g.id);
        }
      }
    }
  const out: ReturnType<typeof notInFile> = [];
  for (const a of current)
    for (const p of a.problems) {
      if (!seen.has(p.id)) out.push({ level: "problem", areaName: a.name, text: p.description });
      for (const c of p.causes) {
        if (seen.has(p.id) && !seen.has(c.id)) out.push({ level: "cause", areaName: a.name, text: c.description });
        for (const m of c.measures) {
          if (seen.has(c.id) && !seen.has(m.id)) out.push({ level: "measure", areaName: a.name, text: m.description });
          for (const g of m.goals) if (seen.has(m.id) && !seen.has(g.id)) out.push({ level: "goal", areaName: a.name, text: g.description });
        }
      }
    }
  return out;
}

/** "12 nya åtgärder" etc. per level, for the preview's headline. */
export function countChanges(changes: readonly ImportChange[]) {
  const n = { create: { area: 0, problem: 0, cause: 0, measure: 0, goal: 0 }, update: { area: 0, problem: 0, cause: 0, measure: 0, goal: 0 } };
  for (const c of changes) n[c.op][c.level] += 1;
  return n;
}
