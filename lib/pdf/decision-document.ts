import "server-only";
import PDFDocument from "pdfkit";
import {
  AREA_COLUMNS,
  areaCountsLine,
  continuedTitle,
  decisionLines,
  documentRows,
  documentTitle,
  DOCUMENT_TEXTS,
  pageLabel,
  SIGNATURE_COLUMNS,
  SIGNATURE_STATE_LABELS,
  signaturesLine,
  SUMMARY_COLUMNS,
  type DocumentRow,
  type PlanForDocument,
  versionLine,
} from "@/lib/pdf/document";
import { toWinAnsi, wrapText } from "@/lib/pdf/text";
import { totalOf } from "@/lib/domain/summary";

export type { PlanForDocument } from "@/lib/pdf/document";

// The decision document as a PDF (A4 landscape): a title page with the decisions and contents,
// one table per area (each area on a new page; a table going on to the next page repeats the
// area's name with "(forts.)" and the column headings), the summary, the police co-signatures,
// and "Sida N av M" on every page. Standard Helvetica (WinAnsi: å ä ö é are in it; other
// characters are written with toWinAnsi), nothing embedded.

const PAGE = { width: 841.89, height: 595.28 } as const; // A4 landscape, points
const MARGIN = { top: 42, bottom: 46, left: 36, right: 36 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const OBLIQUE = "Helvetica-Oblique";
const TABLE_SIZE = 8.5;
const LINE = TABLE_SIZE * 1.25;
const PAD = 4;
/** A row is split over two pages only when at least this many lines fit on the first. */
const MIN_SPLIT_LINES = 3;

const INK = "#1a1a1a";
const MUTED = "#4a4a4a";
const RULE = "#6b6b6b";
const HEADER_FILL = "#d9e2f3";
const TOTAL_FILL = "#eeeeee";

type Font = typeof REGULAR | typeof BOLD | typeof OBLIQUE;
type Paragraph = { text: string; font?: Font };
type Cell = Paragraph[];
type Line = { text: string; font: Font };
type Column = { heading: string; width: number; align?: "left" | "right" };
type Row = {
  cells: Cell[];
  /** The cells when the row is the first on a page (the problem and cause shown again). */
  firstOnPage?: Cell[];
  fill?: string;
};

/** Column widths from weights, filling the content width exactly. */
function columns(headings: readonly string[], weights: readonly number[], rightFrom = Infinity): Column[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return headings.map((heading, i) => ({ heading, width: (CONTENT_WIDTH * weights[i]!) / sum, align: i >= rightFrom ? "right" : "left" }));
}

const AREA_TABLE = columns(AREA_COLUMNS, [17.5, 17.5, 21.5, 21.5, 8, 14]);
const SUMMARY_TABLE = columns(SUMMARY_COLUMNS, [40, 15, 15, 15, 15], 1);
const SIGNATURE_TABLE = columns(SIGNATURE_COLUMNS, [18, 34, 10, 12, 17, 9]);

const text = (t: string, font: Font = REGULAR): Cell => (t.trim() === "" ? [] : [{ text: t, font }]);

class Writer {
  readonly doc: PDFKit.PDFDocument;
  y: number = MARGIN.top;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  width(t: string, font: Font, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(t);
  }

  /** Writes one line at (x, y) without any wrapping or page break of pdfkit's own. */
  put(t: string, x: number, y: number, font: Font, size: number, color = INK) {
    this.doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(t), x, y, { lineBreak: false });
  }

  /** A wrapped paragraph at the left margin, moving y down. */
  paragraph(t: string, font: Font, size: number, color = INK, after = 4) {
    const lineHeight = size * 1.3;
    for (const line of wrapText(toWinAnsi(t), CONTENT_WIDTH, (s) => this.width(s, font, size))) {
      this.put(line, MARGIN.left, this.y, font, size, color);
      this.y += lineHeight;
    }
    this.y += after;
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  lines(cell: Cell, width: number): Line[] {
    const out: Line[] = [];
    for (const p of cell) {
      const font = p.font ?? REGULAR;
      for (const l of wrapText(toWinAnsi(p.text), width - 2 * PAD, (s) => this.width(s, font, TABLE_SIZE))) out.push({ text: l, font });
    }
    return out;
  }

  layout(cells: Cell[], cols: Column[]): Line[][] {
    return cols.map((c, i) => this.lines(cells[i] ?? [], c.width));
  }

  static rowHeight(lines: Line[][]): number {
    return Math.max(1, ...lines.map((l) => l.length)) * LINE + 2 * PAD;
  }

  drawRow(lines: Line[][], cols: Column[], fill?: string) {
    const height = Writer.rowHeight(lines);
    let x = MARGIN.left;
    this.doc.lineWidth(0.5);
    for (const [i, col] of cols.entries()) {
      if (fill) this.doc.rect(x, this.y, col.width, height).fillAndStroke(fill, RULE);
      else this.doc.rect(x, this.y, col.width, height).stroke(RULE);
      for (const [n, line] of (lines[i] ?? []).entries()) {
        const lx = col.align === "right" ? x + col.width - PAD - this.width(line.text, line.font, TABLE_SIZE) : x + PAD;
        this.put(line.text, lx, this.y + PAD + n * LINE, line.font, TABLE_SIZE);
      }
      x += col.width;
    }
    this.y += height;
  }

  headerLines(cols: Column[]): Line[][] {
    return this.layout(
      cols.map((c) => text(c.heading, BOLD)),
      cols,
    );
  }

  heading(t: string, size = 14) {
    this.paragraph(t, BOLD, size, INK, 6);
  }

  /**
   * A table under a heading: `title` is drawn by the caller on the first page; every page the
   * table goes on to starts with "{title} (forts.)" and the column headings again. A row taller
   * than what is left of the page moves to the next page, or is split when it would not fit on
   * a page of its own.
   */
  table(title: string, cols: Column[], rows: Row[], fresh = false) {
    const header = this.headerLines(cols);
    const headerHeight = Writer.rowHeight(header);
    const continuedHeadingHeight = 14 * 1.3 + 6;
    const freshRoom = BOTTOM - (MARGIN.top + continuedHeadingHeight + headerHeight);
    const continuePage = () => {
      this.newPage();
      this.heading(continuedTitle(title));
      this.drawRow(header, cols, HEADER_FILL);
    };
    if (!fresh && this.y + headerHeight + Writer.rowHeight([[]]) + LINE * 2 > BOTTOM) continuePage();
    else this.drawRow(header, cols, HEADER_FILL);

    let firstOnPage = true;
    for (const row of rows) {
      let lines = this.layout(firstOnPage && row.firstOnPage ? row.firstOnPage : row.cells, cols);
      let split = false;
      for (;;) {
        const need = Writer.rowHeight(lines);
        const room = BOTTOM - this.y;
        if (need <= room) {
          this.drawRow(lines, cols, row.fill);
          firstOnPage = false;
          break;
        }
        const fitting = Math.floor((room - 2 * PAD) / LINE);
        if (!firstOnPage && (need <= freshRoom || fitting < MIN_SPLIT_LINES)) {
          continuePage();
          firstOnPage = true;
          if (!split) lines = this.layout(row.firstOnPage ?? row.cells, cols);
          continue;
        }
        // Taller than a page: as many lines as fit here, the rest on the next page.
        this.drawRow(
          lines.map((l) => l.slice(0, fitting)),
          cols,
          row.fill,
        );
        lines = lines.map((l) => {
          const rest = l.slice(fitting);
          while (rest.length > 0 && rest[0]!.text === "") rest.shift();
          return rest;
        });
        split = true;
        continuePage();
        firstOnPage = true;
      }
    }
  }
}

/** The area's rows: the problem and cause on the first row of each, and again at the top of a page. */
function areaTableRows(rows: DocumentRow[]): Row[] {
  return rows.map((r, i) => {
    const prev = i > 0 ? rows[i - 1] : undefined;
    const problemCell: Cell = [...(r.collectiveName ? text(r.collectiveName, BOLD) : []), ...text(r.problem)];
    const causeCell = text(r.cause);
    const rest: Cell[] = [
      text(r.measure),
      r.goals.flatMap((g) => text(g)),
      text(r.when),
      r.who.flatMap((w) => text(w)),
    ];
    const newProblem = prev?.problemKey !== r.problemKey;
    const newCause = newProblem || prev?.causeKey !== r.causeKey;
    return {
      cells: [newProblem ? problemCell : [], newCause ? causeCell : [], ...rest],
      firstOnPage: [problemCell, causeCell, ...rest],
    };
  });
}

function titlePage(w: Writer, plan: PlanForDocument): { tocY: number[] } {
  w.paragraph(DOCUMENT_TEXTS.appendix.toLocaleUpperCase("sv-SE"), BOLD, 10, MUTED, 10);
  w.paragraph(documentTitle(plan), BOLD, 24, INK, 10);
  w.paragraph(DOCUMENT_TEXTS.law, REGULAR, 10.5, INK, 16);
  if (plan.confidentialNote) w.paragraph(plan.confidentialNote, BOLD, 10.5, INK, 16);

  w.heading("Beslut", 13);
  for (const line of decisionLines(plan.decisions)) w.paragraph(line, REGULAR, 11, INK, 2);
  w.y += 6;
  if (plan.versionNumber !== null) {
    w.paragraph(versionLine(plan.versionNumber), OBLIQUE, 9.5, MUTED, 14);
  } else {
    w.y += 10;
  }

  w.heading(DOCUMENT_TEXTS.contents, 13);
  const entries = [...plan.areas.map((a, i) => `${i + 1}. ${a.name}`), DOCUMENT_TEXTS.summary, DOCUMENT_TEXTS.signatures];
  const tocY: number[] = [];
  for (const entry of entries) {
    if (w.y + 14 > BOTTOM) break;
    tocY.push(w.y);
    w.put(entry, MARGIN.left, w.y, REGULAR, 11);
    w.y += 15;
  }
  return { tocY };
}

/** The index of the page being written (pages are only ever added at the end). */
function currentPage(w: Writer): number {
  const r = w.doc.bufferedPageRange();
  return r.start + r.count - 1;
}

function areaSection(w: Writer, plan: PlanForDocument, index: number): number {
  const area = plan.areas[index]!;
  w.newPage();
  const first = currentPage(w);
  w.doc.outline.addItem(toWinAnsi(area.name));
  w.heading(area.name);
  const counts = plan.summary.find((r) => r.areaId === area.id);
  if (counts) w.paragraph(`Prioriterat område ${index + 1} av ${plan.areas.length} · ${areaCountsLine(counts)}`, REGULAR, 9.5, MUTED, 6);
  const rows = documentRows(area);
  if (rows.length === 0) {
    w.paragraph(DOCUMENT_TEXTS.noProblems, OBLIQUE, 10.5);
    return first;
  }
  w.table(area.name, AREA_TABLE, areaTableRows(rows), true);
  return first;
}

function summarySection(w: Writer, plan: PlanForDocument): number {
  w.newPage();
  const first = currentPage(w);
  w.doc.outline.addItem(DOCUMENT_TEXTS.summary);
  w.heading(DOCUMENT_TEXTS.summary);
  w.paragraph("Antal problem, identifierade orsaker, åtgärder och operativa mål per prioriterat område i den beslutade planen.", REGULAR, 9.5, MUTED, 6);
  const total = totalOf(plan.summary);
  const num = (n: number) => text(String(n));
  const rows: Row[] = [
    ...plan.summary.map((r) => ({ cells: [text(r.areaName), num(r.problems), num(r.causes), num(r.measures), num(r.goals)] })),
    {
      cells: [text(DOCUMENT_TEXTS.total, BOLD), text(String(total.problems), BOLD), text(String(total.causes), BOLD), text(String(total.measures), BOLD), text(String(total.goals), BOLD)],
      fill: TOTAL_FILL,
    },
  ];
  w.table(DOCUMENT_TEXTS.summary, SUMMARY_TABLE, rows, true);
  return first;
}

function signatureSection(w: Writer, plan: PlanForDocument): number {
  w.y += 22;
  if (w.y + 120 > BOTTOM) w.newPage();
  const first = currentPage(w);
  w.doc.outline.addItem(DOCUMENT_TEXTS.signatures);
  w.heading(DOCUMENT_TEXTS.signatures);
  if (plan.signatures.length === 0) {
    w.paragraph(DOCUMENT_TEXTS.noSignatures, REGULAR, 10.5);
    return first;
  }
  w.paragraph(`${signaturesLine(plan.signatures)} Bara en underskrift av åtgärdens beslutade lydelse räknas.`, REGULAR, 9.5, MUTED, 6);
  const rows: Row[] = plan.signatures.map((s) => ({
    cells: [text(s.areaName), text(s.measure), text(SIGNATURE_STATE_LABELS[s.state], s.state === "SIGNED" ? REGULAR : BOLD), text(s.signedBy ?? "–"), text(s.policeAreaName ?? "–"), text(s.signedOn ?? "–")],
  }));
  w.table(DOCUMENT_TEXTS.signatures, SIGNATURE_TABLE, rows, true);
  return first;
}

/** Page numbers, the running footer, and the contents' page numbers, once every page exists. */
function finish(w: Writer, plan: PlanForDocument, tocY: number[], sectionPages: number[]) {
  const { start, count } = w.doc.bufferedPageRange();
  const footerY = PAGE.height - MARGIN.bottom + 18;
  const footerLeft = `${documentTitle(plan)} · ${DOCUMENT_TEXTS.appendix}`;
  for (let i = start; i < start + count; i++) {
    w.doc.switchToPage(i);
    const bottomMargin = w.doc.page.margins.bottom;
    w.doc.page.margins.bottom = 0; // writing below the bottom margin must not start a new page
    w.doc.lineWidth(0.5).moveTo(MARGIN.left, footerY - 5).lineTo(PAGE.width - MARGIN.right, footerY - 5).stroke(RULE);
    w.put(footerLeft, MARGIN.left, footerY, REGULAR, 8, MUTED);
    const label = pageLabel(i - start + 1, count);
    w.put(label, PAGE.width - MARGIN.right - w.width(label, REGULAR, 8), footerY, REGULAR, 8, MUTED);
    w.doc.page.margins.bottom = bottomMargin;
  }
  w.doc.switchToPage(start);
  tocY.forEach((y, i) => {
    const page = sectionPages[i];
    if (page === undefined) return;
    const label = `sida ${page - start + 1}`;
    w.put(label, MARGIN.left + 520 - w.width(label, REGULAR, 11), y, REGULAR, 11);
  });
}

/** The decision document of a decided plan as a PDF file. */
export function renderDecisionDocument(plan: PlanForDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: MARGIN,
    bufferPages: true,
    lang: "sv-SE",
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${documentTitle(plan)} – ${DOCUMENT_TEXTS.appendix}`),
      Author: toWinAnsi(plan.districtName),
      Subject: toWinAnsi(DOCUMENT_TEXTS.appendix),
      Creator: "Trygghetsplan",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = new Writer(doc);
  const { tocY } = titlePage(w, plan);
  const sectionPages = plan.areas.map((_, i) => areaSection(w, plan, i));
  sectionPages.push(summarySection(w, plan));
  sectionPages.push(signatureSection(w, plan));
  finish(w, plan, tocY, sectionPages);
  doc.end();
  return done;
}
