// Reading a workbook in the city's template: the sheets as grids of cell texts (merged cells
// already filled in by lib/xlsx) → rows of the template's columns with their sheet and row
// number → areas, and every row that cannot be read with its reason. Pure.

import { centralAreaForName, CENTRAL_AREA_NAMES } from "./areas";
import type { SeedRow } from "./seed-rows";
import { findPersonalData, personalDataMessage } from "./personal-data";
import { normalizeText } from "./text";
import { CENTRAL_AREAS, type CentralArea } from "./types";
import { COLUMNS, ID_COLUMN, parseRowIds, SHEETS, type RowIds } from "./workbook";

/** A sheet as the reader gives it: rows[r][c] is the text of row r+1, column c+1 (null when empty). */
export type SheetGrid = { name: string; rows: (string | null)[][] };

export const IMPORT_LIMITS = { rowsPerSheet: 2000, sheets: 40, cellChars: 10_000, headerSearchRows: 40 } as const;

export type ImportIssue = { sheet: string; row: number | null; reason: string };
export type ImportRow = SeedRow & { sheet: string; rowNumber: number; ids: RowIds | null };
export type ImportSheet = {
  sheet: string;
  /** The plan's area it goes into: a central area, or the district's own area by this name. */
  area: { centralArea: CentralArea; name: string } | { centralArea: null; name: string };
  rows: ImportRow[];
};

type Field = "collectiveName" | "problem" | "cause" | "measure" | "goals" | "when" | "responsible" | "followUp" | "ids";
export type HeaderMap = { row: number; columns: Partial<Record<Field, number>> };

const key = (s: string | null | undefined) => normalizeText(s ?? "").toLocaleLowerCase("sv-SE");
const startsWithAny = (text: string, prefixes: readonly string[]) => prefixes.some((p) => text === p || text.startsWith(`${p} `) || text.startsWith(`${p}\n`) || text.startsWith(p));

const HEADINGS: Record<Exclude<Field, "problem" | "collectiveName">, readonly string[]> = {
  cause: ["orsak"],
  measure: ["åtgärd"],
  goals: ["operativa mål", "operativt mål"],
  when: ["när"],
  responsible: ["vem"],
  followUp: ["uppföljning"],
  ids: [key(ID_COLUMN.heading)],
};
const PROBLEM_HEADINGS = ["problem", "samlingsnamn / problem", "ange identifierat problemområde"];
const COLLECTIVE_HEADINGS = ["samlingsnamn"];

/**
 * The header row: the first row (among the first 40) with both "Orsak" and "Åtgärd", in any
 * column. The problem column is headed "Problem" (or the template's help text), else it is the
 * column just left of "Orsak" (the real template heads it with the area's name); "Samlingsnamn"
 * may head the column left of that, in the header row or the row below it.
 */
export function findHeader(grid: SheetGrid): HeaderMap | null {
  const last = Math.min(grid.rows.length, IMPORT_LIMITS.headerSearchRows);
  for (let r = 0; r < last; r++) {
    const cells = (grid.rows[r] ?? []).map(key);
    const find = (prefixes: readonly string[]) => {
      const c = cells.findIndex((t) => t !== "" && startsWithAny(t, prefixes));
      return c === -1 ? undefined : c;
    };
    const cause = find(HEADINGS.cause);
    const measure = cells.findIndex((t, c) => c !== cause && t !== "" && startsWithAny(t, HEADINGS.measure));
    if (cause === undefined || measure === -1) continue;
    const columns: HeaderMap["columns"] = { cause, measure };
    for (const f of ["goals", "when", "responsible", "followUp", "ids"] as const) {
      const c = find(HEADINGS[f]);
      if (c !== undefined) columns[f] = c;
    }
    const named = cells.findIndex((t, c) => c < cause && t !== "" && !startsWithAny(t, COLLECTIVE_HEADINGS) && startsWithAny(t, PROBLEM_HEADINGS));
    columns.problem = named !== -1 ? named : cause - 1 >= 0 ? cause - 1 : undefined;
    if (columns.problem === undefined) continue;
    const below = (grid.rows[r + 1] ?? []).map(key);
    const left = columns.problem - 1;
    if (left >= 0 && (startsWithAny(cells[left] ?? "", COLLECTIVE_HEADINGS) || startsWithAny(below[left] ?? "", COLLECTIVE_HEADINGS))) columns.collectiveName = left;
    return { row: r, columns };
  }
  return null;
}

/** The template's help-text row under the headings is not content. */
const HELP_TEXTS = COLUMNS.map((c) => key(c.help).slice(0, 24)).concat(["ange identifierat problemområde", "beskriv orsaken till problemet", "koppla åtgärd mot respektive orsak", "koppla operativa mål", "ange tid för när", "ange vem som", "beskriv vad som har genomförts"]);
function isHelpRow(cells: string[]): boolean {
  const filled = cells.filter((t) => t !== "");
  return filled.length > 0 && filled.filter((t) => HELP_TEXTS.some((h) => t.startsWith(h) || t.includes(h))).length >= Math.ceil(filled.length / 2);
}

/** Excel's error values in a cell: the row cannot be read. */
const ERROR_VALUE = /^#(?:REF!|VALUE!|NAME\?|DIV\/0!|N\/A|NUM!|NULL!)$/;

/** The sheet's content rows below the header, each with its row number, and the rows that cannot be read. */
export function readSheet(grid: SheetGrid, header: HeaderMap): { rows: ImportRow[]; issues: ImportIssue[] } {
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  const cell = (r: (string | null)[], f: Field) => {
    const c = header.columns[f];
    return c === undefined ? null : (r[c] ?? null);
  };
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? [];
    const cells = raw.map((t) => (t ?? "").trim());
    if (cells.every((t) => t === "")) continue;
    if (r <= header.row + 2 && isHelpRow(cells.map((t) => key(t)))) continue;
    const rowNumber = r + 1;
    const bad = cells.find((t) => ERROR_VALUE.test(t));
    if (bad) {
      issues.push({ sheet: grid.name, row: rowNumber, reason: `Cellen har felvärdet ${bad} (en formel som inte går att räkna ut).` });
      continue;
    }
    const long = cells.findIndex((t) => t.length > IMPORT_LIMITS.cellChars);
    if (long !== -1) {
      issues.push({ sheet: grid.name, row: rowNumber, reason: `En cell har mer än ${IMPORT_LIMITS.cellChars.toLocaleString("sv-SE")} tecken.` });
      continue;
    }
    // Plans are public documents: a row naming a private person is not read (the guard of the editor).
    const personal = cells.flatMap((t) => findPersonalData(t));
    if (personal.length > 0) {
      issues.push({ sheet: grid.name, row: rowNumber, reason: personalDataMessage(personal) });
      continue;
    }
    const row: ImportRow = {
      sheet: grid.name,
      rowNumber,
      collectiveName: cell(raw, "collectiveName"),
      problem: cell(raw, "problem"),
      cause: cell(raw, "cause"),
      measure: cell(raw, "measure"),
      goals: cell(raw, "goals"),
      when: cell(raw, "when"),
      responsible: cell(raw, "responsible"),
      followUp: cell(raw, "followUp"),
      ids: parseRowIds(cell(raw, "ids")),
    };
    const has = (t: string | null) => (t ?? "").trim() !== "";
    if (!has(row.problem) && !has(row.collectiveName)) {
      if (!has(row.cause) && !has(row.measure) && !has(row.goals)) continue; // only a stray note in another column
      issues.push({ sheet: grid.name, row: rowNumber, reason: "Raden saknar problem: fyll i problemet (eller samlingsnamnet) för raden." });
      continue;
    }
    if (!has(row.problem)) row.problem = row.collectiveName;
    if (!has(row.measure) && has(row.goals)) {
      issues.push({ sheet: grid.name, row: rowNumber, reason: "Raden har operativa mål men ingen åtgärd." });
      continue;
    }
    if (!has(row.cause) && has(row.measure)) {
      issues.push({ sheet: grid.name, row: rowNumber, reason: "Raden har en åtgärd men ingen orsak: fyll i orsaken som åtgärden ska påverka." });
      continue;
    }
    rows.push(row);
  }
  return { rows, issues };
}

const SKIPPED_SHEETS = [SHEETS.instruction, SHEETS.summary, "analys", "instruktioner", "sammanfattning"].map(key);

/**
 * Which area a sheet is: a central area by its name (also a name cut at Excel's 31 characters,
 * or the area's name in the header row's problem column, as the real template has it), else the
 * district's own area by the sheet's name.
 */
export function areaOfSheet(grid: SheetGrid, header: HeaderMap): ImportSheet["area"] {
  const byName = centralAreaForName(grid.name);
  if (byName) return { centralArea: byName, name: CENTRAL_AREA_NAMES[byName] };
  const cut = key(grid.name);
  const prefix = cut.length >= 20 ? CENTRAL_AREAS.find((a) => key(CENTRAL_AREA_NAMES[a]).startsWith(cut)) : undefined;
  if (prefix) return { centralArea: prefix, name: CENTRAL_AREA_NAMES[prefix] };
  const heading = header.columns.problem === undefined ? null : (grid.rows[header.row]?.[header.columns.problem] ?? null);
  const byHeading = heading ? centralAreaForName(heading) : null;
  if (byHeading) return { centralArea: byHeading, name: CENTRAL_AREA_NAMES[byHeading] };
  for (let r = 0; r < header.row; r++) {
    for (const t of grid.rows[r] ?? []) {
      const a = t ? centralAreaForName(t) : null;
      if (a) return { centralArea: a, name: CENTRAL_AREA_NAMES[a] };
    }
  }
  return { centralArea: null, name: normalizeText(grid.name) };
}

/**
 * The whole workbook: every area sheet with its rows, the instruction and summary sheets
 * skipped, sheets without the template's headings and unreadable rows listed as issues.
 */
export function readWorkbook(sheets: readonly SheetGrid[]): { sheets: ImportSheet[]; issues: ImportIssue[] } {
  const out: ImportSheet[] = [];
  const issues: ImportIssue[] = [];
  if (sheets.length > IMPORT_LIMITS.sheets) {
    return { sheets: [], issues: [{ sheet: "", row: null, reason: `Filen har ${sheets.length} flikar; högst ${IMPORT_LIMITS.sheets} går att läsa in.` }] };
  }
  for (const grid of sheets) {
    if (SKIPPED_SHEETS.includes(key(grid.name))) continue;
    if (grid.rows.length > IMPORT_LIMITS.rowsPerSheet) {
      issues.push({ sheet: grid.name, row: null, reason: `Fliken har ${grid.rows.length.toLocaleString("sv-SE")} rader; högst ${IMPORT_LIMITS.rowsPerSheet.toLocaleString("sv-SE")} går att läsa in.` });
      continue;
    }
    const header = findHeader(grid);
    if (!header) {
      if (grid.rows.some((r) => r.some((t) => (t ?? "").trim() !== ""))) {
        issues.push({ sheet: grid.name, row: null, reason: "Fliken har ingen rad med kolumnrubrikerna Orsak och Åtgärd, så den läses inte in." });
      }
      continue;
    }
    const read = readSheet(grid, header);
    issues.push(...read.issues);
    const area = areaOfSheet(grid, header);
    // An own-area tab left empty (the template ships one) adds no area.
    if (area.centralArea === null && read.rows.length === 0) continue;
    const same = out.find((s) => s.area.centralArea === area.centralArea && (area.centralArea !== null || key(s.area.name) === key(area.name)));
    if (same) same.rows.push(...read.rows);
    else out.push({ sheet: grid.name, area, rows: read.rows });
  }
  return { sheets: out, issues };
}
