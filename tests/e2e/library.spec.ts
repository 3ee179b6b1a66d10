import type { Browser, Page } from "@playwright/test";
import { test, expect, type DraftPlan } from "./support/draft-plan";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";
import { getMeasure } from "./support/db";

// The measure library (issue 6): search across every plan, "Liknande åtgärder", copying a measure
// from another district into one's own draft, evidence per measure and the sekretess flag.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, email);
  return page;
}

async function search(page: Page, words: string, { year }: { year?: number } = {}) {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sök i åtgärdsplanerna" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Sökord" }).fill(words);
  if (year) await page.getByRole("textbox", { name: "År" }).fill(String(year));
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`för ”${words}”`) })).toBeVisible();
}

test("the review group searches “trygghetsvandring” and finds the measures of both districts, matched words marked", async ({ page }) => {
  await loginAs(page, USERS.beredning);
  await search(page, "trygghetsvandring");
  const measures = page.locator('[data-testid="search-hit"][data-kind="measure"]');
  await expect(measures.and(page.locator('[data-district="farsta"]'))).not.toHaveCount(0);
  await expect(measures.and(page.locator('[data-district="skarholmen"]'))).not.toHaveCount(0);
  // The Swedish stemmer: the plural in the text is marked for the singular searched.
  await expect(page.getByTestId("search-hits").locator("mark").filter({ hasText: /^trygghetsvandringar$/i }).first()).toBeVisible();
  // Each hit says where it is: district, year and area.
  await expect(measures.and(page.locator('[data-district="skarholmen"]')).first()).toContainText("Skärholmen 2025 · Otrygga och brottsutsatta platser");
  await expectNoAxeViolations(page);

  // From a hit to "Liknande åtgärder": what other districts do, with their follow-up.
  await measures.and(page.locator('[data-district="skarholmen"]')).first().getByRole("link", { name: /^Liknande åtgärder/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Liknande åtgärder" })).toBeVisible();
  const similar = page.getByTestId("similar-measure");
  await expect(similar.first()).toContainText("Farsta 2025");
  await expect(similar.first().getByTestId("similar-status")).toHaveText(/Uppfyllt|Ingen status ännu|Delvis uppfyllt|Ej uppfyllt|Flyttas/);
  await expect(page.getByTestId("similar-list")).not.toContainText("Skärholmen 2025");
  await expectNoAxeViolations(page);

  // A query with nothing to find says so.
  await search(page, "xylofonorkester");
  await expect(page.getByTestId("search-empty")).toBeVisible();
});

test("the Farsta strategist copies a Skärholmen measure into a draft and sees where it came from", async ({ page, farstaDraft }) => {
  await loginAs(page, USERS.strategFarsta);
  await search(page, "trygghetsvandringar");
  const hit = page.locator('[data-testid="search-hit"][data-kind="measure"][data-district="skarholmen"]').first();
  await hit.getByRole("link", { name: /^Kopiera åtgärden till min plan/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Kopiera åtgärd till min plan" })).toBeVisible();
  await expect(page.getByTestId("library-measure")).toContainText("Skärholmen 2025");
  const source = (await page.getByTestId("library-measure").getByRole("link").innerText()).slice(0, 40);
  // Only one plan of Farsta can be changed (the draft): it is chosen.
  await expect(page.getByRole("heading", { level: 2, name: `Till åtgärdsplan ${farstaDraft.year} för Farsta` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Without a cause the copy is refused, with the reason at the field.
  await page.getByRole("button", { name: "Kopiera åtgärden" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await page.getByRole("combobox", { name: "Under vilken orsak?" }).selectOption({ label: "Orsak 1.1: Få vuxna är ute på kvällarna" });
  await page.getByRole("button", { name: "Kopiera åtgärden" }).click();

  await expect(page).toHaveURL(new RegExp(`${farstaDraft.base}/areas/${farstaDraft.areaIds.YOUTH_AT_RISK}\\?kopierad=1#measure-`));
  await expect(page.getByTestId("copied-status")).toBeVisible();
  const copied = page.locator('div[id^="measure-"][tabindex="-1"]').filter({ hasText: source });
  await expect(copied.getByTestId("copied-from")).toHaveText("Kopierad från Skärholmen 2025");
  await expectNoAxeViolations(page);

  // The origin link leads back to the measure in Skärholmen's plan.
  await copied.getByTestId("copied-from").click();
  await expect(page).toHaveURL(/\/plans\/skarholmen\/2025\/areas\/[0-9a-f-]+#measure-/);
});

async function openDraftArea(page: Page, draft: DraftPlan) {
  await page.goto(`${draft.base}/areas/${draft.areaIds.YOUTH_AT_RISK}`);
  await expect(page.getByRole("heading", { level: 2, name: "Unga i riskzon för destruktivt beteende" })).toBeVisible();
}

test("evidence and sekretess: the strategist writes the evidence and marks a measure secret; the review group no longer sees it", async ({ page, browser, farstaDraft }) => {
  await loginAs(page, USERS.strategFarsta);
  await openDraftArea(page, farstaDraft);
  const problem = page.getByRole("region", { name: new RegExp(`^Problem 1 – ${farstaDraft.chain.collectiveName}$`) });
  await problem.getByRole("button", { name: /^Ändra åtgärd/ }).click();
  await problem.getByText("Kunskapsunderlag (frivilligt)").click();
  await problem.getByRole("textbox", { name: /^Mekanism/ }).fill("Vuxna som syns minskar tillfällena till bråk.");
  // A link that is not a web address is refused at its field, and nothing is saved.
  await problem.getByRole("textbox", { name: /^Länkar till kunskapsbanker/ }).fill("bra.se/erfarenhetsbank");
  await problem.getByRole("button", { name: /^Spara åtgärd/ }).click();
  await expect(page.getByTestId("error-summary")).toContainText('"bra.se/erfarenhetsbank" är ingen webbadress');
  expect((await getMeasure(farstaDraft.chain.measureId))?.version).toBe(1);

  await problem.getByRole("textbox", { name: /^Länkar till kunskapsbanker/ }).fill("https://bra.se/erfarenhetsbank");
  await problem.getByRole("checkbox", { name: /^Sekretess/ }).check();
  await expectNoAxeViolations(page);
  await problem.getByRole("button", { name: /^Spara åtgärd/ }).click();
  await expect(problem.getByText("Sekretess", { exact: true })).toBeVisible();
  await problem.getByText("Kunskapsunderlag", { exact: true }).click();
  await expect(problem.getByTestId("evidence")).toContainText("Vuxna som syns minskar tillfällena till bråk.");
  await expect(problem.getByTestId("evidence").getByRole("link", { name: /Brå/ })).toHaveAttribute("href", "https://bra.se/erfarenhetsbank");

  // The review group reads every plan, but not a measure with sekretess: not in the plan, not in the search.
  const review = await signedIn(browser, USERS.beredning);
  try {
    await openDraftArea(review, farstaDraft);
    await expect(review.getByRole("region", { name: new RegExp(`^Problem 1 – ${farstaDraft.chain.collectiveName}$`) })).toBeVisible();
    await expect(review.getByText("Fältassistenter är ute fredag och lördag kväll")).toHaveCount(0);
    await search(review, "fältassistenter", { year: farstaDraft.year });
    await expect(review.getByTestId("search-empty")).toBeVisible();
    await expectNoAxeViolations(review);
  } finally {
    await review.context().close();
  }
});
