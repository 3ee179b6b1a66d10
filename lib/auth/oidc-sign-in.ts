import "server-only";
import type { Profile, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { insertSecurityAudit } from "@/lib/db/audit";
import { findOidcCandidates, linkOidcSubject } from "@/lib/db/oidc-users";
import { createOidcProvider, matchOidcUser, parseOidcClaims, readOidcConfig, type OidcClaims, type OidcProfile, type OidcRefusal } from "@/lib/auth/oidc";

// Single sign-on, the server side: the provider for next-auth's options (when OIDC_* is set) and
// the signIn callback's OIDC branch (lib/auth/options.ts). Rules in lib/auth/oidc.ts.

/** Where a person the app does not admit lands: "ask your administrator". */
export const NO_ACCESS_PATH = "/login/no-access";

/** The OIDC provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set; none otherwise. */
export function oidcProviders(env: Record<string, string | undefined> = process.env): OAuthConfig<OidcProfile>[] {
  const config = readOidcConfig(env);
  if (!config) return [];
  return [
    createOidcProvider(config, async (error) => {
      console.error(`oidc: ${error.message}`);
      await insertSecurityAudit({ actorId: null, action: "auth.refused", entityType: "oidcIssuer", entityId: error.advertised ?? "(no issuer)", after: { method: "oidc", reason: "issuer-mismatch", expected: error.expected, advertised: error.advertised } });
    }),
  ];
}

/**
 * The signIn callback for an OIDC sign-in. Admits a user of the app (lib/auth/oidc.ts#matchOidcUser),
 * storing the subject on the first match by e-mail, and makes `user` that user: next-auth 4 passes
 * this same object on to the jwt callback, which starts the session for `user.id`. Anyone else is
 * refused — logged in the audit log — and sent to the no-access page.
 */
export async function oidcSignIn(user: User, profile: Profile | undefined): Promise<true | string> {
  const claims = parseOidcClaims(profile);
  if (!claims) return refuse("invalid-claims", null, {});
  const match = matchOidcUser(claims, await findOidcCandidates(claims.sub, claims.email));
  if (!match.ok) return refuse(match.reason, match.userId, claims);
  if (match.linkSubject && !(await linkOidcSubject(match.user.id, claims.sub))) return refuse("subject-mismatch", match.user.id, claims);
  user.id = match.user.id;
  user.email = match.user.email;
  user.name = match.user.name;
  return true;
}

async function refuse(reason: OidcRefusal, userId: string | null, claims: Partial<Pick<OidcClaims, "sub" | "email">>): Promise<string> {
  await insertSecurityAudit({
    actorId: userId,
    action: "auth.refused",
    entityType: "user",
    entityId: userId ?? claims.email ?? claims.sub ?? "(no subject)",
    after: { method: "oidc", reason, subject: claims.sub, email: claims.email },
  });
  return process.env.NEXTAUTH_URL ? new URL(NO_ACCESS_PATH, process.env.NEXTAUTH_URL).toString() : NO_ACCESS_PATH;
}
