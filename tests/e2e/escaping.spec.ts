import type { Page } from "@playwright/test";
import { expect, test } from "./support/draft-plan";
import { expectNoAxeViolations, loginAs, USERS } from "./support/fixtures";
import { query } from "./support/db";

// "Nothing is rendered unescaped" (issue 7, the fuzz test's part in the browser): text a user
// typed as script and markup is stored through the real form and shown as text wherever it is
// read — the editor as it re-renders, the server-rendered page after a reload, the history, the
// search hits — and a search query in the address is shown as text too. Any script that ran
// would open a dialog (every dialog is recorded and fails the test) or set window.__xss, and an
// injected <img src=x> would be in the DOM.

const AREA = "Unga i riskzon för destruktivt beteende";

/** What the page would run if it rendered the text as HTML. */
const SCRIPT = `<script>window.__xss=1;alert("xss")</script><img src=x onerror="window.__xss=2;alert(1)">`;

type Watch = { dialogs: string[] };

function watchDialogs(page: Page): Watch {
  const watch: Watch = { dialogs: [] };
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}

/** Nothing ran and nothing was injected: no dialog, no marker, no <img src=x>, no <script> element with the typed code. */
async function expectNothingRan(page: Page, watch: Watch) {
  expect(watch.dialogs, "a dialog opened: the typed script ran").toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // Next puts the page's data in inline scripts as JSON strings; an element whose own code is the typed script is another matter.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
  expect(scripts.filter((code) => code.trim().startsWith("window.__xss"))).toEqual([]);
}

// Several pages and a save in one test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

test("a measure typed as script and markup is shown as text in the editor, after a reload, in the history and in search", async ({ page, farstaDraft: draft }) => {
  const watch = watchDialogs(page);
  const token = `Xssprov${draft.year}${Math.floor(Math.random() * 1e6)}`;
  const description = `${token} ${SCRIPT}`;
  const organisation = `"><img src=x onerror=alert(2)>`;
  await loginAs(page, USERS.strategFarsta);

  await page.goto(`${draft.base}/areas/${draft.areaIds.YOUTH_AT_RISK}`);
  await expect(page.getByRole("heading", { level: 2, name: AREA })).toBeVisible();
  const problem = page.getByRole("region", { name: `Problem 1 – ${draft.chain.collectiveName}` });
  await problem.getByRole("button", { name: /^Lägg till åtgärd till orsak/ }).click();
  await problem.getByRole("textbox", { name: "Åtgärd", exact: true }).fill(description);
  await problem.getByRole("radio", { name: "Linjearbete (löpande)" }).check();
  await problem.getByRole("textbox", { name: "Organisation 1" }).fill(organisation);
  await problem.getByRole("button", { name: "Spara åtgärd" }).click();

  // As the editor re-renders after the save.
  await expect(problem.getByText(description, { exact: true })).toBeVisible();
  await expect(problem.getByText(organisation)).toBeVisible();
  await expectNothingRan(page, watch);

  // Stored as typed (nothing stripped, nothing encoded twice).
  const stored = await query<{ description: string }>(`SELECT "description" FROM "Measure" WHERE "description" LIKE $1`, [`${token}%`]);
  expect(stored).toEqual([{ description }]);

  // Rendered by the server from the database.
  await page.reload();
  await expect(page.getByText(description, { exact: true })).toBeVisible();
  await expectNothingRan(page, watch);
  await expectNoAxeViolations(page);

  // The history: the audit row's values, shown as JSON text.
  await page.goto(`${draft.base}/history`);
  const audit = page.getByTestId("audit-table");
  await expect(audit.getByRole("row").filter({ hasText: token }).first()).toContainText("<script>window.__xss=1;");
  await expectNothingRan(page, watch);

  // Search: the hit's highlighted text is made of segments, never HTML. (PostgreSQL's ts_headline
  // leaves out what its parser takes for tags, so the script's body is shown without them.)
  await page.goto(`/search?q=${encodeURIComponent(token)}`);
  const hit = page.getByTestId("search-hits").getByTestId("search-hit").first();
  await expect(hit).toContainText(token);
  await expect(hit).toContainText(`window.__xss=1;alert("xss")`);
  await expectNothingRan(page, watch);
});

test("the search page shows a query of script and markup as text", async ({ page }) => {
  const watch = watchDialogs(page);
  await loginAs(page, USERS.beredning);
  await page.goto(`/search?q=${encodeURIComponent(SCRIPT)}`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`för ”${escapeRegExp(SCRIPT)}”$`) })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Sökord" })).toHaveValue(SCRIPT);
  await expectNothingRan(page, watch);
  await expectNoAxeViolations(page);

  // The short form the brief names, too.
  await page.goto("/search?q=%3Cscript%3E");
  await expect(page.getByRole("heading", { level: 2, name: /för ”<script>”$/ })).toBeVisible();
  await expectNothingRan(page, watch);
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
