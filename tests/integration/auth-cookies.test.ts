import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { db } from "@/lib/db/client";
import { uniqueSuffix } from "../support/db";

// The cookies of a real sign-in, through the app's own next-auth options (lib/auth/options.ts),
// for NEXTAUTH_URL on http and on https. next-auth 4 decides by the URL alone
// (useSecureCookies = NEXTAUTH_URL starts with https://): over TLS every cookie is Secure with a
// __Secure- (session) or __Host- (CSRF) prefix; always HttpOnly, SameSite=Lax, Path=/.
// The http case is also checked in the browser (tests/e2e/security.spec.ts).

type Cookie = { name: string; value: string; attributes: string[] };
type Call = { status: number; cookies: Cookie[]; body: unknown };

const PASSWORD = "ett-långt-lösenord-för-cookietestet";
const saved = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, AUTH_DEMO_LOGIN: process.env.AUTH_DEMO_LOGIN };
let authOptions: NextAuthOptions;
let nextAuth: (req: unknown, res: unknown, options: NextAuthOptions) => Promise<unknown>;
let email: string;

function parseSetCookie(header: string): Cookie {
  const [pair, ...attributes] = header.split(";").map((s) => s.trim());
  const at = pair!.indexOf("=");
  return { name: pair!.slice(0, at), value: pair!.slice(at + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** One request through next-auth's API handler (the same core the app's route handler calls), with a minimal res. */
async function call(method: "GET" | "POST", action: string[], { cookies = {}, body }: { cookies?: Record<string, string>; body?: Record<string, string> } = {}): Promise<Call> {
  const headers: Record<string, string | string[]> = {};
  let status = 200;
  let sent: unknown;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return res;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    send(value: unknown) {
      sent = value;
      return res;
    },
    json(value: unknown) {
      sent = value;
      return res;
    },
    end() {
      return res;
    },
  };
  const url = new URL(process.env.NEXTAUTH_URL!);
  const req = {
    method,
    query: { nextauth: action },
    cookies,
    body,
    headers: { host: url.host, "x-forwarded-for": "192.0.2.10", "content-type": "application/x-www-form-urlencoded" },
  };
  await nextAuth(req, res, authOptions);
  const setCookie = headers["set-cookie"] ?? [];
  return { status, cookies: (Array.isArray(setCookie) ? setCookie : [setCookie]).map(parseSetCookie), body: sent };
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "cookie-test-secret";
  // The password sign-in is offered only with demo sign-in on (read when the options are built).
  process.env.AUTH_DEMO_LOGIN = "on";
  authOptions = (await import("@/lib/auth/options")).authOptions;
  nextAuth = (await import("next-auth")).default as unknown as typeof nextAuth;
  email = `cookie-${uniqueSuffix()}@example.test`;
  await db.user.create({ data: { email, name: "Cookie Test", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** GET /api/auth/csrf, then a password sign-in with that token: every cookie set along the way. */
async function signIn(): Promise<{ csrf: Cookie; session: Cookie; all: Cookie[] }> {
  const csrfCall = await call("GET", ["csrf"]);
  const csrf = csrfCall.cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
  expect(csrf, JSON.stringify(csrfCall.cookies)).toBeTruthy();
  const { csrfToken } = csrfCall.body as { csrfToken: string };
  const signInCall = await call("POST", ["callback", "credentials"], {
    cookies: { [csrf!.name]: decodeURIComponent(csrf!.value) },
    body: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  const session = signInCall.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, `sign-in answered ${signInCall.status} ${JSON.stringify(signInCall.body)}; cookies ${JSON.stringify(signInCall.cookies.map((c) => c.name))}`).toBeTruthy();
  return { csrf: csrf!, session: session!, all: [...csrfCall.cookies, ...signInCall.cookies] };
}

describe("next-auth cookie flags", () => {
  it("NEXTAUTH_URL https://…: Secure with __Secure-/__Host- names, HttpOnly, SameSite=Lax, Path=/", async () => {
    process.env.NEXTAUTH_URL = "https://trygghetsplan.example.se";
    const { csrf, session, all } = await signIn();
    expect(session.name).toBe("__Secure-next-auth.session-token");
    expect(csrf.name).toBe("__Host-next-auth.csrf-token");
    for (const cookie of all) {
      expect(cookie.attributes, cookie.name).toContain("secure");
      expect(cookie.attributes, cookie.name).toContain("httponly");
      expect(cookie.attributes, cookie.name).toContain("samesite=lax");
      expect(cookie.attributes, cookie.name).toContain("path=/");
      // __Host- cookies must not name a domain; none of ours does.
      expect(cookie.attributes.some((a) => a.startsWith("domain=")), cookie.name).toBe(false);
    }
  });

  it("NEXTAUTH_URL http://… (local only): the same but not Secure, plain names", async () => {
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    const { csrf, session, all } = await signIn();
    expect(session.name).toBe("next-auth.session-token");
    expect(csrf.name).toBe("next-auth.csrf-token");
    for (const cookie of all) {
      expect(cookie.attributes, cookie.name).not.toContain("secure");
      expect(cookie.attributes, cookie.name).toContain("httponly");
      expect(cookie.attributes, cookie.name).toContain("samesite=lax");
    }
  });

  it("the session cookie expires no later than the session's absolute lifetime", async () => {
    process.env.NEXTAUTH_URL = "https://trygghetsplan.example.se";
    const { session } = await signIn();
    const expires = session.attributes.find((a) => a.startsWith("expires="));
    expect(expires).toBeTruthy();
    const lifetimeMs = Date.parse(expires!.slice("expires=".length)) - Date.now();
    expect(lifetimeMs).toBeGreaterThan(0);
    expect(lifetimeMs).toBeLessThanOrEqual((authOptions.session?.maxAge ?? 0) * 1000 + 60_000);
  });
});
