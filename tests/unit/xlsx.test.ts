// The Excel export written by exceljs and read back by exceljs (a real spreadsheet reader),
// then through the import reader: the template's layout, and every row found again by its id.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CENTRAL_AREA_NAMES } from "../../lib/domain/areas";
import { readWorkbook } from "../../lib/domain/import";
import { summarizeTree } from "../../lib/domain/summary";
import { CENTRAL_AREAS, type AreaNode } from "../../lib/domain/types";
import { COLUMNS, ID_COLUMN, parseRowIds, SHEETS } from "../../lib/domain/workbook";
import { cityWorkbook, planWorkbook } from "../../lib/xlsx/export";
import { checkWorkbookFile, readWorkbookGrids, WorkbookError } from "../../lib/xlsx/read";
import { seedPlanTree } from "../support/builders";


async function exported(areas: AreaNode[]) {
  const summary = summarizeTree({ id: "plan", areas }).rows;
  const bytes = await planWorkbook({ districtName: "Farsta", year: 2025, areas, summary, followUpOf: () => "Genomfört." });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { bytes, wb, summary };
}

const measuresOf = (a: AreaNode) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures));

describe("export in the template's layout", () => {
  it("has the instruction sheet, one sheet per area in order, and the summary last", async () => {
    const areas = seedPlanTree("farsta-2025");
    const { wb } = await exported(areas);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.instruction, ...areas.map((a) => a.name.slice(0, 31).trim()), SHEETS.summary]);
    const instruction = wb.getWorksheet(SHEETS.instruction)!;
    expect(String(instruction.getCell("A1").value)).toBe("Åtgärdsplan 2025 – Farsta");
    const links: string[] = [];
    instruction.eachRow((row) => {
      const v = row.getCell(1).value as { hyperlink?: string } | null;
      if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
    });
    expect(links).toContain("https://www.popcenter.org");
    expect(links).toHaveLength(7);
  });

  it("writes each area with headings, a help-text row, frozen headings, a hidden id column and one row per measure", async () => {
    const areas = seedPlanTree("farsta-2025");
    const { wb } = await exported(areas);
    for (const area of areas) {
      const ws = wb.worksheets.find((w) => area.name.startsWith(w.name))!;
      expect(String(ws.getCell("A1").value)).toBe(area.name);
      expect(ws.getRow(2).values).toEqual([undefined, ...COLUMNS.map((c) => c.heading), ID_COLUMN.heading]);
      expect(String(ws.getCell("C3").value)).toMatch(/^Beskriv orsaken/);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(ws.getColumn(COLUMNS.length + 1).hidden).toBe(true);
      expect(ws.getColumn(4).width).toBe(50);
      expect(ws.getRow(4).getCell(4).alignment).toMatchObject({ wrapText: true });
      expect(ws.rowCount - 3).toBe(measuresOf(area).length);
    }
  });

  it("numbers several goals, writes dates as date cells and ongoing work as Linjearbete", async () => {
    const areas = seedPlanTree("farsta-2025");
    const { wb } = await exported(areas);
    const all = areas.flatMap((a) => {
      const ws = wb.worksheets.find((w) => a.name.startsWith(w.name))!;
      return measuresOf(a).map((m, i) => ({ m, row: ws.getRow(4 + i) }));
    });
    const several = all.find(({ m }) => m.goals.length >= 3)!;
    expect(String(several.row.getCell(5).value)).toMatch(/^1\) .+\n2\) .+\n3\) /s);
    const dated = all.find(({ m }) => m.deadline.kind === "DATE")!;
    expect(dated.row.getCell(6).value).toBeInstanceOf(Date);
    expect(dated.row.getCell(6).numFmt).toBe("yyyy-mm-dd");
    expect((dated.row.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(dated.m.deadline.kind === "DATE" ? dated.m.deadline.date : "");
    const ongoing = all.find(({ m }) => m.deadline.kind === "ONGOING")!;
    expect(ongoing.row.getCell(6).value).toBe("Linjearbete");
    expect(several.row.getCell(8).value).toBe("Genomfört.");
    for (const { m, row } of all) expect(parseRowIds(String(row.getCell(9).value))?.measureId).toBe(m.id);
  });

  it("has the summary sheet with the counts and a total", async () => {
    const areas = seedPlanTree("farsta-2025");
    const { wb } = await exported(areas);
    const ws = wb.getWorksheet(SHEETS.summary)!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ["Prioriterat område", "Antal problem", "Antal identifierade orsaker", "Antal åtgärder", "Antal operativa mål"],
      ["Unga i riskzon för destruktivt beteende", 7, 7, 7, 12],
      ["Otrygga och brottsutsatta platser", 9, 10, 10, 16],
      ["Systemhotande brottslighet", 2, 3, 3, 3],
      ["Särskilt utsatta och sårbara brottsoffer", 7, 7, 7, 9],
      ["Kriminella miljöer och livsstilar", 5, 5, 5, 7],
      ["Totalt", 30, 32, 32, 47],
    ]);
  });
});

describe("reading the export back (the import's reader)", () => {
  it.each(["farsta-2025", "skarholmen-2025"] as const)("%s: every area sheet and every row is found again, with its ids", async (file) => {
    const areas = seedPlanTree(file);
    const { bytes } = await exported(areas);
    const { sheets, issues } = readWorkbook(await readWorkbookGrids(bytes));
    expect(issues).toEqual([]);
    expect(sheets.map((s) => s.area.name)).toEqual(areas.filter((a) => measuresOf(a).length > 0 || a.problems.length > 0).map((a) => a.name));
    for (const s of sheets) {
      const area = areas.find((a) => a.name === s.area.name)!;
      expect(s.area.centralArea).toBe(area.centralArea);
      expect(s.rows.map((r) => r.ids?.measureId)).toEqual(measuresOf(area).map((m) => m.id));
      expect(s.rows.map((r) => r.measure)).toEqual(measuresOf(area).map((m) => m.description));
    }
  });
});

describe("files that are refused before they are opened", () => {
  const refuse = async (bytes: Uint8Array) => {
    try {
      await checkWorkbookFile(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };

  it("an empty file, a text file, a password-protected (OLE) file, a corrupt zip, a file over 10 MB", async () => {
    expect(await refuse(new Uint8Array())).toBe("Filen är tom.");
    expect(await refuse(new TextEncoder().encode("Problem;Orsak;Åtgärd"))).toBe("Filen är inte en Excel-arbetsbok (.xlsx).");
    expect(await refuse(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/^Filen är lösenordsskyddad/);
    expect(await refuse(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBe("Filen är skadad och går inte att öppna som en Excel-arbetsbok.");
    expect(await refuse(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x50))).toBe("Filen är 10 MB; den får vara högst 10 MB.");
  });

  it("a zip bomb: a small file that unpacks to more than 100 MB", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(101 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    expect(await refuse(bytes)).toBe("Filen packas upp till mer än 100 MB och läses inte in.");
  }, 30_000); // builds a 100 MB archive first: slow on a busy machine

  it("a sheet with 100 000 rows is refused with the limit, not read", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Unga i riskzon");
    ws.addRow(["Problem", "Orsak", "Åtgärd"]);
    for (let i = 0; i < 100_000; i++) ws.addRow([`Problem ${i}`, "Orsak", "Åtgärd"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readWorkbookGrids(bytes)).rejects.toThrow(/^Fliken ”Unga i riskzon” har 100\s001 rader; högst 2\s000 går att läsa in\.$/u);
  }, 60_000);

  it("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<document/>");
    expect(await refuse(await zip.generateAsync({ type: "uint8array" }))).toBe("Filen är inte en Excel-arbetsbok (.xlsx).");
  });
});

describe("the review group's workbook: every district of a year", () => {
  it("has one sheet per central area with a district column, own areas together, and the counts per district", async () => {
    const farsta = seedPlanTree("farsta-2025");
    const skarholmen = seedPlanTree("skarholmen-2025");
    const plans = [
      { districtName: "Farsta", status: "Beslutad av stadsdelsnämnden", areas: farsta, summary: summarizeTree({ id: "f", areas: farsta }).rows },
      { districtName: "Skärholmen", status: "Utkast", areas: skarholmen, summary: summarizeTree({ id: "s", areas: skarholmen }).rows },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await cityWorkbook(2025, plans)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...CENTRAL_AREAS.map((c) => CENTRAL_AREA_NAMES[c].slice(0, 31).trim()), "Egna områden", SHEETS.summary]);
    for (const [i, c] of CENTRAL_AREAS.entries()) {
      const ws = wb.worksheets[i]!;
      expect(ws.getRow(2).getCell(1).value).toBe("Stadsdelsområde");
      const districts: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) districts.push(String(row.getCell(1).value));
      });
      const count = (areas: AreaNode[]) => measuresOf(areas.find((a) => a.centralArea === c)!).length;
      expect(districts).toEqual([...Array<string>(count(farsta)).fill("Farsta"), ...Array<string>(count(skarholmen)).fill("Skärholmen")]);
    }
    const summary: unknown[][] = [];
    wb.getWorksheet(SHEETS.summary)!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
    expect(summary.filter((r) => r[2] === "Totalt")).toEqual([
      ["Farsta", "Beslutad av stadsdelsnämnden", "Totalt", 30, 32, 32, 47],
      ["Skärholmen", "Utkast", "Totalt", 14, 25, 31, 31],
    ]);
  });
});
