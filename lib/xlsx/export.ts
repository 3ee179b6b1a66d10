import "server-only";
import ExcelJS from "exceljs";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { CENTRAL_AREAS, type AreaNode, type SummaryRow } from "@/lib/domain/types";
import { totalOf } from "@/lib/domain/summary";
import { confidentialNote, countConfidential, omitConfidential } from "@/lib/domain/confidential";
import {
  areaRows,
  COLUMNS,
  ID_COLUMN,
  INSTRUCTION_TEXT,
  INSTRUCTION_TITLE,
  KNOWLEDGE_LINKS,
  SHEETS,
  sheetName,
  SUMMARY_HEADINGS,
  summaryCells,
} from "@/lib/domain/workbook";

export type PlanForExport = {
  districtName: string;
  year: number;
  areas: AreaNode[];
  summary: SummaryRow[];
  /** The year-end round's text per measure, if any. */
  followUpOf?: (measureId: string) => string | null;
};

const BOLD = { bold: true } as const;
const WRAP = { wrapText: true, vertical: "top" } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } } as const;
const HELP_FONT = { italic: true, color: { argb: "FF444444" } } as const;

function instructionSheet(wb: ExcelJS.Workbook, year: number, districtName: string, note: string | null) {
  const ws = wb.addWorksheet(SHEETS.instruction);
  ws.getColumn(1).width = 120;
  ws.addRow([`${INSTRUCTION_TITLE(year)} – ${districtName}`]).font = { bold: true, size: 16 };
  ws.addRow([]);
  if (note) {
    ws.addRow([note]).font = BOLD;
    ws.addRow([]);
  }
  for (const p of INSTRUCTION_TEXT) {
    ws.addRow([p]).alignment = WRAP;
    ws.addRow([]);
  }
  ws.addRow(["Ta gärna stöd av:"]).font = BOLD;
  for (const l of KNOWLEDGE_LINKS) ws.addRow([{ text: l.name, hyperlink: l.url }]).font = { color: { argb: "FF0B57D0" }, underline: true };
}

/** One area in the template's layout: title, headings, help texts, then one row per measure. */
function areaSheet(wb: ExcelJS.Workbook, name: string, area: AreaNode, followUpOf: PlanForExport["followUpOf"]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3, xSplit: 0 }] });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const idCol = ws.getColumn(COLUMNS.length + 1);
  idCol.width = ID_COLUMN.width;
  idCol.hidden = true;

  ws.addRow([area.name]).font = { bold: true, size: 14 };
  const headings = ws.addRow([...COLUMNS.map((c) => c.heading), ID_COLUMN.heading]);
  headings.font = BOLD;
  headings.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = WRAP;
  });
  const help = ws.addRow([...COLUMNS.map((c) => c.help), "Används när filen läses in igen."]);
  help.font = HELP_FONT;
  help.alignment = WRAP;

  for (const r of areaRows(area, followUpOf)) {
    const when = "date" in r.when ? new Date(`${r.when.date}T00:00:00Z`) : r.when.text;
    const row = ws.addRow([r.collectiveName, r.problem, r.cause, r.measure, r.goals, when, r.who, r.followUp, r.ids]);
    row.alignment = WRAP;
    if (when instanceof Date) row.getCell(6).numFmt = "yyyy-mm-dd";
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
}

function summarySheet(wb: ExcelJS.Workbook, rows: SummaryRow[]) {
  const ws = wb.addWorksheet(SHEETS.summary, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = SUMMARY_HEADINGS.map((h, i) => ({ header: h, width: i === 0 ? 45 : 16 }));
  ws.getRow(1).font = BOLD;
  ws.getRow(1).alignment = WRAP;
  for (const r of rows) ws.addRow(summaryCells(r));
  const t = totalOf(rows);
  ws.addRow(summaryCells({ areaName: "Totalt", ...t })).font = BOLD;
}

/**
 * The plan as a workbook in the city's template: instruction, one sheet per area in order, summary.
 * A file is a public document: measures with sekretess are never in it (the instruction sheet
 * says how many were left out); `summary` must be counted without them too.
 */
export async function planWorkbook(plan: PlanForExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Trygghetsplan";
  wb.title = `${INSTRUCTION_TITLE(plan.year)} – ${plan.districtName}`;
  instructionSheet(wb, plan.year, plan.districtName, confidentialNote(countConfidential(plan.areas)));
  const taken = new Set<string>([SHEETS.instruction, SHEETS.summary]);
  for (const area of omitConfidential(plan.areas)) {
    const name = sheetName(area.name, taken);
    taken.add(name);
    areaSheet(wb, name, area, plan.followUpOf);
  }
  summarySheet(wb, plan.summary);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type DistrictPlanForExport = { districtName: string; status: string; areas: AreaNode[]; summary: SummaryRow[] };

/**
 * Every district's plan of one year in one workbook, for the city-wide review group: one sheet
 * per central area (own areas together on one sheet) with the district in the first column,
 * and a summary sheet with the counts per district and area.
 */
export async function cityWorkbook(year: number, plans: readonly DistrictPlanForExport[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Trygghetsplan";
  wb.title = `Åtgärdsplaner ${year} – alla stadsdelsområden`;
  const groups = [
    ...CENTRAL_AREAS.map((c) => ({ name: CENTRAL_AREA_NAMES[c], pick: (a: AreaNode) => a.centralArea === c, own: false })),
    { name: "Egna områden", pick: (a: AreaNode) => a.centralArea === null, own: true },
  ];
  const taken = new Set<string>([SHEETS.summary]);
  // Public like every file: no measure with sekretess (the summary sheet says how many were left out).
  const omitted = plans.reduce((n, p) => n + countConfidential(p.areas), 0);
  const open = plans.map((p) => ({ ...p, areas: omitConfidential(p.areas) }));
  for (const g of groups) {
    const name = sheetName(g.name, taken);
    taken.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2, xSplit: 1 }] });
    const columns = [{ heading: "Stadsdelsområde", width: 22 }, ...(g.own ? [{ heading: "Område", width: 28 }] : []), ...COLUMNS.map((c) => ({ heading: c.heading, width: c.width }))];
    columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    ws.addRow([`${g.name} – ${year}`]).font = { bold: true, size: 14 };
    const head = ws.addRow(columns.map((c) => c.heading));
    head.font = BOLD;
    head.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = WRAP;
    });
    for (const plan of open)
      for (const area of plan.areas.filter(g.pick))
        for (const r of areaRows(area)) {
          const when = "date" in r.when ? new Date(`${r.when.date}T00:00:00Z`) : r.when.text;
          const row = ws.addRow([plan.districtName, ...(g.own ? [area.name] : []), r.collectiveName, r.problem, r.cause, r.measure, r.goals, when, r.who, r.followUp]);
          row.alignment = WRAP;
          if (when instanceof Date) row.getCell(g.own ? 8 : 7).numFmt = "yyyy-mm-dd";
        }
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  }
  const ws = wb.addWorksheet(SHEETS.summary, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = ["Stadsdelsområde", "Status", ...SUMMARY_HEADINGS].map((h, i) => ({ header: h, width: i < 3 ? 30 : 16 }));
  ws.getRow(1).font = BOLD;
  for (const plan of plans) {
    for (const r of plan.summary) ws.addRow([plan.districtName, plan.status, ...summaryCells(r)]);
    ws.addRow([plan.districtName, plan.status, ...summaryCells({ areaName: "Totalt", ...totalOf(plan.summary) })]).font = BOLD;
  }
  const note = confidentialNote(omitted);
  if (note) {
    ws.addRow([]);
    ws.addRow([note]).font = BOLD;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
