import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { deleteDraftLeftovers, expect, test, type DraftPlan } from "./support/draft-plan";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";

// Excel in and out, in the browser: Farsta's decided 2025 plan downloaded as .xlsx, the file read
// into a draft plan of the test's own through the preview, a bad file refused, and the review
// group's workbook of every district. Axe on the import pages.

type Counts = [number, number, number, number];
const FARSTA_2025: Record<string, Counts> = {
  "Unga i riskzon för destruktivt beteende": [7, 7, 7, 12],
  "Otrygga och brottsutsatta platser": [9, 10, 10, 16],
  "Systemhotande brottslighet": [2, 3, 3, 3],
  "Särskilt utsatta och sårbara brottsoffer": [7, 7, 7, 9],
  "Kriminella miljöer och livsstilar": [5, 5, 5, 7],
};

test.beforeAll(deleteDraftLeftovers);

async function summaryOf(page: Page, plan: { base: string; year: number }): Promise<Record<string, Counts>> {
  await page.goto(`${plan.base}/summary`);
  const table = page.getByRole("table", { name: `Sammanställning av åtgärdsplan ${plan.year} för Farsta` });
  const out: Record<string, Counts> = {};
  for (const row of await table.getByRole("row").all()) {
    const header = row.getByRole("rowheader");
    if ((await header.count()) === 0) continue;
    out[(await header.innerText()).trim()] = (await row.getByRole("cell").allInnerTexts()).map((t) => Number(t.trim())) as Counts;
  }
  return out;
}

async function downloadFarsta(page: Page): Promise<string> {
  await page.goto("/plans/farsta/2025");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ner planen som Excel (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("Åtgärdsplan 2025 Farsta.xlsx");
  const file = await download.path();
  expect(file).toBeTruthy();
  return file!;
}

test("the decided Farsta 2025 plan downloads as a workbook in the template's layout", async ({ page }) => {
  await loginAs(page, USERS.strategFarsta);
  const file = await downloadFarsta(page);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Instruktion", ...Object.keys(FARSTA_2025).map((n) => n.slice(0, 31).trim()), "Sammanställning"]);
  for (const [name, [, , measures]] of Object.entries(FARSTA_2025)) {
    const ws = wb.worksheets.find((w) => name.startsWith(w.name))!;
    expect(ws.rowCount - 3).toBe(measures);
  }
});

test("a downloaded plan read into a draft: preview, confirm, the summary grows by exactly Farsta's counts", async ({ page, farstaDraft: draft }: { page: Page; farstaDraft: DraftPlan }) => {
  await loginAs(page, USERS.strategFarsta);
  const file = await downloadFarsta(page);
  const before = await summaryOf(page, draft);

  await page.goto(draft.base);
  await page.getByRole("link", { name: "Läs in från Excel" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Läs in från Excel" })).toBeVisible();
  await expect(page.getByText(/Högst 10 MB, 40 flikar och 2\s000 rader per flik\./)).toBeVisible();
  await expectNoAxeViolations(page); // upload page

  await page.getByLabel("Excel-fil (.xlsx)").setInputFiles(file);
  await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
  await page.waitForURL(new RegExp(`${draft.base}/import/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Förhandsgranska inläsning" })).toBeVisible();
  await expect(page.getByTestId("import-counts")).toContainText("Nya: 0 områden, 30 problem, 32 orsaker, 32 åtgärder, 47 operativa mål");
  await expect(page.getByTestId("import-counts")).toContainText("Rader som inte går att läsa: 0");
  await expectNoAxeViolations(page); // preview
  const preview = page.url();
  // Nothing is written before the user confirms.
  expect(await summaryOf(page, draft)).toEqual(before);

  await page.goto(preview);
  await page.getByRole("button", { name: /^Läs in \d+ nya och ändrade rader i planen$/ }).click();
  await page.waitForURL(new RegExp(`${draft.base}\\?inlast=\\d+$`));
  const after = await summaryOf(page, draft);
  for (const [area, counts] of Object.entries(FARSTA_2025)) {
    expect(after[area]).toEqual(before[area]!.map((n, i) => n + counts[i]!));
  }
});

test("a file that is not a workbook is refused with a clear message, and nothing is read", async ({ page, farstaDraft: draft }: { page: Page; farstaDraft: DraftPlan }) => {
  await loginAs(page, USERS.strategFarsta);
  await page.goto(`${draft.base}/import`);
  await page.getByLabel("Excel-fil (.xlsx)").setInputFiles({ name: "plan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("Problem;Orsak;Åtgärd\n") });
  await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Filen är inte en Excel-arbetsbok (.xlsx).");
  await expect(page).toHaveURL(new RegExp(`${draft.base}/import$`));
  await expectNoAxeViolations(page); // upload page with the error
});

test("the review group downloads every district's plans of 2025 in one workbook", async ({ page }) => {
  await loginAs(page, USERS.beredning);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("city-exports").getByRole("link", { name: "2025" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
  const summary: unknown[][] = [];
  wb.getWorksheet("Sammanställning")!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
  expect(summary.filter((r) => r[2] === "Totalt").map((r) => [r[0], ...r.slice(3)])).toEqual([
    ["Farsta", 30, 32, 32, 47],
    ["Skärholmen", 14, 25, 31, 31],
  ]);
});

test("the decision document: the print view passes axe, the PDF downloads", async ({ page }) => {
  await loginAs(page, USERS.strategFarsta);
  await page.goto("/plans/farsta/2025");
  await page.getByRole("link", { name: "Utskriftsvy" }).click();
  await page.waitForURL("**/plans/farsta/2025/print");
  for (const area of Object.keys(FARSTA_2025)) await expect(page.getByRole("table", { name: new RegExp(area) }).first()).toBeVisible();
  await expectNoAxeViolations(page); // print view
  await page.goto("/plans/farsta/2025");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Beslutsbilaga (PDF)" }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
