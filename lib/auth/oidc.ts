import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";

// OpenID Connect single sign-on (a city's Microsoft Entra ID or any certified OIDC provider), pure
// parts: configuration from the environment, the next-auth provider, the issuer check and the
// rule that maps a signed-in person to a user of the app. The database side is
// lib/auth/oidc-sign-in.ts; the roles always come from the app's memberships, never from the IdP.

/** next-auth's id of the provider: the redirect URI is `${NEXTAUTH_URL}/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";
export const OIDC_DEFAULT_NAME = "Logga in med stadens konto";

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (all three, else SSO is off) and OIDC_NAME (the button's text). */
export function readOidcConfig(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || OIDC_DEFAULT_NAME };
}

/** Where the issuer publishes its metadata (OpenID Connect Discovery 1.0, section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
}

export class OidcIssuerMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly advertised: string | undefined,
  ) {
    super(`The OIDC provider's metadata names the issuer "${advertised ?? "(none)"}", not the configured OIDC_ISSUER "${expected}".`);
    this.name = "OidcIssuerMismatchError";
  }
}

/**
 * The issuer in the discovered metadata must be exactly the configured one (Discovery 1.0, 4.3).
 * openid-client 5 (under next-auth 4) does not check this itself: it trusts whatever issuer the
 * document names and then validates the ID token's `iss` against that. Without this check a
 * server answering at OIDC_ISSUER could sign in its own subjects as another issuer's.
 */
export function assertExpectedIssuer(expected: string, advertised: string | undefined): void {
  if (advertised !== expected) throw new OidcIssuerMismatchError(expected, advertised);
}

export type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string; email_verified?: boolean | string };

/**
 * The next-auth 4 provider: authorization code flow with PKCE, state and nonce, the claims read
 * from the validated ID token. The code is exchanged only after the issuer check, so neither the
 * code nor the client secret ever goes to a token endpoint of an issuer that is not OIDC_ISSUER.
 */
export function createOidcProvider(config: OidcConfig, onIssuerMismatch?: (error: OidcIssuerMismatchError) => Promise<void>): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: discoveryUrl(config.issuer),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    token: {
      async request({ client, params, checks, provider }) {
        try {
          assertExpectedIssuer(config.issuer, client.issuer.metadata.issuer);
        } catch (error) {
          if (error instanceof OidcIssuerMismatchError) await onIssuerMismatch?.(error);
          throw error;
        }
        // What next-auth does itself for an OIDC provider: exchange the code, validate the ID token (signature, iss, aud, nonce, expiry).
        return { tokens: await client.callback(provider.callbackUrl, params, checks) };
      },
    },
    // Temporary: the signIn callback (lib/auth/oidc-sign-in.ts) replaces id, name and e-mail with the matched user's.
    profile: (claims) => ({ id: claims.sub, name: claims.name ?? null, email: claims.email ?? null }),
  };
}

const ZOidcClaims = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().trim().toLowerCase().max(320).optional().catch(undefined),
  email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional().catch(undefined),
  name: z.string().max(200).optional().catch(undefined),
});
export type OidcClaims = z.infer<typeof ZOidcClaims>;

/** The claims the matching rule reads, from the ID token's claims; null without a usable `sub`. */
export function parseOidcClaims(raw: unknown): OidcClaims | null {
  const parsed = ZOidcClaims.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email && z.email().safeParse(parsed.data.email).success ? parsed.data.email : undefined;
  return { ...parsed.data, email };
}

/** A user of the app as the matching rule sees it. */
export type OidcCandidate = { id: string; email: string; name: string; oidcSubject: string | null; disabled: boolean; membershipCount: number };

export type OidcRefusal =
  /** No user with this subject or e-mail (or the IdP sent no e-mail). */
  | "unknown"
  /** The e-mail matches, but the IdP says it is not verified: no match by e-mail. */
  | "email-unverified"
  /** The e-mail matches a user already linked to another subject. */
  | "subject-mismatch"
  /** More than one user has this e-mail (differing in case only). */
  | "email-ambiguous"
  | "disabled"
  | "no-role"
  /** The ID token has no usable `sub`. */
  | "invalid-claims";

export type OidcMatch = { ok: true; user: OidcCandidate; matchedBy: "subject" | "email"; linkSubject: boolean } | { ok: false; reason: OidcRefusal; userId: string | null };

/**
 * Who signed in: the user linked to this subject; else the user with this e-mail (compared
 * case-insensitively, only when the IdP does not say `email_verified: false`, and only if the
 * user is not linked to another subject), whose subject is then stored. The user must be active
 * and have at least one membership (a role) in the app.
 */
export function matchOidcUser(claims: OidcClaims, found: { bySubject: OidcCandidate | null; byEmail: readonly OidcCandidate[] }): OidcMatch {
  const admit = (user: OidcCandidate, matchedBy: "subject" | "email"): OidcMatch => {
    if (user.disabled) return { ok: false, reason: "disabled", userId: user.id };
    if (user.membershipCount === 0) return { ok: false, reason: "no-role", userId: user.id };
    return { ok: true, user, matchedBy, linkSubject: matchedBy === "email" };
  };
  if (found.bySubject) return admit(found.bySubject, "subject");
  const email = claims.email;
  const byEmail = email ? found.byEmail.filter((u) => u.email.toLowerCase() === email) : [];
  if (byEmail.length === 0) return { ok: false, reason: "unknown", userId: null };
  if (byEmail.length > 1) return { ok: false, reason: "email-ambiguous", userId: null };
  const user = byEmail[0]!;
  if (claims.email_verified === false) return { ok: false, reason: "email-unverified", userId: user.id };
  if (user.oidcSubject !== null && user.oidcSubject !== claims.sub) return { ok: false, reason: "subject-mismatch", userId: user.id };
  return admit(user, "email");
}
