import type { Page } from "@playwright/test";
import { deleteDraftLeftovers, expect, test, type DraftPlan } from "./support/draft-plan";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";

// Plans are public documents: a personnummer typed into a measure is refused with a message that
// points at it, and a number with a wrong check digit is accepted.

const AREA = "Unga i riskzon för destruktivt beteende";

test.beforeAll(deleteDraftLeftovers);

async function editMeasure(page: Page, draft: DraftPlan, text: string) {
  const measure = page.locator(`#measure-${draft.chain.measureId}`);
  await measure.getByRole("button", { name: "Ändra åtgärd 1.1.1" }).click();
  await measure.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(text);
  await measure.getByRole("button", { name: "Spara åtgärd 1.1.1" }).click();
  return measure;
}

test("a personnummer in a measure is refused, pointing at it; a wrong check digit is accepted", async ({ page, farstaDraft: draft }) => {
  await loginAs(page, USERS.strategFarsta);
  await page.goto(`${draft.base}/areas/${draft.areaIds.YOUTH_AT_RISK}`);
  await expect(page.getByRole("heading", { level: 2, name: AREA })).toBeVisible();

  const measure = await editMeasure(page, draft, "Samtal med eleven 850709-9805 och vårdnadshavare");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Texten innehåller ett personnummer (”850709-9805”). Planen är en allmän handling");
  const field = measure.getByRole("textbox", { name: "Åtgärd", exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("Samtal med eleven 850709-9805 och vårdnadshavare");
  await expectNoAxeViolations(page);

  await field.fill("Samtal med eleven i ärende 850709-9806 och vårdnadshavare");
  await measure.getByRole("button", { name: "Spara åtgärd 1.1.1" }).click();
  await expect(measure.getByText("Samtal med eleven i ärende 850709-9806 och vårdnadshavare", { exact: true })).toBeVisible();
});

test("the SMART check flags a vague goal while editing; a goal marked qualitative is asked only about the wording", async ({ page, farstaDraft: draft }) => {
  await loginAs(page, USERS.strategFarsta);
  await page.goto(`${draft.base}/areas/${draft.areaIds.YOUTH_AT_RISK}`);
  const measure = page.locator(`#measure-${draft.chain.measureId}`);
  // The draft's own goal, "Minst 80 kvällar under året", has a number and a time.
  await expect(measure.getByTestId("smart-flags")).toHaveCount(0);

  await measure.getByRole("button", { name: "Lägg till mål till åtgärd 1.1.1" }).click();
  await measure.getByRole("textbox", { name: "Operativt mål" }).fill("Verka för att fler unga känner sig trygga");
  await measure.getByRole("button", { name: "Spara mål" }).click();
  const flags = measure.getByTestId("smart-flags");
  await expect(flags).toHaveCount(1);
  await expect(flags).toContainText("Inget tal");
  await expect(flags).toContainText("Vag formulering");
  await expectNoAxeViolations(page);

  await measure.getByRole("button", { name: "Ändra mål 2 för åtgärd 1.1.1" }).click();
  await measure.getByRole("checkbox", { name: /^Kvalitativt mål/ }).check();
  await measure.getByRole("button", { name: "Spara mål 2 för åtgärd 1.1.1" }).click();
  await expect(measure.getByText("(kvalitativt mål)")).toBeVisible();
  await expect(flags).not.toContainText("Inget tal");
  await expect(flags).toContainText("Vag formulering");
});
