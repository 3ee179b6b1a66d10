import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The demo users' password (prisma/seed.ts, DEMO_PASSWORD). */
export const DEMO_PASSWORD = "trygghet2025";

export const USERS = {
  strategFarsta: "strateg.farsta@demo.se",
  strategSkarholmen: "strateg.skarholmen@demo.se",
  polisFarsta: "polis.farsta@demo.se",
  styrgruppFarsta: "styrgrupp.farsta@demo.se",
  beredning: "beredning@demo.se",
} as const;

/** The demo users' names (prisma/seed.ts), as the app shows them. */
export const USER_NAMES = {
  strategFarsta: "Sara Strateg (Farsta)",
  polisFarsta: "Pia Polis (LPO Farsta)",
  styrgruppFarsta: "Stig Styrgrupp (Farsta)",
  beredning: "Berit Beredning",
} as const;

/** Signs in through the login form, as a user would, and waits for the plan list. */
export async function loginAs(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  // exact: only the fields themselves (with single sign-on configured the page holds more sign-in text).
  await page.getByLabel("E-post", { exact: true }).fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  // exact: the single sign-on button ("Logga in med stadens konto") is on the page too.
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL("**/plans");
  await expect(page.getByRole("heading", { level: 1, name: "Åtgärdsplaner" })).toBeVisible();
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

/** Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now; fails with one readable line per violation and node. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a save the page re-renders from the server and its <title> comes back a moment later:
  // scan the settled page (a page that never gets a title still fails, below and here).
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n    at ${n.target.join(" ")}\n    ${n.failureSummary?.replaceAll("\n", "\n    ") ?? ""}\n    ${v.helpUrl}`,
    ),
  );
  expect(report.length, `axe found ${report.length} violation(s) on ${page.url()}:\n${report.join("\n")}`).toBe(0);
}
