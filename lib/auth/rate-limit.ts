import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";

// Failed sign-ins, counted per account and per address in PostgreSQL (the LoginAttempt table,
// rate-limiter-flexible's Prisma store), so every app instance shares the counts. A success
// clears the account's count. While a count is at its limit, the sign-in endpoint answers 429
// before a password is even compared (app/api/auth/[...nextauth]/route.ts).

export const SIGN_IN_LIMITS = {
  /** Failed attempts for one e-mail address within the window. */
  perAccount: 5,
  /** Failed attempts from one client address within the window (an office shares one address). */
  perAddress: 30,
  windowSeconds: 15 * 60,
} as const;

export { RATE_LIMITED_MESSAGE } from "@/lib/domain/session";

let limiters: { account: RateLimiterPrisma; address: RateLimiterPrisma } | null = null;
function get() {
  limiters ??= {
    account: new RateLimiterPrisma({ storeClient: db, tableName: "loginAttempt", keyPrefix: "signin:account", points: SIGN_IN_LIMITS.perAccount, duration: SIGN_IN_LIMITS.windowSeconds }),
    address: new RateLimiterPrisma({ storeClient: db, tableName: "loginAttempt", keyPrefix: "signin:address", points: SIGN_IN_LIMITS.perAddress, duration: SIGN_IN_LIMITS.windowSeconds }),
  };
  return limiters;
}

const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 320);

/**
 * The client's address as the nearest proxy saw it: the last x-forwarded-for entry (Next.js and
 * a load balancer append theirs; the first entries are whatever the client sent).
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const last = value.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? "unknown").slice(0, 64);
}

/** Seconds until the account or the address may try again; 0 when neither is at its limit. */
export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const { account, address: addr } = get();
  const [a, b] = await Promise.all([account.get(accountKey(email)), addr.get(address)]);
  const wait = (r: Awaited<ReturnType<RateLimiterPrisma["get"]>>, limit: number) => (r && r.consumedPoints >= limit ? Math.ceil(r.msBeforeNext / 1000) : 0);
  return Math.max(wait(a, SIGN_IN_LIMITS.perAccount), wait(b, SIGN_IN_LIMITS.perAddress));
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: addr } = get();
  // penalty() adds points without throwing at the limit (consume() rejects once exceeded).
  await Promise.all([account.penalty(accountKey(email), 1), addr.penalty(address, 1)]);
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await get().account.delete(accountKey(email));
}
