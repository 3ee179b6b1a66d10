import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserForSignIn, updatePasswordHash } from "@/lib/db/actors";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { insertSecurityAudit } from "@/lib/db/audit";
import { isDatabaseUnavailable } from "@/lib/domain/result";
import { clientAddress, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/auth/rate-limit";
import { activeSessionUser, revokeSession, SESSION_LIMITS, startSession } from "@/lib/auth/sessions";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { oidcProviders, oidcSignIn } from "@/lib/auth/oidc-sign-in";
import { isProviderOffered } from "@/lib/auth/sign-in-methods";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});


/**
 * The session's user; while the database is out of reach, the signed cookie's user (nothing can be
 * read or written then anyway, and the page says "try again" instead of sending them to sign in).
 */
async function sessionUserOrTrustToken(sid: string, sub: string | undefined): Promise<string | null> {
  try {
    return await activeSessionUser(sid);
  } catch (e) {
    if (isDatabaseUnavailable(e) && sub) return sub;
    throw e;
  }
}

export const authOptions: NextAuthOptions = {
  // The cookie is a JWT naming a UserSession row (lib/auth/sessions.ts); it never outlives the absolute timeout.
  session: { strategy: "jwt", maxAge: SESSION_LIMITS.absoluteHours * 60 * 60 },
  pages: { signIn: "/login", error: "/login/error" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "E-post och lösenord",
      credentials: { email: { label: "E-post", type: "email" }, password: { label: "Lösenord", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(req?.headers ?? {});
        const user = await findUserForSignIn(parsed.data.email);
        // An unknown e-mail is checked against a hash too, so the answer's timing does not reveal accounts.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()));
        if (!user || !user.passwordHash || !ok) {
          // Counted towards the rate limit (app/api/auth/[...nextauth]/route.ts answers 429 at the limit) and logged.
          await recordFailedSignIn(parsed.data.email, address);
          await insertSecurityAudit({ actorId: user?.id ?? null, action: "auth.failed", entityType: "user", entityId: user?.id ?? parsed.data.email, after: { method: "credentials", address, reason: user ? "wrong password or disabled" : "unknown e-mail" } });
          return null;
        }
        await recordSuccessfulSignIn(parsed.data.email);
        // A hash of the bcrypt era is replaced by scrypt now that the password is known to be right.
        if (needsRehash(user.passwordHash)) await updatePasswordHash(user.id, await hashPassword(parsed.data.password));
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    // Single sign-on when OIDC_* is set (lib/auth/oidc.ts); the credentials above only with AUTH_DEMO_LOGIN=on.
    ...oidcProviders(),
  ].filter(isProviderOffered),
  callbacks: {
    /** OIDC: only a user of the app with a role (matched by subject, then e-mail); anyone else goes to /login/no-access. */
    async signIn({ user, account, profile }) {
      if (account?.provider === OIDC_PROVIDER_ID) return oidcSignIn(user, profile);
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // Signing in: a new server-side session, and a line in the audit log.
        const method = account?.provider === "credentials" ? "credentials" : "oidc";
        token.sub = user.id;
        token.sid = await startSession(user.id, method);
        await insertSecurityAudit({ actorId: user.id, action: "auth.signIn", entityType: "user", entityId: user.id, after: { method } });
      }
      return token;
    },
    /**
     * Every request that reads the session checks its row: a revoked, idle or too old session, a
     * disabled user, or a cookie from before sessions were revocable, gives a session without a user.
     */
    async session({ session, token }) {
      const userId = typeof token.sid === "string" ? await sessionUserOrTrustToken(token.sid, token.sub) : null;
      if (session.user && userId && userId === token.sub) (session.user as { id?: string }).id = userId;
      else session.user = undefined;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid, "signOut");
      if (typeof token?.sub === "string") await insertSecurityAudit({ actorId: token.sub, action: "auth.signOut", entityType: "user", entityId: token.sub });
    },
  },
};
