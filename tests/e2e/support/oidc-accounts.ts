// The test identity provider's client and people (tests/e2e/support/oidc-server.ts), shared with
// tests/e2e/oidc.spec.ts and playwright.config.ts. Nothing here starts a server.

export const OIDC_TEST_CLIENT = { id: "trygghetsplan-e2e", secret: "e2e-oidc-client-secret-not-for-production" } as const;

/** Every test account's password at the test IdP. */
export const OIDC_TEST_PASSWORD = "idp-test-losen";

export type OidcTestAccount = { username: string; sub: string; email: string; emailVerified: boolean; name: string };

export const OIDC_TEST_ACCOUNTS = {
  /** The demo steering group of Skärholmen (prisma/seed.ts), here with an e-mail in other case: matched by e-mail, then by subject. */
  siv: { username: "siv", sub: "idp-0001-siv", email: "Styrgrupp.Skarholmen@demo.se", emailVerified: true, name: "Siv S. (stadens konto)" },
  /** A user of the app without any role (the test creates it). */
  utanRoll: { username: "utan.roll", sub: "idp-0002-utan-roll", email: "utan.roll@stad.example", emailVerified: true, name: "Ulla Utan Roll" },
  /** Nobody in the app. */
  okand: { username: "okand", sub: "idp-0003-okand", email: "okand@stad.example", emailVerified: true, name: "Olle Okänd" },
  /** A demo user's e-mail that the IdP says is not verified: no match by e-mail. */
  overifierad: { username: "overifierad", sub: "idp-0004-overifierad", email: "strateg.skarholmen@demo.se", emailVerified: false, name: "Oskar Overifierad" },
} as const satisfies Record<string, OidcTestAccount>;

/**
 * Ports, derived from the app's port so that runs on different E2E_PORTs do not collide:
 * the IdP at app + 800 (3100 → 3900; clear of the bench and load servers, which take free ports
 * from 3400 up); an impostor at app + 801 that advertises the first one's issuer; a second app
 * server at app + 1 configured with the impostor as its OIDC_ISSUER.
 */
export function oidcTestPorts(appPort: number) {
  return { idp: appPort + 800, impostorIdp: appPort + 801, impostorApp: appPort + 1 };
}
