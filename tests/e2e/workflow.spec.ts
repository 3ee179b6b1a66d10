import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, loginAs, USER_NAMES, USERS } from "./support/fixtures";
import { areaId, deleteMarkedPlans, deletePlanById, insertCompleteChain, planId, planState, unusedPlanYear } from "./support/db";

// The plan's whole yearly cycle, with the demo users, on a Farsta plan of the test's own (a free
// year 2030–2099, deleted afterwards): the strategist fills it, the police sign one measure and
// decline another, the strategist fixes it and submits, the steering group decides (a stale
// second tab cannot decide twice), the review group sends it back, the strategist edits a
// measure (the police signature is withdrawn and given again), submits, the steering group
// decides again, the review group accepts, the strategist records the council decision; then
// the versions, their comparison and the history. Axe runs on every page the cycle shows.

test.describe.configure({ mode: "serial" });

const DISTRICT = "farsta";
const YEARS = { from: 2030, to: 2099 } as const;
/** Every problem of the test's plan has a collective name starting with this: how leftovers are found. */
const MARKER = "E2E arbetsflöde";

const AREAS = {
  youth: "Unga i riskzon för destruktivt beteende",
  places: "Otrygga och brottsutsatta platser",
  system: "Systemhotande brottslighet",
  victims: "Särskilt utsatta och sårbara brottsoffer",
  criminal: "Kriminella miljöer och livsstilar",
} as const;

/** The chain made through the UI, in "Unga i riskzon": its measure is done with the police and signed. */
const WALK = {
  collectiveName: `${MARKER} – kvällar`,
  problem: "Unga samlas sent på kvällen vid Farsta centrum och det blir bråk",
  cause: "Få vuxna är ute på kvällarna",
  measure: "Polis och fältare går kvällsvandring varje fredag",
  /** After the review group's return: "går" → "gör", "och lördag" added. */
  measureRevised: "Polis och fältare gör kvällsvandring varje fredag och lördag",
  organisation: "Lokalpolisområde Farsta",
  role: "Kommunpolis",
  goal: "Minst 40 kvällsvandringar under året",
};

/** The inserted police measure, in "Otrygga platser": declined by the police, rewritten, then signed. */
const CAMERA = {
  collectiveName: `${MARKER} – torget`,
  problem: "Rån och narkotikaförsäljning på torget",
  cause: "Torget är mörkt och saknar uppsikt",
  measure: "Polisen kameraövervakar torget i Farsta centrum",
  measureFixed: "Polisen utreder behovet av kameraövervakning på torget",
  goal: "Utredningen är klar före sommaren",
  organisation: "Polisen",
  withPolice: true,
};
const DECLINE_COMMENT = "Polisen kan inte lova kameraövervakning. Skriv om åtgärden till en utredning av behovet.";
const RETURN_COMMENT = "Trygghetsvandringarna behövs även på lördagar. Revidera åtgärden.";

/** The other three areas' chains, inserted, without the police. */
const OTHER_CHAINS = [
  { area: AREAS.system, key: "system" },
  { area: AREAS.victims, key: "brottsoffer" },
  { area: AREAS.criminal, key: "miljöer" },
].map(({ area, key }) => ({
  area,
  text: {
    collectiveName: `${MARKER} – ${key}`,
    problem: `Problem inom ${area.toLowerCase()}`,
    cause: `Orsak inom ${area.toLowerCase()}`,
    measure: `Åtgärd inom ${area.toLowerCase()}`,
    goal: `Mål inom ${area.toLowerCase()}`,
  },
}));

type Who = keyof typeof USERS;

let year: number;
let base: string;
let plan: string;
const sessions = new Map<Who, BrowserContext>();

/** The user's page, signed in once in a context of their own; `fresh` opens another tab in it. */
async function as(browser: Browser, who: Who, { fresh = false } = {}): Promise<Page> {
  let context = sessions.get(who);
  if (!context) {
    context = await browser.newContext();
    sessions.set(who, context);
    const page = await context.newPage();
    await loginAs(page, USERS[who]);
    return page;
  }
  if (fresh) return context.newPage();
  return context.pages()[0] ?? context.newPage();
}

const statusTag = (page: Page) => page.locator("h1 + strong");

async function openOverview(page: Page): Promise<void> {
  await page.goto(base);
  await expect(page.getByRole("heading", { level: 2, name: "Översikt" })).toBeVisible();
}

async function openArea(page: Page, name: string): Promise<void> {
  await page.goto(base);
  await page.getByRole("navigation", { name: "Planens flikar" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

/** One step of the "Nästa steg" panel, by its heading (the button's text). */
function workflowStep(page: Page, label: string): Locator {
  return page
    .getByRole("region", { name: "Nästa steg" })
    .locator(":scope > div")
    .filter({ has: page.getByRole("heading", { level: 3, name: label, exact: true }) });
}

const problemRegion = (page: Page, collectiveName: string) => page.getByRole("region", { name: new RegExp(`^Problem \\d+ – ${collectiveName}$`) });

/** The worklist's section for the test's plan (the demo plan Farsta 2025 has its own). */
const worklistSection = (page: Page) => page.getByRole("region", { name: new RegExp(`^Farsta – åtgärdsplan ${year} \\(\\d+\\)$`) });

async function openWorklist(page: Page): Promise<void> {
  await page.goto("/worklist");
  await expect(page.getByRole("heading", { level: 1, name: "Att signera" })).toBeVisible();
}

/** The police sign a measure on its area page (reached from the worklist link). */
async function signFromWorklist(page: Page, linkName: RegExp, collectiveName: string, measureLabel: string): Promise<void> {
  await openWorklist(page);
  await worklistSection(page).getByRole("link", { name: linkName }).click();
  const problem = problemRegion(page, collectiveName);
  const forms = problem.getByRole("group", { name: `Polisens underskrift för ${measureLabel.toLowerCase()}` });
  await forms.getByRole("button", { name: `Signera ${measureLabel.toLowerCase()}` }).click();
  await expect(problem.getByText(`Signerad av polisen (${USER_NAMES.polisFarsta},`)).toBeVisible();
  await expect(forms).toHaveCount(0);
}

/** The strategist sends the plan from "Granska och skicka" and lands on the confirmation. */
async function submitPlan(page: Page, { axe = false } = {}): Promise<void> {
  await openOverview(page);
  await page.getByRole("link", { name: "Granska och skicka planen till styrgruppen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Granska och skicka" })).toBeVisible();
  await expect(page.getByTestId("submit-missing")).toHaveCount(0);
  await expect(page.getByText("Kontrollera planen nedan.")).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Skicka till styrgruppen för beslut" }).click();
  await page.waitForURL(`**${base}/submit/done`);
  await expect(page.getByRole("heading", { level: 2, name: "Planen är skickad till styrgruppen" })).toBeVisible();
  await expect(statusTag(page)).toHaveText("Skickad till styrgruppen");
  if (axe) await expectNoAxeViolations(page);
}

/** The steering group decides the plan on the overview. */
async function decide(page: Page, decidedOn: string): Promise<void> {
  const step = workflowStep(page, "Besluta planen");
  await step.getByLabel("Beslutsdatum").fill(decidedOn);
  await step.getByRole("button", { name: "Besluta planen" }).click();
  await expect(statusTag(page)).toHaveText("Beslutad av lokal styrgrupp");
}

test.beforeAll(async () => {
  await deleteMarkedPlans(DISTRICT, YEARS.from, YEARS.to, MARKER);
  year = await unusedPlanYear(DISTRICT, YEARS.from, YEARS.to);
  base = `/plans/${DISTRICT}/${year}`;
});

test.afterAll(async () => {
  for (const context of sessions.values()) await context.close();
  sessions.clear();
  // Also when the test failed before it read the plan's id.
  const id = plan ?? (year ? await planId(DISTRICT, year) : undefined);
  if (id && !process.env.E2E_KEEP_PLAN) await deletePlanById(id);
});

test("1. the strategist creates a plan and fills all five areas, one chain through the editor", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await page.goto(base);
  await expect(page.getByText(`Det finns ingen åtgärdsplan för ${year} ännu.`)).toBeVisible();
  // Created from the plan list (which redirects to the new plan).
  await page.goto("/plans");
  await page.getByLabel("År för ny plan i Farsta").fill(String(year));
  await page.getByRole("button", { name: "Skapa plan för Farsta" }).click();
  await page.waitForURL(`**${base}`);
  await expect(page.getByRole("heading", { level: 2, name: "Översikt" })).toBeVisible();
  await expect(statusTag(page)).toHaveText("Utkast");
  plan = (await planId(DISTRICT, year))!;
  expect(plan).toBeTruthy();

  // Four areas straight into the database; the camera measure needs the police's signature.
  await insertCompleteChain(await areaId(DISTRICT, year, AREAS.places), CAMERA);
  for (const { area, text } of OTHER_CHAINS) await insertCompleteChain(await areaId(DISTRICT, year, area), text);

  // The fifth through the editor, with a measure done with the police.
  await openArea(page, AREAS.youth);
  await page.getByRole("button", { name: "Lägg till problem" }).click();
  await page.getByLabel("Samlingsnamn").fill(WALK.collectiveName);
  await page.getByRole("textbox", { name: "Problem", exact: true }).fill(WALK.problem);
  await page.getByRole("button", { name: "Spara problem" }).click();
  const problem = problemRegion(page, WALK.collectiveName);
  await expect(problem.getByText(WALK.problem)).toBeVisible();

  await problem.getByRole("button", { name: "Lägg till orsak till problem 1" }).click();
  await problem.getByRole("textbox", { name: "Orsak", exact: true }).fill(WALK.cause);
  await problem.getByRole("button", { name: "Spara orsak" }).click();
  await expect(problem.getByText(WALK.cause)).toBeVisible();

  await problem.getByRole("button", { name: "Lägg till åtgärd till orsak 1.1" }).click();
  await problem.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(WALK.measure);
  await problem.getByRole("checkbox", { name: /^Genomförs med polisen/ }).check();
  await problem.getByRole("radio", { name: "Senast ett datum" }).check();
  await problem.getByLabel("Datum", { exact: true }).fill(`${year}-12-31`);
  await problem.getByRole("textbox", { name: "Organisation 1" }).fill(WALK.organisation);
  await problem.getByRole("textbox", { name: /^Roll 1/ }).fill(WALK.role);
  await problem.getByRole("button", { name: "Spara åtgärd" }).click();
  await expect(problem.getByText(WALK.measure)).toBeVisible();
  await expect(problem.getByText("Med polisen", { exact: true })).toBeVisible();
  await expect(problem.getByText("Polisens underskrift saknas", { exact: true })).toBeVisible();

  await problem.getByRole("button", { name: "Lägg till mål till åtgärd 1.1.1" }).click();
  await problem.getByRole("textbox", { name: "Operativt mål" }).fill(WALK.goal);
  await problem.getByRole("button", { name: "Spara mål" }).click();
  await expect(problem.getByText(WALK.goal)).toBeVisible();
  await expect(page.getByTestId("area-gaps")).toHaveCount(0);

  await openOverview(page);
  await expect(page.getByText("5 av 5 områden klara.")).toBeVisible();
  await expect(page.getByTestId("completeness-list")).toHaveCount(0);
  await expect(page.getByTestId("unsigned-count")).toHaveText("2 åtgärder väntar på polisens underskrift.");
  await expect(workflowStep(page, "Besluta planen")).toHaveCount(0);
  await expectNoAxeViolations(page); // overview, DRAFT
});

test("2. the police sign one measure from the worklist and decline the other with a comment", async ({ browser }) => {
  const page = await as(browser, "polisFarsta");
  await openWorklist(page);
  const section = worklistSection(page);
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(`Farsta – åtgärdsplan ${year} (2)`);
  await expect(section.getByRole("listitem")).toHaveText([
    `Åtgärden "${WALK.measure}" saknar polisens underskrift.`,
    `Åtgärden "${CAMERA.measure}" saknar polisens underskrift.`,
  ]);
  await expectNoAxeViolations(page); // worklist

  await section.getByRole("link", { name: /kvällsvandring/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: AREAS.youth })).toBeVisible();
  await expect(page.getByTestId("read-only-notice")).toBeVisible();
  await expectNoAxeViolations(page); // area page with the police's forms
  const walk = problemRegion(page, WALK.collectiveName);
  await walk.getByRole("button", { name: "Signera åtgärd 1.1.1" }).click();
  await expect(walk.getByText(`Signerad av polisen (${USER_NAMES.polisFarsta},`)).toBeVisible();
  await expect(walk.getByRole("group", { name: "Polisens underskrift för åtgärd 1.1.1" })).toHaveCount(0);

  await openWorklist(page);
  await expect(worklistSection(page).getByRole("listitem")).toHaveText([`Åtgärden "${CAMERA.measure}" saknar polisens underskrift.`]);
  await worklistSection(page).getByRole("link", { name: /kameraövervakar/ }).click();
  const camera = problemRegion(page, CAMERA.collectiveName);
  const forms = camera.getByRole("group", { name: "Polisens underskrift för åtgärd 1.1.1" });
  await forms.getByRole("button", { name: "Avböj åtgärd 1.1.1" }).click();
  // An empty comment is refused: the police must say why.
  await forms.getByRole("button", { name: "Avböj med kommentar" }).click();
  await expect(forms.getByTestId("error-summary")).toContainText("Skriv varför polisen inte kan ställa sig bakom åtgärden");
  await forms.getByRole("textbox", { name: "Varför kan polisen inte ställa sig bakom åtgärden?" }).fill(DECLINE_COMMENT);
  await forms.getByRole("button", { name: "Avböj med kommentar" }).click();
  await expect(camera.getByText("Polisen har avböjt", { exact: true })).toBeVisible();
  await expect(camera.getByText(`Kommentar från ${USER_NAMES.polisFarsta}: ”${DECLINE_COMMENT}”`)).toBeVisible();
  await expectNoAxeViolations(page); // area page with a declined measure

  await openWorklist(page);
  await expect(worklistSection(page).getByRole("listitem")).toHaveText([`Polisen har avböjt att skriva under åtgärden "${CAMERA.measure}".`]);
});

test("3. the strategist sees the decline, cannot send yet, rewrites the measure; the police sign; the plan is sent", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await openArea(page, AREAS.places);
  const camera = problemRegion(page, CAMERA.collectiveName);
  await expect(camera.getByText("Polisen har avböjt", { exact: true })).toBeVisible();
  await expect(camera.getByText(`Kommentar från ${USER_NAMES.polisFarsta}: ”${DECLINE_COMMENT}”`)).toBeVisible();

  await openOverview(page);
  await page.getByRole("link", { name: "Granska och skicka planen till styrgruppen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Granska och skicka" })).toBeVisible();
  const missing = page.getByTestId("submit-missing");
  await expect(missing.getByRole("listitem")).toHaveText([`Polisen har avböjt att skriva under åtgärden "${CAMERA.measure}".`]);
  await expectNoAxeViolations(page); // submit page, with what is missing

  // Sending anyway is refused by the server, with the same gap.
  await page.getByRole("button", { name: "Skicka till styrgruppen för beslut" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Planen kan inte skickas till styrgruppen än: 1 sak saknas.");
  await expect(summary).toContainText(`Polisen har avböjt att skriva under åtgärden "${CAMERA.measure}".`);
  expect((await planState(plan)).status).toBe("DRAFT");

  await missing.getByRole("link", { name: /kameraövervakar/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: AREAS.places })).toBeVisible();
  await camera.getByRole("button", { name: "Ändra åtgärd 1.1.1" }).click();
  await camera.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(CAMERA.measureFixed);
  await camera.getByRole("button", { name: "Spara åtgärd 1.1.1" }).click();
  await expect(camera.getByText(CAMERA.measureFixed)).toBeVisible();

  const police = await as(browser, "polisFarsta");
  await openWorklist(police);
  await expect(worklistSection(police).getByRole("listitem")).toHaveText([`Polisen har avböjt att skriva under åtgärden "${CAMERA.measureFixed}".`]);
  await signFromWorklist(police, /kameraövervakning/, CAMERA.collectiveName, "Åtgärd 1.1.1");
  await openWorklist(police);
  await expect(worklistSection(police)).toHaveCount(0);

  await submitPlan(page, { axe: true });
  await openOverview(page);
  await expect(statusTag(page)).toHaveText("Skickad till styrgruppen");
  await expect(page.getByRole("region", { name: "Nästa steg" })).toHaveCount(0);
  await expectNoAxeViolations(page); // overview, SUBMITTED, as the strategist
  expect(await planState(plan)).toMatchObject({ status: "SUBMITTED", versions: 0 });
});

test("4. the steering group decides; a stale second tab cannot decide again", async ({ browser }) => {
  const page = await as(browser, "styrgruppFarsta");
  const stale = await as(browser, "styrgruppFarsta", { fresh: true });
  await openOverview(page);
  await openOverview(stale);
  await expect(statusTag(page)).toHaveText("Skickad till styrgruppen");
  await expect(workflowStep(page, "Skicka tillbaka till strategen")).toBeVisible();
  await expectNoAxeViolations(page); // overview, SUBMITTED, as the steering group

  await decide(page, `${year}-02-10`);
  const decisions = page.getByTestId("decisions");
  await expect(decisions.getByRole("listitem")).toHaveText([`Beslutad av lokal styrgrupp ${year}-02-10 – registrerat av ${USER_NAMES.styrgruppFarsta} (version 1)`]);
  await expect(decisions.getByRole("link", { name: "version 1" })).toHaveAttribute("href", `${base}/versions/1`);
  await expect(page.getByRole("region", { name: "Nästa steg" })).toHaveCount(0);
  await expectNoAxeViolations(page); // overview, DECIDED

  // The second tab still shows the form of a plan waiting for a decision.
  const staleStep = workflowStep(stale, "Besluta planen");
  await staleStep.getByLabel("Beslutsdatum").fill(`${year}-02-11`);
  await staleStep.getByRole("button", { name: "Besluta planen" }).click();
  const summary = staleStep.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Planen är redan beslutad av den lokala styrgruppen. Styrgruppen kan bara besluta en plan som har skickats till den.");
  await expect(stale).toHaveTitle(/^Fel: /);
  await expectNoAxeViolations(stale); // the refused step's error summary
  expect(await planState(plan)).toMatchObject({ status: "DECIDED", versions: 1 });
  await stale.reload();
  await expect(statusTag(stale)).toHaveText("Beslutad av lokal styrgrupp");
  await expect(stale.getByTestId("decisions").getByRole("listitem")).toHaveCount(1);
  await stale.close();

  await page.goto(`${base}/versions`);
  await expect(page.getByRole("heading", { level: 2, name: "Versioner" })).toBeVisible();
  await expect(page.getByTestId("versions").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("versions").getByRole("listitem")).toContainText(`Version 1 – Beslutad av lokal styrgrupp ${year}-02-10`);
  await expectNoAxeViolations(page); // versions list

  await page.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Version 1" })).toBeVisible();
  await expect(page.getByText(WALK.measure, { exact: true })).toBeVisible();
  await expect(page.getByText(CAMERA.measureFixed, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page); // version view
});

test("5. the review group sends the plan back; the edit withdraws the police signature; re-signed, sent, decided again", async ({ browser }) => {
  const review = await as(browser, "beredning");
  await openOverview(review);
  await expect(statusTag(review)).toHaveText("Beslutad av lokal styrgrupp");
  await expectNoAxeViolations(review); // overview, DECIDED, as the review group
  const back = workflowStep(review, "Skicka tillbaka för revidering");
  await back.getByRole("button", { name: "Skicka tillbaka för revidering" }).click();
  await expect(back.getByTestId("error-summary")).toContainText("Skriv vad som behöver revideras innan planen skickas tillbaka.");
  await back.getByRole("textbox", { name: "Kommentar" }).fill(RETURN_COMMENT);
  await back.getByRole("button", { name: "Skicka tillbaka för revidering" }).click();
  await expect(statusTag(review)).toHaveText("Återsänd för ändring");

  const page = await as(browser, "strategFarsta");
  await openOverview(page);
  await expect(statusTag(page)).toHaveText("Återsänd för ändring");
  await expect(page.getByTestId("decisions").getByRole("listitem").last()).toContainText(`Skickad tillbaka av beredningsgruppen`);
  await expect(page.getByTestId("decisions").getByRole("listitem").last()).toContainText(`registrerat av ${USER_NAMES.beredning}`);
  await expect(page.getByTestId("decisions").getByText(`”${RETURN_COMMENT}”`)).toBeVisible();
  await expectNoAxeViolations(page); // overview, RETURNED

  await openArea(page, AREAS.youth);
  const walk = problemRegion(page, WALK.collectiveName);
  await expect(walk.getByText(`Signerad av polisen (${USER_NAMES.polisFarsta},`)).toBeVisible();
  await walk.getByRole("button", { name: "Ändra åtgärd 1.1.1" }).click();
  await walk.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(WALK.measureRevised);
  await walk.getByRole("button", { name: "Spara åtgärd 1.1.1" }).click();
  await expect(walk.getByText(WALK.measureRevised, { exact: true })).toBeVisible();
  await expect(walk.getByText("Underskriften har dragits tillbaka: åtgärden har ändrats", { exact: true })).toBeVisible();
  await expect(walk.getByText("Signerad av polisen")).toHaveCount(0);
  await expectNoAxeViolations(page); // area page with a withdrawn signature

  const police = await as(browser, "polisFarsta");
  await openWorklist(police);
  await expect(worklistSection(police).getByRole("listitem")).toHaveText([
    `Åtgärden "${WALK.measureRevised}" har ändrats efter polisens underskrift och behöver skrivas under igen.`,
  ]);
  await worklistSection(police).getByRole("link", { name: /kvällsvandring/ }).click();
  const policeWalk = problemRegion(police, WALK.collectiveName);
  await expect(policeWalk.getByText("Underskriften har dragits tillbaka: åtgärden har ändrats", { exact: true })).toBeVisible();
  await policeWalk.getByRole("button", { name: "Signera åtgärd 1.1.1" }).click();
  await expect(policeWalk.getByText(`Signerad av polisen (${USER_NAMES.polisFarsta},`)).toBeVisible();

  await submitPlan(page);

  const steering = await as(browser, "styrgruppFarsta");
  await openOverview(steering);
  await decide(steering, `${year}-03-17`);
  await expect(steering.getByTestId("decisions").getByRole("link", { name: "version 2" })).toBeVisible();
  expect(await planState(plan)).toMatchObject({ status: "DECIDED", versions: 2 });
});

test("6. the review group accepts; the strategist records the council decision", async ({ browser }) => {
  const review = await as(browser, "beredning");
  await openOverview(review);
  await workflowStep(review, "Godkänn planen").getByRole("button", { name: "Godkänn planen" }).click();
  await expect(statusTag(review)).toHaveText("Godkänd av beredningsgruppen");
  await expect(review.getByRole("region", { name: "Nästa steg" })).toHaveCount(0);
  await expectNoAxeViolations(review); // overview, ACCEPTED, as the review group

  const page = await as(browser, "strategFarsta");
  await openOverview(page);
  await expect(statusTag(page)).toHaveText("Godkänd av beredningsgruppen");
  await expectNoAxeViolations(page); // overview, ACCEPTED, as the strategist (council decision and reopen forms)
  const council = workflowStep(page, "Registrera nämndbeslut");
  await council.getByLabel("Beslutsdatum").fill(`${year}-04-22`);
  await council.getByRole("textbox", { name: /^Paragraf \(§\)/ }).fill("§ 12");
  await council.getByRole("button", { name: "Registrera nämndbeslut" }).click();
  await expect(statusTag(page)).toHaveText("Beslutad av stadsdelsnämnden");
  await expect(page.getByTestId("decisions").getByRole("listitem").last()).toHaveText(
    `Beslutad av stadsdelsnämnden ${year}-04-22, § 12 – registrerat av ${USER_NAMES.strategFarsta}`,
  );
  await expectNoAxeViolations(page); // overview, COUNCIL_DECIDED
  expect(await planState(plan)).toMatchObject({ status: "COUNCIL_DECIDED", versions: 2 });
});

test("7. comparing version 1 with version 2 shows exactly the edit, word by word", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await page.goto(`${base}/versions`);
  await expect(page.getByTestId("versions").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Jämför från")).toHaveValue("1");
  await expect(page.getByLabel("till", { exact: true })).toHaveValue("2");
  await expectNoAxeViolations(page); // versions list with two versions
  await page.getByRole("button", { name: "Visa skillnader" }).click();
  await page.waitForURL(`**${base}/versions/compare?from=1&to=2`);
  await expect(page.getByRole("heading", { level: 2, name: "Skillnader från version 1 till version 2" })).toBeVisible();

  const diff = page.getByTestId("diff");
  await expect(diff.getByRole("heading", { level: 3 })).toHaveText([AREAS.youth]);
  const changed = diff.locator(":scope > section > ul > li");
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText(`Ändrad åtgärd: ${WALK.measureRevised}`);
  const fields = changed.locator(":scope > ul > li");
  await expect(fields).toHaveCount(1);
  await expect(fields).toHaveText(`Beskrivning: ${WALK.measureRevised}`.replace(" gör", " går gör"));
  await expect(diff.locator("del")).toHaveText(["går"].map((w) => new RegExp(`^\\s*${w}$`)));
  await expect(diff.locator("ins")).toHaveText(["gör", "och lördag"].map((w) => new RegExp(`^\\s*${w}$`)));
  await expectNoAxeViolations(page); // compare

  await page.goto(`${base}/versions/2`);
  await expect(page.getByText(WALK.measureRevised, { exact: true })).toBeVisible();
  await expect(page.getByText(WALK.measure, { exact: true })).toHaveCount(0);
});

test("8. the history lists the steps, and filters by person", async ({ browser }) => {
  const page = await as(browser, "strategFarsta");
  await page.goto(`${base}/history`);
  await expect(page.getByRole("heading", { level: 2, name: "Ändringshistorik" })).toBeVisible();
  const table = page.getByRole("table", { name: `Ändringar i åtgärdsplan ${year} för Farsta, senaste först` });
  const what = async () => (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => t.trim());
  const who = async () => (await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((t) => t.trim());

  const steps = (await what()).filter((t) => t.startsWith("Plan "));
  // Newest first.
  expect(steps).toEqual([
    "Plan beslutades av nämnden",
    "Plan godkändes av beredningsgruppen",
    "Plan beslutades",
    "Plan skickades till styrgruppen",
    "Plan skickades tillbaka av beredningsgruppen",
    "Plan beslutades",
    "Plan skickades till styrgruppen",
    "Plan lades till",
  ]);
  await expectNoAxeViolations(page); // history

  await page.getByLabel("Person").selectOption({ label: USER_NAMES.polisFarsta });
  await page.getByRole("button", { name: "Filtrera" }).click();
  await page.waitForURL(/[?&]person=[0-9a-f-]{36}/);
  await expect(page.getByLabel("Person")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(table.locator("tbody tr")).toHaveCount(4);
  expect(new Set(await who())).toEqual(new Set([USER_NAMES.polisFarsta]));
  expect(await what()).toEqual([
    "Åtgärd signerades av polisen",
    "Åtgärd signerades av polisen",
    "Åtgärd avböjdes av polisen",
    "Åtgärd signerades av polisen",
  ]);
  await expectNoAxeViolations(page); // history, filtered

  await page.getByLabel("Person").selectOption({ label: USER_NAMES.styrgruppFarsta });
  await page.getByRole("button", { name: "Filtrera" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(2);
  expect(await what()).toEqual(["Plan beslutades", "Plan beslutades"]);
});
