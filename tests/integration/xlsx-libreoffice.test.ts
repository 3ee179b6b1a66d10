// The exported workbook opened by LibreOffice (as a city's staff might): converted sheet by sheet
// to CSV without a repair prompt, its sheets and row counts match the plan. Needs `soffice`
// (Debian's libreoffice-calc; .ci/run installs it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { summarizeTree } from "@/lib/domain/summary";
import { SHEETS } from "@/lib/domain/workbook";
import { planWorkbook } from "@/lib/xlsx/export";
import { seedPlanTree } from "@/tests/support/builders";

vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(path.join(tmpdir(), "lo-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** Minimal RFC 4180 reader: LibreOffice quotes cells with newlines, commas or quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe("LibreOffice reads the export", () => {
  it("converts every sheet without repair; the sheets and their rows match the plan", async () => {
    const areas = seedPlanTree("farsta-2025");
    const summary = summarizeTree({ id: "p", areas }).rows;
    const file = path.join(dir, "farsta.xlsx");
    writeFileSync(file, await planWorkbook({ districtName: "Farsta", year: 2025, areas, summary }));

    // Every sheet as UTF-8 CSV (STACK.md): one farsta-<Sheet>.csv per sheet.
    execFileSync(
      "soffice",
      ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, file],
      { stdio: "pipe", timeout: 100_000 },
    );
    const csvs = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    const sheetOf = (f: string) => f.replace(/^farsta-/, "").replace(/\.csv$/, "");
    expect(csvs.map(sheetOf).sort()).toEqual([SHEETS.instruction, SHEETS.summary, ...areas.map((a) => a.name.slice(0, 31).trim())].sort());

    for (const area of areas) {
      const rows = parseCsv(readFileSync(path.join(dir, `farsta-${area.name.slice(0, 31).trim()}.csv`), "utf8")).filter((r) => r.some((c) => c !== ""));
      const measures = area.problems.flatMap((p) => p.causes.flatMap((c) => c.measures));
      // title, headings, help texts, then one row per measure
      expect(rows).toHaveLength(3 + measures.length);
      expect(rows[0]![0]).toBe(area.name);
      expect(rows[1]!.slice(0, 3)).toEqual(["Samlingsnamn", "Problem", "Orsak"]);
      expect(rows.slice(3).map((r) => r[3])).toEqual(measures.map((m) => m.description));
    }
    const total = parseCsv(readFileSync(path.join(dir, `farsta-${SHEETS.summary}.csv`), "utf8")).find((r) => r[0] === "Totalt");
    expect(total).toEqual(["Totalt", "30", "32", "32", "47"]);
  });
});
