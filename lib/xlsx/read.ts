import "server-only";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { IMPORT_LIMITS, type SheetGrid } from "@/lib/domain/import";

/** What an uploaded file may be, stated in the upload form too. */
export const UPLOAD_LIMITS = { bytes: 10 * 1024 * 1024, unzippedBytes: 100 * 1024 * 1024, cells: 200_000 } as const;

export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Checks the file before a spreadsheet library opens it: size, that it is a zip (an .xlsx) and
 * not an encrypted (password-protected) Office file, and that it does not unpack to more than
 * 100 MB (a zip bomb). Every refusal is a WorkbookError with a Swedish message.
 */
export async function checkWorkbookFile(bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength === 0) throw new WorkbookError("Filen är tom.");
  if (bytes.byteLength > UPLOAD_LIMITS.bytes) throw new WorkbookError(`Filen är ${MB(bytes.byteLength)}; den får vara högst ${MB(UPLOAD_LIMITS.bytes)}.`);
  // An encrypted .xlsx is an OLE compound file (D0 CF 11 E0), not a zip.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WorkbookError("Filen är lösenordsskyddad eller en gammal .xls-fil. Spara den som en vanlig Excel-arbetsbok (.xlsx) utan lösenord och försök igen.");
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WorkbookError("Filen är inte en Excel-arbetsbok (.xlsx).");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new WorkbookError("Filen är skadad och går inte att öppna som en Excel-arbetsbok.");
  }
  let unzipped = 0;
  for (const entry of Object.values(zip.files)) {
    // The sizes the zip declares; a lying header is caught by exceljs failing to read it.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    unzipped += size;
  }
  if (unzipped > UPLOAD_LIMITS.unzippedBytes) throw new WorkbookError(`Filen packas upp till mer än ${MB(UPLOAD_LIMITS.unzippedBytes)} och läses inte in.`);
  if (!zip.file("xl/workbook.xml")) throw new WorkbookError("Filen är inte en Excel-arbetsbok (.xlsx).");
}

/** A cell's text as a user sees it: formulas by their computed value, dates as YYYY-MM-DD, rich text joined. */
function cellText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (result instanceof Date) return result.toISOString().slice(0, 10);
      if (typeof result === "object" && "error" in result) return String(result.error);
      return String(result);
    }
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/**
 * The workbook's sheets as grids of cell texts. A merged range's value is copied into every
 * cell it covers (the real template merges a problem cell over all its rows).
 */
export async function readWorkbookGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  await checkWorkbookFile(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookError("Filen är skadad och går inte att öppna som en Excel-arbetsbok.");
  }
  if (wb.worksheets.length > IMPORT_LIMITS.sheets) throw new WorkbookError(`Filen har ${wb.worksheets.length} flikar; högst ${IMPORT_LIMITS.sheets} går att läsa in.`);
  let cells = 0;
  const grids: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.rowCount > IMPORT_LIMITS.rowsPerSheet + IMPORT_LIMITS.headerSearchRows) {
      throw new WorkbookError(`Fliken ”${ws.name}” har ${ws.rowCount.toLocaleString("sv-SE")} rader; högst ${IMPORT_LIMITS.rowsPerSheet.toLocaleString("sv-SE")} går att läsa in.`);
    }
    const rows: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const out: (string | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells += 1;
        // Merged cells: every cell of the range reads its master's value.
        out[col - 1] = cellText(cell.isMerged ? cell.master : cell);
      });
      rows[rowNumber - 1] = out;
    });
    if (cells > UPLOAD_LIMITS.cells) throw new WorkbookError(`Filen har fler än ${UPLOAD_LIMITS.cells.toLocaleString("sv-SE")} ifyllda celler och läses inte in.`);
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    grids.push({ name: ws.name, rows });
  }
  return grids;
}
