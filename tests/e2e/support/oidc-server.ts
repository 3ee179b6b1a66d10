/**
 * A real OpenID Connect provider for the e2e tests: the certified `oidc-provider` (v9), not a mock.
 * playwright.config.ts starts it (tsx) before the app. Two instances in this process:
 * - the IdP on OIDC_TEST_PORT, issuer http://127.0.0.1:OIDC_TEST_PORT: authorization code flow,
 *   PKCE required, client_secret_basic, ID tokens with e-mail and name, a login form that checks
 *   the password and a consent page (tests/e2e/support/oidc-accounts.ts has the accounts);
 * - an impostor on OIDC_TEST_IMPOSTOR_PORT whose metadata and ID tokens name the first one's
 *   issuer (own keys, own endpoints): the wrong-issuer test points a second app server at it.
 * GET /__test/stats answers how many token requests each instance received.
 * Env: OIDC_TEST_PORT, OIDC_TEST_IMPOSTOR_PORT, OIDC_TEST_REDIRECT_URIS (comma-separated).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";
import { OIDC_TEST_ACCOUNTS, OIDC_TEST_CLIENT, OIDC_TEST_PASSWORD, type OidcTestAccount } from "./oidc-accounts.ts";

const port = Number(process.env.OIDC_TEST_PORT || 3900);
const impostorPort = Number(process.env.OIDC_TEST_IMPOSTOR_PORT || port + 1);
const redirectUris = (process.env.OIDC_TEST_REDIRECT_URIS || "http://127.0.0.1:3100/api/auth/callback/oidc").split(",").map((s) => s.trim());
const accounts: OidcTestAccount[] = Object.values(OIDC_TEST_ACCOUNTS);

function createIdp(issuer: string, cookiePrefix: string): Provider {
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  return new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.id,
        client_secret: OIDC_TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const account = accounts.find((a) => a.sub === sub);
      if (!account) return undefined;
      return { accountId: account.sub, claims: () => ({ sub: account.sub, email: account.email, email_verified: account.emailVerified, name: account.name }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scopes' claims in the ID token, as Entra ID does for `email profile` (next-auth reads the ID token).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: {
      keys: [randomBytes(32).toString("hex")],
      // Both instances share the host 127.0.0.1 (cookies ignore the port): their cookies must not meet.
      names: { session: `${cookiePrefix}_session`, interaction: `${cookiePrefix}_interaction`, resume: `${cookiePrefix}_resume` },
    },
    jwks: { keys: [{ ...key, kid: `${cookiePrefix}-key`, use: "sig", alg: "RS256" }] },
  });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escape(title)} – Test-IdP</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function loginForm(uid: string, error?: string): string {
  return page(
    "Logga in hos test-IdP",
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="username">Användarnamn</label><br><input id="username" name="username" autocomplete="username" required></p>
  <p><label for="password">Lösenord</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Logga in hos test-IdP</button></p>
</form>`,
  );
}

function consentForm(uid: string, clientId: string, scopes: string[]): string {
  return page(
    "Godkänn åtkomst",
    `<p>${escape(clientId)} vill läsa: ${escape(scopes.join(", ") || "inget nytt")}.</p>
<form method="post" action="/interaction/${escape(uid)}/consent"><button type="submit">Godkänn</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Avbryt</button></form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("body too large");
  }
  return new URLSearchParams(body);
}

function send(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

/** The login and consent interaction (oidc-provider's devInteractions accept any login without a password, so not those). */
async function interaction(idp: Provider, req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined) {
  const details = await idp.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page("Fel", "<p>Okänd inloggning.</p>"));
  const { prompt, params, session } = details;
  if (req.method === "GET" && !action) {
    if (prompt.name === "login") return send(res, 200, loginForm(uid));
    const missing = [...((prompt.details.missingOIDCScope as string[] | undefined) ?? [])];
    return send(res, 200, consentForm(uid, String(params.client_id), missing));
  }
  if (req.method !== "POST") return send(res, 405, page("Fel", "<p>Fel metod.</p>"));
  if (action === "login" && prompt.name === "login") {
    const form = await readForm(req);
    const account = accounts.find((a) => a.username === form.get("username"));
    if (!account || form.get("password") !== OIDC_TEST_PASSWORD) return send(res, 200, loginForm(uid, "Fel användarnamn eller lösenord."));
    return idp.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  }
  if (action === "consent" && prompt.name === "consent") {
    const grant = details.grantId ? await idp.Grant.find(details.grantId) : new idp.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    if (!grant) return send(res, 400, page("Fel", "<p>Okänt medgivande.</p>"));
    const d = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(" "));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
    const grantId = await grant.save();
    return idp.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (action === "abort") {
    return idp.interactionFinished(req, res, { error: "access_denied", error_description: "Användaren avbröt." }, { mergeWithLastSubmission: false });
  }
  return send(res, 400, page("Fel", "<p>Okänt steg.</p>"));
}

const stats = { idp: { tokenRequests: 0 }, impostor: { tokenRequests: 0 } };

function serve(idp: Provider, listenPort: number, counters: { tokenRequests: number }): Promise<http.Server> {
  const handle = idp.callback();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/__test/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(stats));
    }
    if (url.pathname === "/token" && req.method === "POST") counters.tokenRequests++;
    const m = /^\/interaction\/([\w-]+)(?:\/(login|consent|abort))?$/.exec(url.pathname);
    if (!m) return void handle(req, res);
    interaction(idp, req, res, m[1]!, m[2]).catch((error: unknown) => {
      console.error("[oidc-server] interaction:", error);
      if (!res.headersSent) send(res, 400, page("Fel", "<p>Inloggningen kunde inte fortsätta. Börja om från appen.</p>"));
    });
  });
  return new Promise((resolve) => server.listen(listenPort, "127.0.0.1", () => resolve(server)));
}

const issuer = `http://127.0.0.1:${port}`;
const servers = [
  await serve(createIdp(issuer, "idp"), port, stats.idp),
  // Its own keys and endpoints, but it names the first IdP as its issuer (in its metadata and its ID tokens).
  await serve(createIdp(issuer, "impostor"), impostorPort, stats.impostor),
];
console.log(`[oidc-server] IdP ${issuer}; impostor on http://127.0.0.1:${impostorPort} (claims issuer ${issuer}); redirect URIs ${redirectUris.join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const s of servers) s.close();
    process.exit(0);
  });
}
