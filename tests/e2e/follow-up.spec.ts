import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { CENTRAL_AREAS } from "@/lib/domain/types";
import { expectNoAxeViolations, loginAs, USER_NAMES, USERS } from "./support/fixtures";
import {
  areaId,
  deletePlanById,
  goalFollowUps,
  measureFollowUp,
  measuresOfArea,
  planContent,
  planId,
  query,
  restoreFollowUp,
  snapshotFollowUp,
  theMovedGoal,
  userId,
  type AreaMeasure,
  type FollowUpSnapshot,
} from "./support/db";

// Follow-up of the decided Farsta 2025 plan (issue 4), with the demo users: the strategist
// records the year-end round for one area (a status for each goal, a text) and sees "Målen
// just nu" change; the police write the text of a police measure and get no goal statuses (nor
// a form for a measure without the police; forged posts are refused); "Mina åtgärder" flags the
// overdue measures; the strategist starts 2026 from 2025 carrying the one goal that is moved to
// next year, and the carried goal links back to 2025. Axe runs on every page of the feature.
//
// The test changes the seeded plan's follow-up: it remembers every follow-up row of Farsta 2025
// before and puts them back afterwards (with the audit rows it caused), and deletes the 2026
// plan it creates (and a leftover one before it starts), so that re-runs and the other specs
// see the seeded state.

test.describe.configure({ mode: "serial" });

const DISTRICT = "farsta";
const YEAR = 2025;
const NEXT = 2026;
const BASE = `/plans/${DISTRICT}/${YEAR}`;
const ROUND_LABEL = "Årsuppföljning (verksamhetsberättelse)";
/** The area whose year-end round the test records: three measures (two with the police), one goal each, no status in the seed. */
const AREA = "Systemhotande brottslighet";

/** A row of the "Målen just nu" table: Uppfyllt, Delvis uppfyllt, Ej uppfyllt, Flyttas till nästa år, Ingen status ännu, Antal mål. */
type Row = [met: number, partly: number, notMet: number, moved: number, none: number, total: number];
const COLUMNS = ["Prioriterat område", "Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Flyttas till nästa år", "Ingen status ännu", "Antal mål"];

/** The seeded year-end statuses of Farsta 2025 (prisma/seed.ts infers them from the follow-up texts). */
const SEEDED: Record<string, Row> = {
  "Unga i riskzon för destruktivt beteende": [10, 0, 0, 0, 2, 12],
  "Otrygga och brottsutsatta platser": [0, 0, 0, 0, 16, 16],
  "Systemhotande brottslighet": [0, 0, 0, 0, 3, 3],
  "Särskilt utsatta och sårbara brottsoffer": [4, 0, 0, 1, 4, 9],
  "Kriminella miljöer och livsstilar": [3, 0, 0, 0, 4, 7],
  "Hela planen": [17, 0, 0, 1, 29, 47],
};

/** What the strategist records in AREA, by measure: the status of its one goal (radio label → stored value). */
const RECORD = {
  "Åtgärd 1.1.1": { label: "Ej uppfyllt", status: "NOT_MET" },
  "Åtgärd 1.2.1": { label: "Delvis uppfyllt", status: "PARTLY_MET" },
  "Åtgärd 2.1.1": { label: "Uppfyllt", status: "MET" },
} as const;
type Label = keyof typeof RECORD;
const AFTER: Record<string, Row> = {
  ...SEEDED,
  "Systemhotande brottslighet": [1, 1, 1, 0, 0, 3],
  "Hela planen": [18, 1, 1, 1, 26, 47],
};

const STRATEGIST_TEXT = `E2E årsuppföljning: samordningsfunktionen är inrättad och har arbetat hela året (${Date.now()}).`;
/** What the strategist first saves in 2.1.1, before correcting it to STRATEGIST_TEXT. */
const STRATEGIST_TEXT_DRAFT = `E2E årsuppföljning: samordningsfunktionen är inrättad (${Date.now()}).`;
const POLICE_TEXT = `E2E polisens uppföljning: tillsynerna hos handlarna har genomförts tillsammans med Skatteverket (${Date.now()}).`;

const CANNOT_ASSESS = "Du har inte behörighet att bedöma målen eller markera uppföljningen som klar. Det gör stadsdelsområdets trygghetsstrateg.";
const POLICE_ONLY_THEIRS = "Polisen skriver uppföljning bara för åtgärder som genomförs med polisen.";

type Who = "strategFarsta" | "polisFarsta";

let plan2025: string;
let areaIdValue: string;
let measures: AreaMeasure[];
let snapshot: FollowUpSnapshot | undefined;
const sessions = new Map<Who, BrowserContext>();

/** The user's page, signed in once in a context of their own. */
async function as(browser: Browser, who: Who): Promise<Page> {
  let context = sessions.get(who);
  if (!context) {
    context = await browser.newContext();
    sessions.set(who, context);
    const page = await context.newPage();
    await loginAs(page, USERS[who]);
    return page;
  }
  return context.pages()[0] ?? context.newPage();
}

const measure = (label: Label): AreaMeasure => {
  const m = measures.find((x) => x.label === label);
  if (!m) throw new Error(`No ${label} in ${AREA}.`);
  return m;
};

/** The follow-up tab, reached from the plan's tabs. */
async function openFollowUpTab(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name: "Uppföljning" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Uppföljning" })).toBeVisible();
}

/** The round page, from the follow-up tab's task list. */
async function openRound(page: Page): Promise<void> {
  await openFollowUpTab(page);
  await page.getByTestId("rounds").getByRole("link", { name: ROUND_LABEL }).click();
  await expect(page.getByRole("heading", { level: 2, name: ROUND_LABEL })).toBeVisible();
}

/** A "Målen i…" table as { area → counts }, the plan's row under "Hela planen". */
async function readStatusTable(page: Page): Promise<Record<string, Row>> {
  const table = page.getByTestId("follow-up-table");
  await expect(table.getByRole("columnheader")).toHaveText(COLUMNS);
  const out: Record<string, Row> = {};
  for (const row of await table.getByRole("row").all()) {
    const header = row.getByRole("rowheader");
    if ((await header.count()) === 0) continue; // the column header row
    // "17 (36 %)": the count, then its share.
    const cells = (await row.getByRole("cell").allInnerTexts()).map((t) => Number.parseInt(t.trim(), 10));
    out[(await header.innerText()).trim()] = cells as Row;
  }
  return out;
}

/** The round's line for an area in the round page's task list. */
const roundAreaItem = (page: Page) => page.getByTestId("round-areas").getByRole("listitem").filter({ has: page.getByRole("link", { name: AREA, exact: true }) });

/** The follow-up of one measure on the round-area page: its <article>, named by its heading. */
const article = (page: Page, label: string): Locator => page.getByRole("article", { name: label, exact: true });

const statusGroup = (scope: Locator) => scope.getByRole("radiogroup", { name: "Status för mål 1" });

/** Adds hidden inputs to a form, as a forged request would. */
async function addHiddenInputs(form: Locator, values: Record<string, string>): Promise<void> {
  await form.evaluate((el, entries) => {
    for (const [name, value] of entries) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      el.appendChild(input);
    }
  }, Object.entries(values));
}

async function setHiddenInput(form: Locator, name: string, value: string): Promise<void> {
  await form.locator(`input[type="hidden"][name="${name}"]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
}

/** How "Mina åtgärder" writes a measure in its link: cut after 159 characters. */
const listed = (description: string) => (description.length > 160 ? `${description.slice(0, 159)}…` : description);

const overdueLinks = (page: Page) => page.getByTestId("overdue-measures").getByRole("link");
const overdueCount = async (page: Page): Promise<number> => {
  const heading = await page.getByRole("heading", { level: 3, name: /^Försenade åtgärder \(\d+\)$/ }).innerText();
  return Number(/\((\d+)\)/.exec(heading)![1]);
};

test.beforeAll(async () => {
  const id = await planId(DISTRICT, YEAR);
  if (!id) throw new Error("No Farsta 2025 plan: is the database seeded?");
  plan2025 = id;
  // A 2026 plan left by an interrupted run would hide "Starta 2026 från 2025".
  const leftover = await planId(DISTRICT, NEXT);
  if (leftover) await deletePlanById(leftover);
  snapshot = await snapshotFollowUp(plan2025);
  areaIdValue = await areaId(DISTRICT, YEAR, AREA);
  measures = await measuresOfArea(areaIdValue);
  // The area as seeded: the test relies on it.
  expect(measures.map((m) => [m.label, m.withPolice, m.goals.length])).toEqual([
    ["Åtgärd 1.1.1", true, 1],
    ["Åtgärd 1.2.1", true, 1],
    ["Åtgärd 2.1.1", false, 1],
  ]);
});

test.afterAll(async () => {
  for (const context of sessions.values()) await context.close();
  sessions.clear();
  const next = await planId(DISTRICT, NEXT);
  if (next && !process.env.E2E_KEEP_PLAN) await deletePlanById(next);
  if (snapshot) await restoreFollowUp(snapshot);
});

test("1. the follow-up tab shows the seeded year-end follow-up of Farsta 2025", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await openFollowUpTab(page);
  await expect(page).toHaveTitle(/^Uppföljning – åtgärdsplan 2025/);

  const yearEnd = page.getByTestId("rounds").getByRole("listitem").filter({ hasText: ROUND_LABEL });
  await expect(yearEnd).toContainText("(obligatorisk)");
  await expect(yearEnd).toContainText("18 av 47 mål har status");
  await expect(yearEnd).toContainText("Pågår");
  await expect(page.getByTestId("follow-up-chart")).toBeVisible();
  expect(await readStatusTable(page), "the seeded statuses: re-seed the database if an earlier run did not restore them").toEqual(SEEDED);

  await expect(page.getByRole("heading", { level: 3, name: "Mål som inte är uppfyllda (0)" })).toBeVisible();
  // 2.1.1 ends 2025-12-31 and its goal has no status yet: overdue.
  await expect(overdueLinks(page).filter({ hasText: measure("Åtgärd 2.1.1").description })).toHaveCount(1);
  await expect(page.getByRole("link", { name: `Starta ${NEXT} från ${YEAR}` })).toBeVisible();
  await expectNoAxeViolations(page); // follow-up tab
});

test("2. the strategist records the year-end round for one area; the summary changes accordingly", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await openFollowUpTab(page);
  const overdueBefore = await overdueCount(page);

  await openRound(page);
  await expect(roundAreaItem(page)).toContainText("0 av 3 mål har status");
  await expect(roundAreaItem(page)).toContainText("Ej klar");
  await expectNoAxeViolations(page); // round page

  await page.getByTestId("round-areas").getByRole("link", { name: AREA }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${AREA}: ${ROUND_LABEL.toLowerCase()}` })).toBeVisible();
  // The strategist may follow up every measure and assess every goal.
  await expect(page.getByRole("button", { name: /^Spara uppföljning av/ })).toHaveText(measures.map((m) => `Spara uppföljning av ${m.label.toLowerCase()}`));
  await expect(page.getByRole("radiogroup")).toHaveCount(3);
  await expectNoAxeViolations(page); // round-area page, as the strategist

  const strategist = await userId(USERS.strategFarsta);
  for (const [label, { label: statusLabel }] of Object.entries(RECORD) as [Label, (typeof RECORD)[Label]][]) {
    const m = measure(label);
    const item = article(page, label);
    await expect(item.getByText(m.description, { exact: true })).toBeVisible();
    await expect(statusGroup(item).getByRole("radio", { name: "Ingen status ännu" })).toBeChecked();
    await statusGroup(item).getByRole("radio", { name: statusLabel, exact: true }).check();
    if (label === "Åtgärd 2.1.1") await item.getByRole("textbox", { name: "Uppföljning av åtgärd 2.1.1" }).fill(STRATEGIST_TEXT_DRAFT);
    await item.getByRole("button", { name: `Spara uppföljning av ${label.toLowerCase()}` }).click();
    await expect(item.getByRole("status")).toHaveText("Uppföljningen är sparad.");
  }
  // A second save in the same form, without a reload (a corrected text): the form has the new versions.
  const m211 = measure("Åtgärd 2.1.1");
  const first = await measureFollowUp(plan2025, "YEAR_END", m211.id);
  expect(first?.text).toBe(STRATEGIST_TEXT_DRAFT);
  await article(page, "Åtgärd 2.1.1").getByRole("textbox", { name: "Uppföljning av åtgärd 2.1.1" }).fill(STRATEGIST_TEXT);
  await article(page, "Åtgärd 2.1.1").getByRole("button", { name: "Spara uppföljning av åtgärd 2.1.1" }).click();
  await expect.poll(async () => (await measureFollowUp(plan2025, "YEAR_END", m211.id))?.text).toBe(STRATEGIST_TEXT);
  await expect(article(page, "Åtgärd 2.1.1").getByRole("status")).toHaveText("Uppföljningen är sparad.");
  await expect(article(page, "Åtgärd 2.1.1").getByTestId("error-summary")).toHaveCount(0);
  expect((await measureFollowUp(plan2025, "YEAR_END", m211.id))?.version).toBe(first!.version + 1);

  // Stored: a status for each goal of the area, by the strategist; the text of 2.1.1.
  const stored = await goalFollowUps(plan2025, "YEAR_END", measures.flatMap((m) => m.goals.map((g) => g.id)));
  for (const [label, { status }] of Object.entries(RECORD) as [Label, (typeof RECORD)[Label]][]) {
    expect(stored.get(measure(label).goals[0]!.id), label).toMatchObject({ status, updatedById: strategist });
  }
  expect(await measureFollowUp(plan2025, "YEAR_END", measure("Åtgärd 2.1.1").id)).toMatchObject({ text: STRATEGIST_TEXT, updatedById: strategist });

  // What was saved is what the page shows after a reload.
  await page.reload();
  for (const [label, { label: statusLabel }] of Object.entries(RECORD) as [Label, (typeof RECORD)[Label]][]) {
    await expect(statusGroup(article(page, label)).getByRole("radio", { name: statusLabel, exact: true })).toBeChecked();
  }
  await expect(article(page, "Åtgärd 2.1.1").getByRole("textbox", { name: "Uppföljning av åtgärd 2.1.1" })).toHaveValue(STRATEGIST_TEXT);
  await expect(article(page, "Åtgärd 2.1.1")).toContainText(`Senast skriven av ${USER_NAMES.strategFarsta}`);

  // The round's task list: the area is done; the round is not, and cannot be marked as done yet.
  await openRound(page);
  await expect(roundAreaItem(page)).toContainText("3 av 3 mål har status");
  await expect(roundAreaItem(page)).toContainText("Klar");
  await expect(roundAreaItem(page)).not.toContainText("Ej klar");
  await page.getByRole("button", { name: `Markera ${ROUND_LABEL.toLowerCase()} som klar` }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`${ROUND_LABEL} kan inte markeras som klar än: 26 mål saknar status.`);
  await expectNoAxeViolations(page); // round page with the refused "Markera som klar"
  const [round] = await query<{ completedAt: Date | null }>(`SELECT "completedAt" FROM "FollowUpRound" WHERE "planId" = $1 AND "kind" = 'YEAR_END'`, [plan2025]);
  expect(round?.completedAt).toBeNull();

  // "Målen just nu": exactly the three goals moved from "Ingen status ännu".
  await openFollowUpTab(page);
  expect(await readStatusTable(page)).toEqual(AFTER);
  await expect(page.getByTestId("rounds").getByRole("listitem").filter({ hasText: ROUND_LABEL })).toContainText("21 av 47 mål har status");
  await expect(page.getByRole("heading", { level: 3, name: "Mål som inte är uppfyllda (2)" })).toBeVisible();
  await expect(page.getByTestId("goals-not-met").getByRole("listitem")).toHaveText([
    `Ej uppfyllt ${AREA}, mål 1 i åtgärd 1.1.1: ${measure("Åtgärd 1.1.1").goals[0]!.description}`,
    `Delvis uppfyllt ${AREA}, mål 1 i åtgärd 1.2.1: ${measure("Åtgärd 1.2.1").goals[0]!.description}`,
  ]);
  // 2.1.1's goal is met: no longer overdue.
  expect(await overdueCount(page)).toBe(overdueBefore - 1);
  await expect(overdueLinks(page).filter({ hasText: measure("Åtgärd 2.1.1").description })).toHaveCount(0);
  await expectNoAxeViolations(page); // follow-up tab with goals not met
});

test("3. the police write the follow-up of a police measure, without goal statuses, and get no form for other measures", async ({ browser }) => {
  const page = await as(browser, "polisFarsta");
  await openFollowUpTab(page);
  // The police may write, so no "you can only read" line; but they do not start next year's plan.
  await expect(page.getByRole("link", { name: `Starta ${NEXT} från ${YEAR}` })).toHaveCount(0);
  await expect(page.getByText("Stadsdelsområdets trygghetsstrateg startar nästa års plan.")).toBeVisible();

  await openRound(page);
  await expect(page.getByRole("button", { name: /^Markera .* som klar$/ })).toHaveCount(0);
  await page.getByTestId("round-areas").getByRole("link", { name: AREA }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${AREA}: ${ROUND_LABEL.toLowerCase()}` })).toBeVisible();
  await expect(page.getByText("Du skriver uppföljningen av de åtgärder som genomförs med polisen. Strategen bedömer målen.")).toBeVisible();

  // A form for each police measure, none for 2.1.1; no goal status anywhere.
  const policeMeasures = measures.filter((m) => m.withPolice);
  await expect(page.getByRole("button", { name: /^Spara uppföljning av/ })).toHaveText(policeMeasures.map((m) => `Spara uppföljning av ${m.label.toLowerCase()}`));
  await expect(page.getByRole("radiogroup")).toHaveCount(0);
  await expect(page.getByRole("radio")).toHaveCount(0);
  const other = article(page, "Åtgärd 2.1.1");
  await expect(other.getByRole("textbox")).toHaveCount(0);
  await expect(other.getByRole("button")).toHaveCount(0);
  await expect(other.getByText(STRATEGIST_TEXT, { exact: true })).toBeVisible(); // read, not written
  await expect(other.getByRole("listitem")).toHaveText([`Mål 1: ${measure("Åtgärd 2.1.1").goals[0]!.description} – Uppfyllt`]);
  await expectNoAxeViolations(page); // round-area page, as the police

  const police = article(page, "Åtgärd 1.1.1");
  const m111 = measure("Åtgärd 1.1.1");
  const goalBefore = (await goalFollowUps(plan2025, "YEAR_END", [m111.goals[0]!.id])).get(m111.goals[0]!.id);
  expect(goalBefore?.status).toBe("NOT_MET");
  await police.getByRole("textbox", { name: "Uppföljning av åtgärd 1.1.1" }).fill(POLICE_TEXT);
  await police.getByRole("button", { name: "Spara uppföljning av åtgärd 1.1.1" }).click();
  await expect(police.getByRole("status")).toHaveText("Uppföljningen är sparad.");
  const written = await measureFollowUp(plan2025, "YEAR_END", m111.id);
  expect(written).toMatchObject({ text: POLICE_TEXT, updatedById: await userId(USERS.polisFarsta) });
  // The goal's status is the strategist's, untouched.
  expect((await goalFollowUps(plan2025, "YEAR_END", [m111.goals[0]!.id])).get(m111.goals[0]!.id)).toEqual(goalBefore);

  // Forged: the police post a goal status with their text → refused, nothing written.
  await page.reload();
  const form = police.locator("form");
  await addHiddenInputs(form, { "goals.0.id": m111.goals[0]!.id, "goals.0.version": String(goalBefore!.version), "goals.0.status": "MET" });
  await police.getByRole("textbox", { name: "Uppföljning av åtgärd 1.1.1" }).fill(`${POLICE_TEXT} (förfalskad)`);
  await police.getByRole("button", { name: "Spara uppföljning av åtgärd 1.1.1" }).click();
  await expect(police.getByTestId("error-summary")).toContainText(CANNOT_ASSESS);
  expect(await measureFollowUp(plan2025, "YEAR_END", m111.id)).toEqual(written);
  expect((await goalFollowUps(plan2025, "YEAR_END", [m111.goals[0]!.id])).get(m111.goals[0]!.id)).toEqual(goalBefore);

  // Forged: the police post the text of the measure without the police → refused, nothing written.
  await page.reload();
  const m211 = measure("Åtgärd 2.1.1");
  const otherBefore = await measureFollowUp(plan2025, "YEAR_END", m211.id);
  await setHiddenInput(police.locator("form"), "measureId", m211.id);
  await setHiddenInput(police.locator("form"), "textVersion", String(otherBefore?.version ?? 0));
  await police.getByRole("textbox", { name: "Uppföljning av åtgärd 1.1.1" }).fill(`${POLICE_TEXT} (i fel åtgärd)`);
  await police.getByRole("button", { name: "Spara uppföljning av åtgärd 1.1.1" }).click();
  await expect(police.getByTestId("error-summary")).toContainText(POLICE_ONLY_THEIRS);
  expect(await measureFollowUp(plan2025, "YEAR_END", m211.id)).toEqual(otherBefore);
  expect(await measureFollowUp(plan2025, "YEAR_END", m111.id)).toEqual(written);
});

test("4. Mina åtgärder: the strategist's measures with the overdue ones flagged; the police see only police measures", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await page.getByRole("link", { name: "Mina åtgärder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mina åtgärder" })).toBeVisible();
  const count = (await planContent(plan2025)).measures.length;
  const section = page.getByRole("region", { name: `Farsta – åtgärdsplan ${YEAR} (${count})` });
  const items = section.getByTestId("my-measures").getByRole("listitem");
  await expect(items).toHaveCount(count);
  const overdue = items.filter({ has: page.getByText("Försenad", { exact: true }) });
  const flagged = await overdue.count();
  expect(flagged).toBeGreaterThan(0);
  await expect(page.getByText(`${flagged} försenade`, { exact: true })).toBeVisible();
  // Overdue first.
  for (let i = 0; i < flagged; i++) await expect(items.nth(i).getByText("Försenad", { exact: true })).toBeVisible();
  // 2.1.1's goal was met in test 2: listed, not flagged, with its year-end text.
  const m211 = items.filter({ has: page.getByRole("link", { name: listed(measure("Åtgärd 2.1.1").description), exact: true }) });
  await expect(m211).toHaveCount(1);
  await expect(m211.getByText("Försenad", { exact: true })).toHaveCount(0);
  await expect(m211).toContainText("Mål: uppfyllt · årsuppföljning skriven");
  await expectNoAxeViolations(page); // my measures, as the strategist

  await page.getByRole("link", { name: "Visa bara försenade" }).click();
  await expect(page).toHaveURL(/\/my-measures\?forsenade=1$/);
  const onlyOverdue = page.getByRole("region", { name: `Farsta – åtgärdsplan ${YEAR} (${flagged})` }).getByTestId("my-measures").getByRole("listitem");
  await expect(onlyOverdue).toHaveCount(flagged);
  await expect(onlyOverdue.filter({ hasNot: page.getByText("Försenad", { exact: true }) })).toHaveCount(0);

  // The police: the measures with the police, the link goes to the follow-up form.
  const police = await as(browser, "polisFarsta");
  await police.goto("/my-measures");
  await expect(police.getByRole("heading", { level: 1, name: "Mina åtgärder" })).toBeVisible();
  const policeItems = police.getByRole("region", { name: new RegExp(`^Farsta – åtgärdsplan ${YEAR} \\(\\d+\\)$`) }).getByTestId("my-measures").getByRole("listitem");
  const link111 = policeItems.getByRole("link", { name: listed(measure("Åtgärd 1.1.1").description), exact: true });
  await expect(link111).toHaveAttribute("href", `${BASE}/follow-up/year-end/${areaIdValue}#measure-${measure("Åtgärd 1.1.1").id}`);
  await expect(policeItems.getByRole("link", { name: listed(measure("Åtgärd 2.1.1").description), exact: true })).toHaveCount(0);
  await expectNoAxeViolations(police); // my measures, as the police
  await link111.click();
  await expect(police.getByRole("textbox", { name: "Uppföljning av åtgärd 1.1.1" })).toHaveValue(POLICE_TEXT);
});

test("5. the strategist starts 2026 from 2025 carrying the goal moved to next year; it links back to 2025", async ({ browser }) => {
  const moved = await theMovedGoal(plan2025);
  const page = await as(browser, "strategFarsta");
  await openFollowUpTab(page);
  await page.getByRole("link", { name: `Starta ${NEXT} från ${YEAR}` }).click();
  await page.waitForURL(`**${BASE}/next-year`);
  await expect(page.getByRole("heading", { level: 2, name: `Starta ${NEXT} från ${YEAR}` })).toBeVisible();

  // Pre-selected: exactly the moved goal with its measure, cause and problem.
  const chain = [moved.problemId, moved.causeId, moved.measureId, moved.goalId];
  const checked = await page.locator('input[type="checkbox"]:checked').evaluateAll((els) => els.map((e) => e.id));
  expect(checked.sort()).toEqual(chain.map((id) => `carry-${id}`).sort());
  await expect(page.getByRole("checkbox", { name: new RegExp(`^Mål 1: .* – flyttas till nästa år$`) })).toBeChecked();
  await expect(page.getByText("4 rader förvalda", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page); // next-year page

  await page.getByRole("button", { name: `Skapa åtgärdsplan ${NEXT}` }).click();
  await page.waitForURL(`**/plans/${DISTRICT}/${NEXT}`);
  await expect(page.getByRole("heading", { level: 1, name: `Åtgärdsplan ${NEXT} – Farsta` })).toBeVisible();
  await expect(page.locator("h1 + strong")).toHaveText("Utkast");

  // Stored: a draft with the five central areas and exactly the carried chain, each row pointing at its origin.
  const next = (await planId(DISTRICT, NEXT))!;
  expect(next).toBeTruthy();
  expect((await query<{ status: string }>(`SELECT "status" FROM "Plan" WHERE "id" = $1`, [next]))[0]?.status).toBe("DRAFT");
  const content = await planContent(next);
  expect(content.areas.map((a) => [a.position, a.centralArea, a.name])).toEqual(CENTRAL_AREAS.map((c, i) => [i, c, CENTRAL_AREA_NAMES[c]]));
  const targetArea = content.areas.find((a) => a.centralArea === moved.centralArea)!;
  expect(content.problems).toEqual([{ id: expect.any(String), areaId: targetArea.id, collectiveName: moved.collectiveName, description: moved.problem, carriedFromId: moved.problemId }]);
  expect(content.causes).toEqual([{ id: expect.any(String), problemId: content.problems[0]!.id, description: moved.cause, carriedFromId: moved.causeId }]);
  // A 2025 date does not carry over: the new measure has no deadline yet.
  expect(content.measures).toEqual([{ id: expect.any(String), causeId: content.causes[0]!.id, description: moved.measure, deadlineKind: null, carriedFromId: moved.measureId }]);
  expect(content.goals).toEqual([{ id: expect.any(String), measureId: content.measures[0]!.id, description: moved.goal, carriedFromId: moved.goalId }]);

  // The 2026 area page: the carried goal and measure say "från 2025" and link back to the 2025 area.
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name: moved.areaName }).click();
  await expect(page.getByRole("heading", { level: 2, name: moved.areaName })).toBeVisible();
  const problem = page.getByRole("region", { name: moved.collectiveName ? `Problem 1 – ${moved.collectiveName}` : "Problem 1" });
  await expect(page.getByRole("region", { name: /^Problem \d+/ })).toHaveCount(1);
  await expect(problem.getByText(moved.goal)).toBeVisible();
  const goalOrigin = problem.getByRole("link", { name: `från ${YEAR} (målet i åtgärdsplan ${YEAR})` });
  await expect(goalOrigin).toHaveAttribute("href", `${BASE}/areas/${moved.areaId}#goal-${moved.goalId}`);
  await expect(problem.getByRole("link", { name: `från ${YEAR} (åtgärden i åtgärdsplan ${YEAR})` })).toHaveAttribute("href", `${BASE}/areas/${moved.areaId}#measure-${moved.measureId}`);
  await expectNoAxeViolations(page); // the new plan's area page

  await goalOrigin.click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/areas/${moved.areaId}#goal-${moved.goalId}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Åtgärdsplan ${YEAR} – Farsta` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: moved.areaName })).toBeVisible();
  await expect(page.locator(`[id="goal-${moved.goalId}"]`)).toContainText(moved.goal);

  // 2025's follow-up now points at the 2026 plan instead of offering to start it.
  await openFollowUpTab(page);
  await expect(page.getByRole("link", { name: `Starta ${NEXT} från ${YEAR}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Åtgärdsplan ${NEXT} för Farsta` })).toHaveAttribute("href", `/plans/${DISTRICT}/${NEXT}`);
});
