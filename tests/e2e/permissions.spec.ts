import type { Locator, Page } from "@playwright/test";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";
import { firstProblemOfPlan, getProblem, type ProblemRow } from "./support/db";
import { deleteDraftLeftovers, expect, test } from "./support/draft-plan";

// Who may see and change which plan. Every refusal is checked where it matters: in the database.
// The seeded 2025 plans are decided (read-only); the forged edits start from, and aim at, DRAFT
// plans of the test's own (support/draft-plan.ts), so that only the district can be the reason
// for a refusal — and one more test proves that the decided plan refuses its own strategist.

const NOT_ALLOWED_TO_EDIT = "Du har inte behörighet att ändra planen i det här stadsdelsområdet.";
const NOT_FOUND = "Det du försökte ändra finns inte, eller så har du inte tillgång till det.";
const LOCKED = "Planen är skickad eller beslutad och kan inte ändras. Ändringar görs i en ny version.";
const DECIDED_NOTICE = "Du kan läsa men inte ändra den här planen. Planen är beslutad och innehållet är låst. Uppföljningen skrivs under fliken Uppföljning.";

test.beforeAll(async () => {
  await deleteDraftLeftovers();
});

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

test("a strategist of another district sees Farsta's decided area read-only", async ({ page }) => {
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

test("a strategist of another district sees a Farsta draft read-only too: the district is reason enough", async ({ page, farstaDraft }) => {
  await loginAs(page, USERS.strategSkarholmen);
  await page.goto(farstaDraft.base);
  await expect(page.locator("h1 + strong")).toHaveText("Utkast");
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name: "Unga i riskzon för destruktivt beteende" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Unga i riskzon för destruktivt beteende" })).toBeVisible();

  await expect(page.getByTestId("read-only-notice")).toHaveText(`Du kan läsa men inte ändra den här planen. ${NOT_ALLOWED_TO_EDIT}`);
  await expect(page.getByRole("region", { name: `Problem 1 – ${farstaDraft.chain.collectiveName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Ändra/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Ta bort/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Lägg till/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("forged: Skärholmen's strategist posts an edit of a Farsta problem → refused, row unchanged", async ({ page, farstaDraft, skarholmenDraft }) => {
  // Both plans are drafts: only the district stands between this strategist and the Farsta row.
  const target: ProblemRow = await firstProblemOfPlan("farsta", farstaDraft.year);
  expect(target.id).toBe(farstaDraft.chain.problemId);
  await loginAs(page, USERS.strategSkarholmen);

  const form = await openFirstProblemForm(page, skarholmenDraft.base);
  const ownId = await form.locator('input[type="hidden"][name="id"]').inputValue();
  expect(ownId).toBe(skarholmenDraft.chain.problemId);
  const own = await getProblem(ownId);
  expect(own?.id).toBe(ownId);
  await form.getByRole("textbox", { name: "Problem", exact: true }).fill(`Förfalskad ändring ${Date.now()}`);
  await forgeHiddenInputs(form, { districtSlug: "farsta", year: String(farstaDraft.year), id: target.id, version: String(target.version) });
  const posted = await submitAndCapture(page, form);
  expect(posted).toContain(target.id);

  await expect(page.getByTestId("error-summary")).toContainText(NOT_ALLOWED_TO_EDIT);
  expect(await getProblem(target.id)).toEqual(target);
  expect(await getProblem(ownId)).toEqual(own);
});

test("forged: Farsta's strategist posts a Skärholmen problem under district farsta → refused, row unchanged", async ({ page, farstaDraft, skarholmenDraft }) => {
  const target: ProblemRow = await firstProblemOfPlan("skarholmen", skarholmenDraft.year);
  expect(target.id).toBe(skarholmenDraft.chain.problemId);
  await loginAs(page, USERS.strategFarsta);

  const form = await openFirstProblemForm(page, farstaDraft.base);
  const ownId = await form.locator('input[type="hidden"][name="id"]').inputValue();
  expect(ownId).toBe(farstaDraft.chain.problemId);
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

test("the decided Farsta 2025 plan is read-only for its own strategist; a forged edit of it is refused as locked", async ({ page, farstaDraft }) => {
  await loginAs(page, USERS.strategFarsta);
  await page.goto("/plans/farsta/2025");
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name: "Systemhotande brottslighet" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Systemhotande brottslighet" })).toBeVisible();
  await expect(page.locator("h1 + strong")).toHaveText("Beslutad av stadsdelsnämnden");
  await expect(page.getByTestId("read-only-notice")).toHaveText(DECIDED_NOTICE);
  await expect(page.getByRole("region", { name: /^Problem 1/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lägg till problem" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Ändra|Ta bort|Lägg till|Flytta)/ })).toHaveCount(0);

  // The server says the same: the strategist's own form on a draft, aimed at the decided plan's first problem.
  const target: ProblemRow = await firstProblemOfPlan("farsta", 2025);
  const form = await openFirstProblemForm(page, farstaDraft.base);
  const own = await getProblem(farstaDraft.chain.problemId);
  await form.getByRole("textbox", { name: "Problem", exact: true }).fill(`Ändring av en beslutad plan ${Date.now()}`);
  await forgeHiddenInputs(form, { year: "2025", id: target.id, version: String(target.version) });
  const posted = await submitAndCapture(page, form);
  expect(posted).toContain(target.id);

  await expect(page.getByTestId("error-summary")).toContainText(LOCKED);
  expect(await getProblem(target.id)).toEqual(target);
  expect(await getProblem(farstaDraft.chain.problemId)).toEqual(own);
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
