import type { Page } from "@playwright/test";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";
import { deleteProblemsNamed, getMeasure, insertChain } from "./support/db";
import { deleteDraftLeftovers, expect, test, type DraftPlan } from "./support/draft-plan";

// The plan editor, as Farsta's trygghetsstrateg. The seeded Farsta 2025 plan is decided and
// read-only: the read-only checks (its summary, axe on its pages) use it; every test that edits
// gets a DRAFT Farsta plan of its own (support/draft-plan.ts), deleted afterwards.

const FARSTA = "/plans/farsta/2025";
const AREA = "Systemhotande brottslighet";

type PlanRef = { base: string; year: number };
const SEEDED: PlanRef = { base: FARSTA, year: 2025 };

type Counts = [problems: number, causes: number, measures: number, goals: number];

/** The Sammanställning table as { area name → counts }, with the total row under "Totalt". */
async function readSummary(page: Page, plan: PlanRef = SEEDED): Promise<Record<string, Counts>> {
  await page.goto(`${plan.base}/summary`);
  const table = page.getByRole("table", { name: `Sammanställning av åtgärdsplan ${plan.year} för Farsta` });
  await expect(table).toBeVisible();
  const out: Record<string, Counts> = {};
  for (const row of await table.getByRole("row").all()) {
    const header = row.getByRole("rowheader");
    if ((await header.count()) === 0) continue; // the column header row
    const cells = (await row.getByRole("cell").allInnerTexts()).map((t) => Number(t.trim()));
    out[(await header.innerText()).trim()] = cells as Counts;
  }
  return out;
}

const plusOne = ([p, c, m, g]: Counts): Counts => [p + 1, c + 1, m + 1, g + 1];

function unique(label: string) {
  return `E2E ${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

async function openArea(page: Page, name: string, plan: PlanRef = SEEDED) {
  await page.goto(plan.base);
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

test.beforeAll(async () => {
  await deleteDraftLeftovers();
});

test.beforeEach(async ({ page }) => {
  await loginAs(page, USERS.strategFarsta);
});

test("the summary counts each area of the seeded Farsta 2025 plan", async ({ page }) => {
  const summary = await readSummary(page);
  expect(summary).toEqual({
    "Unga i riskzon för destruktivt beteende": [7, 7, 7, 12],
    "Otrygga och brottsutsatta platser": [9, 10, 10, 16],
    "Systemhotande brottslighet": [2, 3, 3, 3],
    "Särskilt utsatta och sårbara brottsoffer": [7, 7, 7, 9],
    "Kriminella miljöer och livsstilar": [5, 5, 5, 7],
    Totalt: [30, 32, 32, 47],
  });
});

test("add a problem → cause → measure → goal, see the summary go up by one, delete it again", async ({ page, farstaDraft: draft }) => {
  const name = unique("Samlingsnamn");
  const text = { problem: unique("problem"), cause: unique("orsak"), measure: unique("åtgärd"), goal: unique("mål") };
  try {
    const before = await readSummary(page, draft);
    // The draft as inserted: one chain in the first area, nothing elsewhere.
    expect(before).toEqual({
      "Unga i riskzon för destruktivt beteende": [1, 1, 1, 1],
      "Otrygga och brottsutsatta platser": [0, 0, 0, 0],
      "Systemhotande brottslighet": [0, 0, 0, 0],
      "Särskilt utsatta och sårbara brottsoffer": [0, 0, 0, 0],
      "Kriminella miljöer och livsstilar": [0, 0, 0, 0],
      Totalt: [1, 1, 1, 1],
    });

    await openArea(page, AREA, draft);
    // A marker on window survives client-side updates but not a full page load.
    await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));

    await page.getByRole("button", { name: "Lägg till problem" }).click();
    await page.getByLabel("Samlingsnamn").fill(name);
    await page.getByRole("textbox", { name: "Problem", exact: true }).fill(text.problem);
    await page.getByRole("button", { name: "Spara problem" }).click();

    const problem = page.getByRole("region", { name: new RegExp(`^Problem \\d+ – ${name}$`) });
    await expect(problem.getByText(text.problem)).toBeVisible();

    await problem.getByRole("button", { name: /^Lägg till orsak till problem/ }).click();
    await problem.getByRole("textbox", { name: "Orsak", exact: true }).fill(text.cause);
    await problem.getByRole("button", { name: "Spara orsak" }).click();
    await expect(problem.getByText(text.cause)).toBeVisible();

    await problem.getByRole("button", { name: /^Lägg till åtgärd till orsak/ }).click();
    await problem.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(text.measure);
    await problem.getByRole("radio", { name: "Linjearbete (löpande)" }).check();
    await problem.getByRole("textbox", { name: "Organisation 1" }).fill("Stadsdelsförvaltningen");
    await problem.getByRole("textbox", { name: /^Roll 1/ }).fill("Trygghetsstrateg");
    await problem.getByRole("button", { name: "Spara åtgärd" }).click();
    await expect(problem.getByText(text.measure)).toBeVisible();
    await expect(problem.getByRole("definition").filter({ hasText: "Linjearbete/löpande" })).toBeVisible();
    await expect(problem.getByRole("definition").filter({ hasText: "Trygghetsstrateg (Stadsdelsförvaltningen)" })).toBeVisible();

    await problem.getByRole("button", { name: /^Lägg till mål till åtgärd/ }).click();
    await problem.getByRole("textbox", { name: "Operativt mål" }).fill(text.goal);
    await problem.getByRole("button", { name: "Spara mål" }).click();
    await expect(problem.getByText(text.goal)).toBeVisible();
    await expect(problem.getByText("Saknar mål")).toHaveCount(0);

    expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

    const after = await readSummary(page, draft);
    expect(after[AREA]).toEqual(plusOne(before[AREA]!));
    expect(after.Totalt).toEqual(plusOne(before.Totalt!));
    expect(after).toEqual({ ...before, [AREA]: after[AREA], Totalt: after.Totalt });

    await openArea(page, AREA, draft);
    const added = page.getByRole("region", { name: new RegExp(`^Problem \\d+ – ${name}$`) });
    await added.getByRole("button", { name: /^Ta bort problem/ }).click();
    const confirm = added.getByRole("group", { name: /^Ta bort problem/ });
    await expect(confirm).toContainText("Det tar också bort 1 orsak, 1 åtgärd och 1 mål.");
    await confirm.getByRole("button", { name: "Ja, ta bort" }).click();
    await expect(added).toHaveCount(0);

    expect(await readSummary(page, draft)).toEqual(before);
  } finally {
    await deleteProblemsNamed(name);
  }
});

test("a failed save: the error summary takes focus, links to the field, keeps what was typed", async ({ page, farstaDraft: draft }) => {
  await openArea(page, AREA, draft);
  const id = draft.areaIds.SYSTEM_THREATENING_CRIME;
  const name = unique("Samlingsnamn");

  await page.getByRole("button", { name: "Lägg till problem" }).click();
  await page.getByLabel("Samlingsnamn").fill(name);
  await page.getByRole("button", { name: "Spara problem" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Det finns ett problem" })).toBeVisible();
  const link = summary.getByRole("link", { name: "Fyll i problemet." });
  await expect(link).toHaveAttribute("href", `#new-problem-${id}-description`);

  const field = page.getByRole("textbox", { name: "Problem", exact: true });
  await expect(field).toHaveAttribute("id", `new-problem-${id}-description`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Fyll i problemet\./);
  await expect(page.locator(`#new-problem-${id}-description-error`)).toHaveText(/Fyll i problemet\./);
  await expect(page).toHaveTitle(/^Fel: /);
  await expect(page.getByLabel("Samlingsnamn")).toHaveValue(name);

  await expectNoAxeViolations(page);

  await link.click();
  await expect(field).toBeFocused();
  await deleteProblemsNamed(name); // nothing was saved, but never leave a trace
});

test("conflict: a stale form is refused with a Swedish message and the first save stays", async ({ page, browser, farstaDraft: draft }) => {
  const name = unique("Konflikt");
  const chain = await insertChain(draft.areaIds.SYSTEM_THREATENING_CRIME, {
    collectiveName: name,
    problem: unique("problem"),
    cause: unique("orsak"),
    measure: unique("åtgärd från början"),
  });
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await loginAs(second, USERS.strategFarsta);

    const openMeasureForm = async (p: Page) => {
      await openArea(p, AREA, draft);
      const problem = p.getByRole("region", { name: new RegExp(`^Problem \\d+ – ${name}$`) });
      await problem.getByRole("button", { name: /^Ändra åtgärd/ }).click();
      return problem;
    };
    const first = await openMeasureForm(page);
    const stale = await openMeasureForm(second);

    const firstText = unique("första ändringen");
    await first.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(firstText);
    await first.getByRole("button", { name: /^Spara åtgärd/ }).click();
    await expect(first.getByText(firstText)).toBeVisible();

    await stale.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(unique("andra ändringen"));
    await stale.getByRole("button", { name: /^Spara åtgärd/ }).click();
    const summary = stale.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Någon annan har ändrat det här sedan du öppnade sidan. Dina ändringar har inte sparats.");

    expect(await getMeasure(chain.measureId)).toMatchObject({ description: firstText, version: 2 });
  } finally {
    await other.close();
    await deleteProblemsNamed(name);
  }
});

test("axe finds no violations on the login page", async ({ browser }) => {
  const signedOut = await browser.newContext();
  try {
    const page = await signedOut.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await signedOut.close();
  }
});

const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: "/plans", open: (page) => page.goto("/plans").then(() => expect(page.getByRole("heading", { level: 1, name: "Åtgärdsplaner" })).toBeVisible()) },
  { name: "the decided plan's overview", open: (page) => page.goto(FARSTA).then(() => expect(page.getByRole("heading", { level: 2, name: "Översikt" })).toBeVisible()) },
  {
    name: "the decided plan's area page (read-only)",
    open: async (page) => {
      await openArea(page, "Unga i riskzon för destruktivt beteende");
      await expect(page.getByTestId("read-only-notice")).toBeVisible();
    },
  },
  { name: "the summary", open: (page) => page.goto(`${FARSTA}/summary`).then(() => expect(page.getByRole("heading", { level: 2, name: "Sammanställning" })).toBeVisible()) },
  { name: "/tillganglighet", open: (page) => page.goto("/tillganglighet").then(() => expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible()) },
];

for (const { name, open } of PAGES) {
  test(`axe finds no violations on ${name}`, async ({ page }) => {
    await open(page);
    await expectNoAxeViolations(page);
  });
}

// The editing UI is only on a plan that can be edited: the draft's pages, with their buttons and open forms.
const DRAFT_PAGES: { name: string; open: (page: Page, draft: DraftPlan) => Promise<void> }[] = [
  {
    name: "a draft plan's overview",
    open: async (page, draft) => {
      await page.goto(draft.base);
      await expect(page.getByRole("heading", { level: 2, name: "Översikt" })).toBeVisible();
      await expect(page.getByTestId("read-only-notice")).toHaveCount(0);
    },
  },
  {
    name: "a draft plan's area page, with its edit buttons",
    open: async (page, draft) => {
      await openArea(page, "Unga i riskzon för destruktivt beteende", draft);
      await expect(page.getByTestId("read-only-notice")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Ändra problem 1", exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Lägg till problem" })).toBeVisible();
    },
  },
  {
    name: "a draft plan's area page with the measure form open",
    open: async (page, draft) => {
      await openArea(page, "Unga i riskzon för destruktivt beteende", draft);
      await page.getByRole("button", { name: "Ändra åtgärd 1.1.1", exact: true }).click();
      await expect(page.getByRole("button", { name: "Spara åtgärd 1.1.1" })).toBeVisible();
    },
  },
];

for (const { name, open } of DRAFT_PAGES) {
  test(`axe finds no violations on ${name}`, async ({ page, farstaDraft }) => {
    await open(page, farstaDraft);
    await expectNoAxeViolations(page);
  });
}
