import { expect, test, type Page } from "@playwright/test";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";

/** The summary tabs of the demo plans 2025: problems/causes/measures/goals per central area, in order. */
const SUMMARY = {
  farsta: ["7/7/7/12", "9/10/10/16", "2/3/3/3", "7/7/7/9", "5/5/5/7"],
  skarholmen: ["1/4/5/5", "7/8/8/8", "2/3/3/3", "3/8/10/10", "1/2/5/5"],
} as const;

/** The console's counts of a district, one "p/c/m/g" per row in the table's order. */
async function consoleCounts(page: Page, district: string): Promise<string[]> {
  const rows = page.locator(`[data-testid="review-row"][data-district="${district}"]`);
  const out: string[] = [];
  for (const row of await rows.all()) {
    const cells = await Promise.all(["count-problems", "count-causes", "count-measures", "count-goals"].map((id) => row.getByTestId(id).innerText()));
    out.push(cells.map((c) => c.trim()).join("/"));
  }
  return out;
}

/** The district's summary tab, one "p/c/m/g" per area row. */
async function summaryTab(page: Page, district: string): Promise<string[]> {
  await page.goto(`/plans/${district}/2025/summary`);
  const rows = page.getByTestId("summary-table").locator("tbody tr");
  const out: string[] = [];
  for (const row of await rows.all()) out.push((await row.locator("td").allInnerTexts()).map((c) => c.trim()).join("/"));
  return out;
}

test("the review group sees every district's counts equal to their summary tabs, filters to one area, and the page passes axe", async ({ page }) => {
  await loginAs(page, USERS.beredning);
  const tabs = { farsta: await summaryTab(page, "farsta"), skarholmen: await summaryTab(page, "skarholmen") };
  expect(tabs).toEqual({ farsta: [...SUMMARY.farsta], skarholmen: [...SUMMARY.skarholmen] });

  const response = await page.goto("/review/2025");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Beredning av åtgärdsplaner 2025" })).toBeVisible();
  expect(await consoleCounts(page, "farsta")).toEqual(tabs.farsta);
  expect(await consoleCounts(page, "skarholmen")).toEqual(tabs.skarholmen);
  const total = page.getByTestId("review-total");
  await expect(total.getByTestId("total-problems")).toHaveText("44");
  await expect(total.getByTestId("total-goals")).toHaveText("78");
  // Shares are whole percent; the status and last change of each plan are shown.
  await expect(page.getByTestId("share-police").first()).toHaveText(/^\d+ %$/);
  await expect(page.locator('[data-testid="review-row"][data-district="farsta"]').first()).toContainText("Beslutad av stadsdelsnämnden");
  // Each count leads to the list behind it (the area name to the area in the plan).
  await expect(page.locator('[data-testid="review-row"][data-district="farsta"]').first().getByTestId("count-measures")).toHaveAttribute("href", /^\/review\/2025\/list\?areaId=[0-9a-f-]{36}&kind=measures$/);
  // One chart (with its table) per central area.
  await expect(page.getByTestId("area-comparison")).toHaveCount(5);
  await expectNoAxeViolations(page);

  // Sorting by a column header: the link sets aria-sort.
  await page.getByRole("link", { name: /^Åtgärder\s*, sortera$/ }).click();
  await expect(page).toHaveURL(/sort=measures&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /^Åtgärder\s*, sorterat/ })).toHaveAttribute("aria-sort", "ascending");

  // Filter to one area with the form (keyboard and labels like a user).
  await page.getByLabel("Prioriterat område", { exact: true }).selectOption({ label: CENTRAL_AREA_NAMES.UNSAFE_PLACES });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/area=UNSAFE_PLACES/);
  await expect(page.getByTestId("review-row")).toHaveCount(2);
  expect(await consoleCounts(page, "farsta")).toEqual([SUMMARY.farsta[1]]);
  expect(await consoleCounts(page, "skarholmen")).toEqual([SUMMARY.skarholmen[1]]);
  await expect(page.getByTestId("total-measures")).toHaveText("18");
  await expect(page.getByTestId("area-comparison")).toHaveCount(1);
  await expectNoAxeViolations(page);

  // And to one district.
  await page.getByLabel("Stadsdelsområde", { exact: true }).selectOption({ label: "Skärholmen" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByTestId("review-row")).toHaveCount(1);
  expect(await consoleCounts(page, "skarholmen")).toEqual([SUMMARY.skarholmen[1]]);
});

test("a district's strategist gets the 403 page for the review console", async ({ page }) => {
  await loginAs(page, USERS.strategFarsta);
  const response = await page.goto("/review/2025");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Du har inte behörighet till den här sidan" })).toBeVisible();
  await expect(page.getByTestId("review-table")).toHaveCount(0);
});

test("every number of the console leads to the list behind it, with the console's filters, and the list passes axe", async ({ page }) => {
  await loginAs(page, USERS.beredning);
  await page.goto(`/review/2025?area=UNSAFE_PLACES`);
  const farsta = page.locator('[data-testid="review-row"][data-district="farsta"]');
  await expect(farsta).toHaveCount(1);
  const measuresCell = farsta.getByTestId("count-measures");
  await expect(measuresCell).toHaveText("10");
  await expect(measuresCell).toHaveAccessibleName("10 åtgärder, Farsta, Otrygga och brottsutsatta platser");

  // By keyboard: focus the number, Enter.
  await measuresCell.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/review\/2025\/list\?area=UNSAFE_PLACES&areaId=[0-9a-f-]{36}&kind=measures$/);
  await expect(page.getByRole("heading", { level: 1, name: "Åtgärder 2025" })).toBeVisible();
  await expect(page.getByTestId("list-scope")).toHaveText("Farsta, Otrygga och brottsutsatta platser");
  await expect(page.getByTestId("review-item")).toHaveCount(10);
  await expect(page.getByTestId("list-count")).toContainText("10 st.");
  await expect(page.locator('[data-testid="review-item"]:not([data-district="farsta"])')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Each measure leads to itself in the plan.
  await expect(page.getByTestId("review-item").first().getByRole("link")).toHaveAttribute("href", /^\/plans\/farsta\/2025\/areas\/[0-9a-f-]{36}#measure-[0-9a-f-]{36}$/);

  // Back to the console with the filter kept.
  await page.getByRole("link", { name: "Tillbaka till beredningen 2025" }).click();
  await expect(page).toHaveURL(/\/review\/2025\?area=UNSAFE_PLACES$/);

  // The city-wide total row's goals: every goal of the area, both districts, with the SMART check.
  await page.getByTestId("total-goals").click();
  await expect(page.getByRole("heading", { level: 1, name: "Operativa mål 2025" })).toBeVisible();
  await expect(page.getByTestId("list-scope")).toHaveText("Otrygga och brottsutsatta platser");
  await expect(page.getByTestId("review-item")).toHaveCount(16 + 8);
  await expect(page.getByRole("columnheader", { name: "SMART-kontrollen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  // With the police only: the share's link lists exactly the measures in brackets.
  await page.getByLabel("Åtgärder med polisen", { exact: true }).selectOption({ label: "Bara åtgärder med polisen" });
  await page.getByRole("button", { name: "Visa" }).click();
  const policeCell = page.locator('[data-testid="review-row"][data-district="skarholmen"]').getByTestId("share-police");
  const bracket = await policeCell.locator("xpath=following-sibling::span").innerText();
  const n = Number(/\((\d+)\)/.exec(bracket)?.[1]);
  expect(n).toBe(7);
  await policeCell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Åtgärder med polisen 2025" })).toBeVisible();
  await expect(page.getByTestId("list-scope")).toHaveText("Skärholmen, Otrygga och brottsutsatta platser, med polisen");
  await expect(page.getByTestId("review-item")).toHaveCount(n);
  await expectNoAxeViolations(page);
});

test("a district's strategist gets the 403 page for the lists behind the console too", async ({ page }) => {
  await loginAs(page, USERS.strategFarsta);
  const response = await page.goto("/review/2025/list?kind=measures");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("review-list")).toHaveCount(0);
});
