// Signing in as a city needs it: passwords checked slowly, failed attempts rate-limited per
// account and per address in PostgreSQL (HTTP 429), sessions the server can end (sign-out, a
// disabled user, idle and absolute timeouts), and every sign-in and refused check audited.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/types";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => {
  // The password form is on only with the demo data (or a city that keeps local accounts).
  process.env.AUTH_DEMO_LOGIN = "on";
  return { actor: null as Actor | null };
});
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import bcrypt from "bcryptjs";
import type { Account, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS, recordFailedSignIn, signInBlockedFor } from "@/lib/auth/rate-limit";
import { RATE_LIMITED_MESSAGE } from "@/lib/domain/session";
import { toggleUserDisabledAction } from "@/lib/actions/admin";
import { createProblemAction } from "@/lib/actions/problems";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { actorOf, createWorld, db, formData, uniqueSuffix, type World } from "@/tests/support/db";

const PASSWORD = "ett-riktigt-langt-losenord";
let w: World;
let hash: string;

beforeAll(async () => {
  w = await createWorld();
  hash = await bcrypt.hash(PASSWORD, 10);
  await db.user.updateMany({ where: { id: { in: [w.users.strategistA.id, w.users.strategistB.id] } }, data: { passwordHash: hash } });
});

beforeEach(() => {
  auth.actor = null;
});

type CredentialsAuthorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User | null>;
function credentialsAuthorize(): CredentialsAuthorize {
  const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: CredentialsAuthorize } } | undefined;
  if (!provider) throw new Error("The credentials provider is off: set AUTH_DEMO_LOGIN=on for the tests.");
  return provider.options.authorize;
}
const signInWith = (email: string, password: string, address = "203.0.113.10") =>
  credentialsAuthorize()({ email, password }, { headers: { "x-forwarded-for": address } });

/** What next-auth does after a successful authorize: the jwt callback with the user, then the session callback. */
async function startSessionFor(user: User): Promise<JWT> {
  return authOptions.callbacks!.jwt!({ token: { sub: user.id }, user, account: { provider: "credentials", type: "credentials", providerAccountId: user.id } as Account, trigger: "signIn" } as never) as Promise<JWT>;
}
async function sessionUserId(token: JWT): Promise<string | undefined> {
  const session = (await authOptions.callbacks!.session!({ session: { user: { name: "x" }, expires: "" } as Session, token } as never)) as Session;
  return (session.user as { id?: string } | undefined)?.id;
}

function credentialsPost(email: string, password: string, address: string) {
  const body = new URLSearchParams({ email, password, csrfToken: "x", json: "true" });
  return new Request("http://127.0.0.1:3100/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body,
  });
}

describe("password sign-in", () => {
  it("accepts the right password, refuses a wrong one and an unknown e-mail, and audits each attempt", async () => {
    const email = w.users.strategistA.email;
    expect(await signInWith(email, PASSWORD)).toMatchObject({ id: w.users.strategistA.id, email });
    expect(await signInWith(email, "fel-losenord-helt-klart")).toBeNull();
    expect(await signInWith(`okand-${uniqueSuffix()}@example.test`, PASSWORD)).toBeNull();
    const failed = await db.auditLog.findMany({ where: { action: "auth.failed", entityId: { in: [w.users.strategistA.id] } } });
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed[0]!.after).toMatchObject({ method: "credentials", reason: "wrong password or disabled" });
    // The bcrypt hash of the earlier versions verified, and was replaced by scrypt (lib/auth/password.ts).
    expect(hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    const stored = (await db.user.findUniqueOrThrow({ where: { id: w.users.strategistA.id } })).passwordHash!;
    expect(stored).toMatch(/^scrypt\$15\$8\$3\$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await signInWith(email, PASSWORD)).toMatchObject({ id: w.users.strategistA.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.strategistA.id } })).passwordHash).toBe(stored);
    // A wrong password changes nothing.
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.strategistB.id } })).passwordHash).toBe(hash);
  });
});

describe("rate limiting of failed sign-ins (PostgreSQL store)", () => {
  it(`blocks an account after ${SIGN_IN_LIMITS.perAccount} failures, answers 429 with Retry-After, and does not even try the right password`, async () => {
    const email = w.users.strategistB.email;
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) expect(await signInWith(email, `fel-${i}-losenordet`, address)).toBeNull();
    expect(await signInBlockedFor(email, "192.0.2.99")).toBeGreaterThan(0);

    const res = await POST(credentialsPost(email, PASSWORD, "192.0.2.99"), { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { url: string; message: string };
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(body.message).toBe(RATE_LIMITED_MESSAGE);
    // The count is in the database, shared by every app instance.
    const rows = await db.loginAttempt.findMany({ where: { key: { contains: email } } });
    expect(rows[0]?.points).toBe(SIGN_IN_LIMITS.perAccount);
  });

  it(`blocks an address after ${SIGN_IN_LIMITS.perAddress} failures, whatever account it tries`, async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    // Each real attempt costs a bcrypt comparison (slow on purpose): count most of them directly, the last through the form.
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress - 1; i++) await recordFailedSignIn(`gissning-${i}-${uniqueSuffix()}@example.test`, address);
    expect(await signInBlockedFor(`annan-${uniqueSuffix()}@example.test`, address)).toBe(0);
    expect(await signInWith(`sista-${uniqueSuffix()}@example.test`, "fel", address)).toBeNull();
    expect(await signInBlockedFor(`annan-${uniqueSuffix()}@example.test`, address)).toBeGreaterThan(0);
    expect(await signInBlockedFor(`annan-${uniqueSuffix()}@example.test`, "192.0.2.250")).toBe(0);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const email = w.users.strategistA.email;
    const address = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await signInWith(email, "fel-fel-fel", address);
    expect(await signInWith(email, PASSWORD, address)).not.toBeNull();
    await signInWith(email, "fel-igen", address);
    expect(await signInBlockedFor(email, "203.0.113.78")).toBe(0);
  });
});

describe("sessions the server can end", () => {
  it("a sign-in starts a session row and audits it; the session works until signed out", async () => {
    const user = (await signInWith(w.users.strategistA.email, PASSWORD))!;
    const token = await startSessionFor(user);
    expect(typeof token.sid).toBe("string");
    expect(await sessionUserId(token)).toBe(w.users.strategistA.id);
    expect(await db.auditLog.count({ where: { action: "auth.signIn", entityId: user.id } })).toBeGreaterThanOrEqual(1);

    await authOptions.events!.signOut!({ token, session: undefined as never });
    expect(await sessionUserId(token)).toBeUndefined();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: token.sid as string } })).toMatchObject({ revokedReason: "signOut" });
    expect(await db.auditLog.count({ where: { action: "auth.signOut", entityId: user.id } })).toBeGreaterThanOrEqual(1);
  });

  it("disabling a user ends their open session at the next request", async () => {
    const target = w.users.strategistB;
    await db.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    const token = await startSessionFor({ id: target.id, email: target.email, name: "B" });
    expect(await sessionUserId(token)).toBe(target.id);
    auth.actor = await actorOf(w.users.admin);
    const res = await toggleUserDisabledAction(null, formData({ userId: target.id, municipalityId: w.municipality.id }));
    expect(res.ok).toBe(true);
    expect(await sessionUserId(token)).toBeUndefined();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: token.sid as string } })).toMatchObject({ revokedReason: "disabled" });
    await db.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    // Re-enabled, the old session stays ended: they sign in again.
    expect(await sessionUserId(token)).toBeUndefined();
  });

  it("an idle session ends after the idle timeout, an old one after the absolute timeout", async () => {
    const user = { id: w.users.strategistA.id, email: w.users.strategistA.email, name: "A" };
    const idle = await startSessionFor(user);
    await db.userSession.update({ where: { id: idle.sid as string }, data: { lastSeenAt: new Date(Date.now() - 2 * 3_600_000) } });
    expect(await sessionUserId(idle)).toBeUndefined();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: idle.sid as string } })).toMatchObject({ revokedReason: "idle" });

    const old = await startSessionFor(user);
    await db.userSession.update({ where: { id: old.sid as string }, data: { createdAt: new Date(Date.now() - 11 * 3_600_000) } });
    expect(await sessionUserId(old)).toBeUndefined();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: old.sid as string } })).toMatchObject({ revokedReason: "expired" });
  });

  it("a cookie without a session id (from before sessions were revocable) or with a forged one gives no user", async () => {
    expect(await sessionUserId({ sub: w.users.strategistA.id })).toBeUndefined();
    expect(await sessionUserId({ sub: w.users.strategistA.id, sid: crypto.randomUUID() })).toBeUndefined();
    expect(await sessionUserId({ sub: w.users.strategistA.id, sid: "'; DROP TABLE x; --" })).toBeUndefined();
    // A session id of another user's session does not sign you in as yourself either.
    const other = await startSessionFor({ id: w.users.strategistB.id, email: w.users.strategistB.email, name: "B" });
    expect(await sessionUserId({ sub: w.users.strategistA.id, sid: other.sid })).toBeUndefined();
  });
});

describe("refused permission checks are audited", () => {
  it("a strategist trying to edit another district's plan is refused and the refusal is logged, nothing else changes", async () => {
    auth.actor = await actorOf(w.users.strategistB);
    const area = await db.priorityArea.findFirstOrThrow({ where: { planId: w.planA.id } });
    const before = await db.problem.count({ where: { areaId: area.id } });
    const res = await createProblemAction(null, formData({ districtSlug: w.planA.slug, year: w.year, areaId: area.id, description: "Försök utifrån" }));
    expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.problem.count({ where: { areaId: area.id } })).toBe(before);
    const refusal = await db.auditLog.findFirst({ where: { action: "auth.refused", actorId: w.users.strategistB.id, planId: w.planA.id }, orderBy: { id: "desc" } });
    expect(refusal).toMatchObject({ entityType: "permission", entityId: "plan.edit" });
    expect(refusal?.after).toMatchObject({ permission: "plan.edit", code: "FORBIDDEN", districtId: w.districtA.id });
  });
});
