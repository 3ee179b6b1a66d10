import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { expectNoAxeViolations } from "./support/fixtures";
import { OIDC_TEST_ACCOUNTS, OIDC_TEST_CLIENT, OIDC_TEST_PASSWORD, oidcTestPorts, type OidcTestAccount } from "./support/oidc-accounts";

// Single sign-on against a real OpenID Connect provider (the certified `oidc-provider`, started by
// playwright.config.ts from tests/e2e/support/oidc-server.ts): the browser goes through the whole
// authorization code flow with PKCE, state and nonce — app → IdP login → consent → app callback.
// Roles come from the app's memberships; who matches is lib/auth/oidc.ts#matchOidcUser.

// Two servers' round trips per sign-in: more time than the default on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

const SIV_EMAIL = "styrgrupp.skarholmen@demo.se";
const NO_ROLE_EMAIL = OIDC_TEST_ACCOUNTS.utanRoll.email;
const SSO_BUTTON = "Logga in med stadens konto";

function ports() {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("baseURL is not set (playwright.config.ts)");
  const p = oidcTestPorts(Number(new URL(baseURL).port));
  return { ...p, idpUrl: `http://127.0.0.1:${p.idp}`, impostorIdpUrl: `http://127.0.0.1:${p.impostorIdp}`, impostorAppUrl: `http://127.0.0.1:${p.impostorApp}` };
}

type AuditRow = { action: string; entityType: string; entityId: string; actorId: string | null; after: Record<string, unknown> | null };

async function lastAuditId(): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT coalesce(max("id"), 0)::text AS "id" FROM "AuditLog"`);
  return row!.id;
}

async function authAuditSince(id: string): Promise<AuditRow[]> {
  return query<AuditRow>(
    `SELECT "action", "entityType", "entityId", "actorId", "after" FROM "AuditLog" WHERE "id" > $1::bigint AND "action" LIKE 'auth.%' ORDER BY "id"`,
    [id],
  );
}

async function userRow(email: string) {
  const [row] = await query<{ id: string; oidcSubject: string | null }>(`SELECT "id", "oidcSubject" FROM "User" WHERE lower("email") = lower($1)`, [email]);
  if (!row) throw new Error(`No user ${email}: is the database seeded?`);
  return row;
}

async function tokenRequests(idpUrl: string): Promise<{ idp: number; impostor: number }> {
  const res = await fetch(`${idpUrl}/__test/stats`);
  const stats = (await res.json()) as { idp: { tokenRequests: number }; impostor: { tokenRequests: number } };
  return { idp: stats.idp.tokenRequests, impostor: stats.impostor.tokenRequests };
}

/** At the IdP: the login form, then the consent page; returns when the browser has left the IdP (unless told not to wait). */
async function signInAtIdp(page: Page, idpUrl: string, account: OidcTestAccount, { waitToLeave = true } = {}) {
  await page.waitForURL(`${idpUrl}/interaction/**`);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in hos test-IdP" })).toBeVisible();
  await page.getByLabel("Användarnamn").fill(account.username);
  await page.getByLabel("Lösenord").fill(OIDC_TEST_PASSWORD);
  await page.getByRole("button", { name: "Logga in hos test-IdP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Godkänn åtkomst" })).toBeVisible();
  await expect(page.getByText("vill läsa: openid, email, profile")).toBeVisible();
  await page.getByRole("button", { name: "Godkänn" }).click();
  if (waitToLeave) await page.waitForURL((url) => url.origin !== idpUrl);
}

/** Back on the login page with next-auth's OAuthCallback error, told so in Swedish, and free to try again. */
async function expectSignInFailed(page: Page) {
  await expect(page).toHaveURL(/\/login\?(.*&)?error=OAuthCallback(&|$)/);
  const box = page.getByTestId("sign-in-error");
  await expect(box.getByRole("heading", { level: 2, name: "Inloggningen misslyckades" })).toBeVisible();
  await expect(box).toContainText("Du har inte loggats in. Försök igen.");
  await expect(page.getByRole("button", { name: /Logga in med/ })).toBeEnabled();
}

/** Nobody is signed in in this browser: the app's session is empty and a plan page sends to the login page. */
async function expectSignedOut(page: Page, appUrl = "") {
  const session = await page.request.get(`${appUrl}/api/auth/session`);
  expect(await session.json()).toEqual({});
  await page.goto(`${appUrl}/plans`);
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

test.beforeAll(async () => {
  // Every run starts from the same place: Siv not yet linked to her IdP subject, a user without any role.
  await query(`UPDATE "User" SET "oidcSubject" = NULL WHERE "oidcSubject" = ANY($1::text[]) OR "email" = $2`, [
    Object.values(OIDC_TEST_ACCOUNTS).map((a) => a.sub),
    SIV_EMAIL,
  ]);
  await query(`INSERT INTO "User" ("id", "email", "name") VALUES (gen_random_uuid(), $1, 'Ulla Utan Roll') ON CONFLICT ("email") DO NOTHING`, [NO_ROLE_EMAIL]);
  await query(`DELETE FROM "Membership" WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = $1)`, [NO_ROLE_EMAIL]);
});

test.afterAll(async () => {
  await query(`UPDATE "User" SET "oidcSubject" = NULL WHERE "oidcSubject" = ANY($1::text[])`, [Object.values(OIDC_TEST_ACCOUNTS).map((a) => a.sub)]);
});

test("single sign-on: IdP login and consent, back signed in as the matched user with the app's role; the subject is linked and the sign-in logged", async ({ page }) => {
  const { idpUrl } = ports();
  const since = await lastAuditId();
  const siv = await userRow(SIV_EMAIL);
  expect(siv.oidcSubject).toBeNull();

  await page.goto("/login");
  const sso = page.getByRole("button", { name: SSO_BUTTON });
  await expect(sso).toBeVisible();
  // Demo data loaded (AUTH_DEMO_LOGIN=on): the password form is there too.
  await expect(page.getByLabel("E-post")).toBeVisible();
  await expectNoAxeViolations(page);
  // Keyboard: the SSO button is pressed with Enter.
  const authorization = page.waitForRequest((r) => r.url().startsWith(`${idpUrl}/auth?`));
  await sso.focus();
  await page.keyboard.press("Enter");

  // The authorization request: code flow with PKCE (S256), state and nonce, the client and scopes configured.
  const params = new URL((await authorization).url()).searchParams;
  expect(Object.fromEntries([...params].filter(([k]) => ["response_type", "client_id", "scope", "code_challenge_method", "redirect_uri"].includes(k)))).toEqual({
    response_type: "code",
    client_id: OIDC_TEST_CLIENT.id,
    scope: "openid email profile",
    code_challenge_method: "S256",
    redirect_uri: `${test.info().project.use.baseURL}/api/auth/callback/oidc`,
  });
  for (const random of ["code_challenge", "state", "nonce"]) expect(params.get(random), random).toMatch(/^[\w.~-]{20,}$/);
  await signInAtIdp(page, idpUrl, OIDC_TEST_ACCOUNTS.siv);

  await page.waitForURL("**/plans");
  await expect(page.getByRole("heading", { level: 1, name: "Åtgärdsplaner" })).toBeVisible();
  // The name and the role are the app's (Siv's membership), not what the IdP said.
  await expect(page.getByRole("banner").getByText("Siv Styrgrupp (Skärholmen)")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Lokal styrgrupp")).toBeVisible();
  await expectNoAxeViolations(page);

  expect((await userRow(SIV_EMAIL)).oidcSubject).toBe(OIDC_TEST_ACCOUNTS.siv.sub);
  const audit = await authAuditSince(since);
  expect(audit.map((a) => a.action)).toEqual(["auth.oidcLinked", "auth.signIn"]);
  expect(audit[0]).toMatchObject({ entityType: "user", entityId: siv.id, after: { method: "oidc", matchedBy: "email", subject: OIDC_TEST_ACCOUNTS.siv.sub } });
  expect(audit[1]).toMatchObject({ entityType: "user", entityId: siv.id, actorId: siv.id, after: { method: "oidc" } });

  // Signed out and in again: the IdP still knows her (no form), the app finds her by subject (nothing new linked).
  const again = await lastAuditId();
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.waitForURL("**/login");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await page.waitForURL("**/plans");
  await expect(page.getByRole("banner").getByText("Lokal styrgrupp")).toBeVisible();
  expect((await authAuditSince(again)).map((a) => a.action)).toEqual(["auth.signOut", "auth.signIn"]);
});

test("a callback with a forged state is refused before the code is exchanged: Swedish error page, nobody signed in", async ({ page }) => {
  const { idpUrl } = ports();
  const since = await lastAuditId();
  const before = await tokenRequests(idpUrl);

  // A real flow up to the IdP's redirect back to the app; that redirect (with a valid, unused
  // code) is held: the consent is posted and its redirects followed here instead of in the page
  // (Playwright does not route redirects), with the browser's cookies.
  let callback: URL | undefined;
  const isConsent = (url: URL) => url.origin === idpUrl && url.pathname.endsWith("/consent");
  await page.route(isConsent, async (route) => {
    let response = await route.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 5 && response.status() >= 300 && response.status() < 400; hop++) {
      const location = new URL(response.headers().location!, idpUrl);
      if (location.origin !== idpUrl) {
        callback = location;
        break;
      }
      response = await page.request.get(location.toString(), { maxRedirects: 0 });
    }
    await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><html lang=sv><title>Hållen</title><p>Testet höll svaret.</p></html>" });
  });
  await page.goto("/login");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await signInAtIdp(page, idpUrl, OIDC_TEST_ACCOUNTS.siv, { waitToLeave: false });
  await expect.poll(() => callback?.searchParams.get("code") ?? null).not.toBeNull();
  expect(callback!.pathname).toBe("/api/auth/callback/oidc");
  await page.unroute(isConsent);

  // …and sent with another state, as a cross-site request would.
  callback!.searchParams.set("state", "forged");
  await page.goto(callback!.toString());
  await expectSignInFailed(page);
  await expectNoAxeViolations(page);

  // The code never went to the token endpoint; no session; no sign-in logged.
  expect(await tokenRequests(idpUrl)).toEqual(before);
  await expectSignedOut(page);
  expect((await authAuditSince(since)).filter((a) => a.action === "auth.signIn")).toEqual([]);

  // Without any state cookie at all (a link from elsewhere): the same refusal.
  await page.context().clearCookies();
  await page.goto("/api/auth/callback/oidc?code=x&state=forged");
  await expectSignInFailed(page);
  await expectSignedOut(page);

  // next-auth's other errors (pages.error) have a Swedish page too.
  await page.goto("/login/error?error=Configuration");
  await expect(page.getByRole("heading", { level: 1, name: "Inloggningen misslyckades" })).toBeVisible();
  await expect(page.getByText("Inloggningen är felaktigt inställd på servern. Kontakta din administratör.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Försök logga in igen" })).toHaveAttribute("href", "/login");
  await expectNoAxeViolations(page);
});

test("an IdP whose metadata names another issuer than OIDC_ISSUER is refused before the code is exchanged (second app server, demo sign-in off)", async ({ page }) => {
  const { idpUrl, impostorIdpUrl, impostorAppUrl } = ports();
  const since = await lastAuditId();
  const before = await tokenRequests(idpUrl);
  // The impostor answers at OIDC_ISSUER of this app server but names the real IdP as its issuer.
  const discovery = (await (await fetch(`${impostorIdpUrl}/.well-known/openid-configuration`)).json()) as { issuer: string; token_endpoint: string };
  expect(discovery.issuer).toBe(idpUrl);
  expect(discovery.token_endpoint).toBe(`${impostorIdpUrl}/token`);

  // No demo data on this server (AUTH_DEMO_LOGIN is off): single sign-on only, with OIDC_NAME as its text.
  await page.goto(`${impostorAppUrl}/login`);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByLabel("E-post")).toHaveCount(0);
  await expect(page.getByLabel("Lösenord")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // …and the credentials provider is not accepted either, even with a demo password posted directly.
  const { csrfToken } = (await (await page.request.get(`${impostorAppUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${impostorAppUrl}/api/auth/callback/credentials`, {
    form: { csrfToken, email: "strateg.farsta@demo.se", password: "trygghet2025", json: "true" },
    maxRedirects: 0,
  });
  expect(await (await page.request.get(`${impostorAppUrl}/api/auth/session`)).json()).toEqual({});

  await page.getByRole("button", { name: "Logga in med test-IdP" }).click();
  await signInAtIdp(page, impostorIdpUrl, OIDC_TEST_ACCOUNTS.siv);
  expect(page.url().startsWith(`${impostorAppUrl}/login?`)).toBe(true);
  await expectSignInFailed(page);
  await expectNoAxeViolations(page);

  // Neither the code nor the client secret went to the impostor's token endpoint; nobody is signed in.
  expect(await tokenRequests(idpUrl)).toEqual(before);
  await expectSignedOut(page, impostorAppUrl);
  const audit = await authAuditSince(since);
  expect(audit.filter((a) => a.action === "auth.signIn")).toEqual([]);
  expect(audit).toContainEqual(
    expect.objectContaining({ action: "auth.refused", entityType: "oidcIssuer", entityId: idpUrl, after: { method: "oidc", reason: "issuer-mismatch", expected: impostorIdpUrl, advertised: idpUrl } }),
  );
});

const refused: [title: string, account: OidcTestAccount, reason: string, entity: () => Promise<string>][] = [
  ["a user of the app without any role", OIDC_TEST_ACCOUNTS.utanRoll, "no-role", async () => (await userRow(NO_ROLE_EMAIL)).id],
  ["a person the app does not know", OIDC_TEST_ACCOUNTS.okand, "unknown", async () => OIDC_TEST_ACCOUNTS.okand.email],
  ["a demo user's e-mail that the IdP marks as not verified", OIDC_TEST_ACCOUNTS.overifierad, "email-unverified", async () => (await userRow("strateg.skarholmen@demo.se")).id],
];

for (const [title, account, reason, entity] of refused) {
  test(`${title} lands on the no-access page, is not signed in, and the refusal is in the audit log`, async ({ page }) => {
    const { idpUrl } = ports();
    const since = await lastAuditId();
    await page.goto("/login");
    await page.getByRole("button", { name: SSO_BUTTON }).click();
    await signInAtIdp(page, idpUrl, account);

    await expect(page).toHaveURL(/\/login\/no-access$/);
    await expect(page.getByRole("heading", { level: 1, name: "Du har inget konto i Trygghetsplan ännu" })).toBeVisible();
    await expect(page.getByText("Be din administratör att lägga upp dig")).toBeVisible();
    await expectNoAxeViolations(page);
    // Keyboard: Tab reaches the way back to the login page.
    const back = page.getByRole("link", { name: "Tillbaka till inloggningen" });
    for (let i = 0; i < 10 && !(await back.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(back).toBeFocused();

    await expectSignedOut(page);
    const audit = await authAuditSince(since);
    expect(audit.filter((a) => a.action === "auth.signIn")).toEqual([]);
    expect(audit).toContainEqual(
      expect.objectContaining({ action: "auth.refused", entityType: "user", entityId: await entity(), after: { method: "oidc", reason, subject: account.sub, email: account.email.toLowerCase() } }),
    );
    // Nobody was linked to this subject.
    expect(await query(`SELECT 1 FROM "User" WHERE "oidcSubject" = $1`, [account.sub])).toEqual([]);
  });
}
