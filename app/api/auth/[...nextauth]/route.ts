import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { RATE_LIMITED_MESSAGE, clientAddress, signInBlockedFor } from "@/lib/auth/rate-limit";

const handler = NextAuth(authOptions);

/** A sign-in form is small; anything bigger is not one. */
const MAX_SIGN_IN_BODY = 10_000;

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's handler, with the sign-in rate limit in front of the password check: while the
 * account or the client address is at its limit of failed attempts (lib/auth/rate-limit.ts) the
 * answer is HTTP 429 with a Swedish message and Retry-After, and no password is compared.
 */
async function POST(req: Request, ctx: Ctx) {
  const { pathname } = new URL(req.url);
  if (pathname.endsWith("/callback/credentials")) {
    const length = Number(req.headers.get("content-length") ?? "0");
    if (length > MAX_SIGN_IN_BODY) return Response.json({ message: "Förfrågan är för stor." }, { status: 413 });
    const body = new URLSearchParams(await req.clone().text());
    const email = (body.get("email") ?? "").trim().toLowerCase();
    const wait = email ? await signInBlockedFor(email, clientAddress(req.headers)) : 0;
    if (wait > 0) {
      const login = new URL("/login?error=RateLimited", process.env.NEXTAUTH_URL ?? req.url);
      // { url } is what next-auth's signIn() reads; its `error` parameter becomes the result's error.
      return Response.json({ url: login.toString(), message: RATE_LIMITED_MESSAGE }, { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } });
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
