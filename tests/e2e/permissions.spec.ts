import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";
import { firstProblemOfPlan, getProblem, type ProblemRow } from "./support/db";

// Who may see and change which plan. Every refusal is checked where it matters: in the database.

const NOT_ALLOWED_TO_EDIT = "Du har inte behörighet att ändra planen i det här stadsdelsområdet.";
const NOT_FOUND = "Det du försökte ändra finns inte, eller så har du inte tillgång till det.";

/** Opens the plan's first area and the edit form of its first problem; returns that form. */
async function openFirstProblemForm(page: Page, plan: string) {
  await page.goto(plan);
  const firstArea = page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link").nth(1);
  await firstArea.click();
  await page.getByRole("button", { name: "Ändra problem 1", exact: true }).click();
  const save = page.getByRole("button", { name: "Spara problem 1" });
  return page.locator("form").filter({ has: save });
}

/** Rewrites the hidden inputs of an open form, as a forged request would. */
async function forgeHiddenInputs(form: Locator, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    await form.locator(`input[type="hidden"][name="${name}"]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
  }
}

/** Submits the form and waits for the server action's request, returning what was posted. */
async function submitAndCapture(page: Page, form: Locator) {
  const request = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await form.getByRole("button", { name: /^Spara problem/ }).click();
  return (await request).postData() ?? "";
}

test("a strategist of another district sees Farsta's area read-only", async ({ page }) => {
  await loginAs(page, USERS.strategSkarholmen);
  await page.goto("/plans/farsta/2025");
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name: "Otrygga och brottsutsatta platser" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Otrygga och brottsutsatta platser" })).toBeVisible();

  await expect(page.getByTestId("read-only-notice")).toContainText("Du kan läsa men inte ändra den här planen.");
  await expect(page.getByRole("region", { name: /^Problem 1/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Ändra/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Ta bort/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Lägg till/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("forged: Skärholmen's strategist posts an edit of a Farsta problem → refused, row unchanged", async ({ page }) => {
  const target: ProblemRow = await firstProblemOfPlan("farsta", 2025);
  await loginAs(page, USERS.strategSkarholmen);

  const form = await openFirstProblemForm(page, "/plans/skarholmen/2025");
  const ownId = await form.locator('input[type="hidden"][name="id"]').inputValue();
  const own = await getProblem(ownId);
  expect(own?.id).toBe(ownId);
  await form.getByRole("textbox", { name: "Problem", exact: true }).fill(`Förfalskad ändring ${Date.now()}`);
  await forgeHiddenInputs(form, { districtSlug: "farsta", id: target.id, version: String(target.version) });
  const posted = await submitAndCapture(page, form);
  expect(posted).toContain(target.id);

  await expect(page.getByTestId("error-summary")).toContainText(NOT_ALLOWED_TO_EDIT);
  expect(await getProblem(target.id)).toEqual(target);
  expect(await getProblem(ownId)).toEqual(own);
});

test("forged: Farsta's strategist posts a Skärholmen problem under district farsta → refused, row unchanged", async ({ page }) => {
  const target: ProblemRow = await firstProblemOfPlan("skarholmen", 2025);
  await loginAs(page, USERS.strategFarsta);

  const form = await openFirstProblemForm(page, "/plans/farsta/2025");
  const ownId = await form.locator('input[type="hidden"][name="id"]').inputValue();
  const own = await getProblem(ownId);
  expect(own?.id).toBe(ownId);
  await form.getByRole("textbox", { name: "Problem", exact: true }).fill(`Förfalskad ändring ${Date.now()}`);
  await forgeHiddenInputs(form, { id: target.id, version: String(target.version) });
  const posted = await submitAndCapture(page, form);
  expect(posted).toContain(target.id);

  await expect(page.getByTestId("error-summary")).toContainText(NOT_FOUND);
  expect(await getProblem(target.id)).toEqual(target);
  expect(await getProblem(ownId)).toEqual(own);
});

test("police of another police area get the 403 page for Skärholmen's plan", async ({ page }) => {
  await loginAs(page, USERS.polisFarsta);
  const response = await page.goto("/plans/skarholmen/2025");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Du har inte behörighet till den här sidan" })).toBeVisible();
  await expect(page.getByText("Åtgärdsplan 2025 – Skärholmen")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("signed out, a plan page redirects to the login page", async ({ page }) => {
  await page.goto("/plans/farsta/2025");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByText("Åtgärdsplan 2025 – Farsta")).toHaveCount(0);
});
