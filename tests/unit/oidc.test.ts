import { describe, expect, it, vi } from "vitest";
import {
  OIDC_DEFAULT_NAME,
  OidcIssuerMismatchError,
  assertExpectedIssuer,
  createOidcProvider,
  discoveryUrl,
  matchOidcUser,
  parseOidcClaims,
  readOidcConfig,
  type OidcCandidate,
  type OidcClaims,
} from "@/lib/auth/oidc";
import { signInMethods } from "@/lib/auth/sign-in-methods";

const ENV = { OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0", OIDC_CLIENT_ID: "app-id", OIDC_CLIENT_SECRET: "secret" };

describe("OIDC configuration from the environment", () => {
  it("needs issuer, client id and secret; the button text defaults to Swedish", () => {
    expect(readOidcConfig(ENV)).toEqual({ issuer: ENV.OIDC_ISSUER, clientId: "app-id", clientSecret: "secret", name: OIDC_DEFAULT_NAME });
    expect(readOidcConfig({ ...ENV, OIDC_NAME: "Logga in med Stockholms stads konto" })?.name).toBe("Logga in med Stockholms stads konto");
  });

  it.each(["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const)("is off without %s", (name) => {
    expect(readOidcConfig({ ...ENV, [name]: undefined })).toBeNull();
    expect(readOidcConfig({ ...ENV, [name]: "  " })).toBeNull();
  });

  it.each([
    ["https://login.microsoftonline.com/t/v2.0", "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"],
    ["http://127.0.0.1:3900", "http://127.0.0.1:3900/.well-known/openid-configuration"],
    ["https://idp.example/realms/city/", "https://idp.example/realms/city/.well-known/openid-configuration"],
  ])("discovery of %s is at %s", (issuer, url) => {
    expect(discoveryUrl(issuer)).toBe(url);
  });

  it.each([
    [{}, { demo: false, sso: null }],
    [{ AUTH_DEMO_LOGIN: "on" }, { demo: true, sso: null }],
    [{ AUTH_DEMO_LOGIN: "true" }, { demo: false, sso: null }],
    [{ ...ENV, AUTH_DEMO_LOGIN: "off" }, { demo: false, sso: { name: OIDC_DEFAULT_NAME } }],
    [{ ...ENV, AUTH_DEMO_LOGIN: "on" }, { demo: true, sso: { name: OIDC_DEFAULT_NAME } }],
  ])("the login page offers, with %o: %o", (env, methods) => {
    expect(signInMethods(env)).toEqual(methods);
  });
});

describe("the issuer check (Discovery 1.0, 4.3)", () => {
  it.each([
    ["http://127.0.0.1:3900", "http://127.0.0.1:3900", true],
    ["http://127.0.0.1:3900", "http://127.0.0.1:3900/", false],
    ["https://login.microsoftonline.com/a/v2.0", "https://login.microsoftonline.com/b/v2.0", false],
    ["https://login.microsoftonline.com/a/v2.0", "https://login.microsoftonline.com/{tenantid}/v2.0", false],
    ["http://127.0.0.1:3901", undefined, false],
  ])("configured %s, advertised %s → accepted: %s", (expected, advertised, ok) => {
    if (ok) expect(() => assertExpectedIssuer(expected, advertised)).not.toThrow();
    else expect(() => assertExpectedIssuer(expected, advertised)).toThrow(OidcIssuerMismatchError);
  });
});

describe("the next-auth provider", () => {
  const config = readOidcConfig(ENV)!;
  const provider = createOidcProvider(config);

  it("is an OIDC code flow with PKCE, state and nonce, reading the ID token", () => {
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: `${ENV.OIDC_ISSUER}/.well-known/openid-configuration`,
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      clientId: "app-id",
      clientSecret: "secret",
    });
  });

  /** The token request as next-auth calls it, with a client whose discovered issuer is `issuer`. */
  async function exchange(issuer: string, onMismatch?: (e: OidcIssuerMismatchError) => Promise<void>) {
    const p = createOidcProvider(config, onMismatch);
    const callback = vi.fn(async () => ({ id_token: "x" }));
    const client = { issuer: { metadata: { issuer } }, callback };
    const token = p.token as { request: (ctx: unknown) => Promise<{ tokens: unknown }> };
    const run = token.request({ client, params: { code: "c", state: "s" }, checks: { state: "s", code_verifier: "v" }, provider: { ...p, callbackUrl: "http://app/api/auth/callback/oidc" } });
    return { run, callback };
  }

  it("exchanges the code (with the PKCE verifier and state checks) when the discovered issuer is the configured one", async () => {
    const { run, callback } = await exchange(ENV.OIDC_ISSUER);
    await expect(run).resolves.toEqual({ tokens: { id_token: "x" } });
    expect(callback).toHaveBeenCalledWith("http://app/api/auth/callback/oidc", { code: "c", state: "s" }, { state: "s", code_verifier: "v" });
  });

  it("never sends the code to a token endpoint of another issuer, and reports it", async () => {
    const reported: OidcIssuerMismatchError[] = [];
    const { run, callback } = await exchange("https://evil.example", async (e) => void reported.push(e));
    await expect(run).rejects.toThrow(OidcIssuerMismatchError);
    expect(callback).not.toHaveBeenCalled();
    expect(reported.map((e) => [e.expected, e.advertised])).toEqual([[ENV.OIDC_ISSUER, "https://evil.example"]]);
  });

  it("takes the subject as the temporary id (the signIn callback replaces it with the app's user)", async () => {
    expect(await provider.profile({ sub: "abc", email: "a@b.se", name: "A" }, {})).toEqual({ id: "abc", email: "a@b.se", name: "A" });
  });
});

describe("ID token claims", () => {
  it.each([
    [{ sub: "s1", email: " Anna.Andersson@Stad.SE ", email_verified: true, name: "Anna" }, { sub: "s1", email: "anna.andersson@stad.se", email_verified: true, name: "Anna" }],
    [{ sub: "s1", email_verified: "false" }, { sub: "s1", email: undefined, email_verified: false }],
    [{ sub: "s1", email: "not an e-mail" }, { sub: "s1", email: undefined }],
    [{ sub: "s1", email: 42, email_verified: "maybe", name: ["x"] }, { sub: "s1", email: undefined, email_verified: undefined, name: undefined }],
  ])("%o → %o", (raw, claims) => {
    expect(parseOidcClaims(raw)).toEqual(claims);
  });

  it.each([[{}], [{ sub: "" }], [{ sub: 12 }], [null], [undefined], [{ sub: "x".repeat(256) }]])("no usable subject: %o", (raw) => {
    expect(parseOidcClaims(raw)).toBeNull();
  });
});

describe("who signs in (matchOidcUser)", () => {
  const user = (over: Partial<OidcCandidate> = {}): OidcCandidate => ({
    id: "u1",
    email: "anna@stad.se",
    name: "Anna",
    oidcSubject: null,
    disabled: false,
    membershipCount: 1,
    ...over,
  });
  const claims = (over: Partial<OidcClaims> = {}): OidcClaims => ({ sub: "sub-1", email: "anna@stad.se", ...over });

  it.each<[string, OidcClaims, { bySubject: OidcCandidate | null; byEmail: OidcCandidate[] }, ReturnType<typeof matchOidcUser>]>([
    ["linked subject", claims(), { bySubject: user({ oidcSubject: "sub-1" }), byEmail: [] }, { ok: true, user: user({ oidcSubject: "sub-1" }), matchedBy: "subject", linkSubject: false }],
    [
      "linked subject wins over the e-mail (changed at the IdP)",
      claims({ email: "anna.ny@stad.se" }),
      { bySubject: user({ oidcSubject: "sub-1" }), byEmail: [user({ id: "u2", email: "anna.ny@stad.se" })] },
      { ok: true, user: user({ oidcSubject: "sub-1" }), matchedBy: "subject", linkSubject: false },
    ],
    ["linked subject, even with email_verified false", claims({ email_verified: false }), { bySubject: user({ oidcSubject: "sub-1" }), byEmail: [] }, { ok: true, user: user({ oidcSubject: "sub-1" }), matchedBy: "subject", linkSubject: false }],
    ["first sign-in: e-mail, verified", claims({ email_verified: true }), { bySubject: null, byEmail: [user()] }, { ok: true, user: user(), matchedBy: "email", linkSubject: true }],
    ["first sign-in: e-mail, IdP says nothing about verification (Entra ID)", claims(), { bySubject: null, byEmail: [user()] }, { ok: true, user: user(), matchedBy: "email", linkSubject: true }],
    ["e-mail in other case", claims({ email: "anna@stad.se" }), { bySubject: null, byEmail: [user({ email: "Anna@Stad.se" })] }, { ok: true, user: user({ email: "Anna@Stad.se" }), matchedBy: "email", linkSubject: true }],
    ["e-mail not verified", claims({ email_verified: false }), { bySubject: null, byEmail: [user()] }, { ok: false, reason: "email-unverified", userId: "u1" }],
    ["e-mail of a user linked to another subject", claims(), { bySubject: null, byEmail: [user({ oidcSubject: "sub-other" })] }, { ok: false, reason: "subject-mismatch", userId: "u1" }],
    ["two users with the e-mail", claims(), { bySubject: null, byEmail: [user(), user({ id: "u2", email: "ANNA@stad.se" })] }, { ok: false, reason: "email-ambiguous", userId: null }],
    ["nobody", claims(), { bySubject: null, byEmail: [] }, { ok: false, reason: "unknown", userId: null }],
    ["no e-mail from the IdP", claims({ email: undefined }), { bySubject: null, byEmail: [] }, { ok: false, reason: "unknown", userId: null }],
    ["disabled, by subject", claims(), { bySubject: user({ oidcSubject: "sub-1", disabled: true }), byEmail: [] }, { ok: false, reason: "disabled", userId: "u1" }],
    ["disabled, by e-mail", claims(), { bySubject: null, byEmail: [user({ disabled: true })] }, { ok: false, reason: "disabled", userId: "u1" }],
    ["no role, by subject", claims(), { bySubject: user({ oidcSubject: "sub-1", membershipCount: 0 }), byEmail: [] }, { ok: false, reason: "no-role", userId: "u1" }],
    ["no role, by e-mail", claims(), { bySubject: null, byEmail: [user({ membershipCount: 0 })] }, { ok: false, reason: "no-role", userId: "u1" }],
  ])("%s", (_label, c, found, expected) => {
    expect(matchOidcUser(c, found)).toEqual(expected);
  });
});
