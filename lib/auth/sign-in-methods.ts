import { readOidcConfig } from "@/lib/auth/oidc";

// Which ways of signing in the app offers, from the environment (read once at start-up):
// - e-mail and password only with AUTH_DEMO_LOGIN=on, which `npm run dev` / `npm start` set when
//   the database holds the demo data (scripts/dev.ts) and the e2e tests set (playwright.config.ts);
// - single sign-on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set (lib/auth/oidc.ts).

export function demoLoginEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.AUTH_DEMO_LOGIN === "on";
}

/** For next-auth's providers list: the credentials provider is not offered (nor accepted) unless demo sign-in is on. */
export function isProviderOffered(provider: { id: string }): boolean {
  return provider.id !== "credentials" || demoLoginEnabled();
}

/** What the login page shows: the password form, the SSO button (with its text), both or neither. */
export function signInMethods(env: Record<string, string | undefined> = process.env): { demo: boolean; sso: { name: string } | null } {
  const oidc = readOidcConfig(env);
  return { demo: demoLoginEnabled(env), sso: oidc ? { name: oidc.name } : null };
}
