// Single sign-on's database side (lib/auth/oidc-sign-in.ts, lib/db/oidc-users.ts) against a real
// PostgreSQL: matching by subject then e-mail (ignoring case), storing the subject once with its
// audit row, refusals in the audit log. The browser flow against a real IdP is tests/e2e/oidc.spec.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Profile, User } from "next-auth";
import { oidcSignIn } from "@/lib/auth/oidc-sign-in";
import { linkOidcSubject } from "@/lib/db/oidc-users";
import { createUser, db, uniqueSuffix, type TestUser } from "@/tests/support/db";

let municipalityId: string;
beforeAll(async () => {
  const suffix = uniqueSuffix();
  municipalityId = (await db.municipality.create({ data: { slug: `oidc-${suffix}`, name: `OIDC-kommun ${suffix}` } })).id;
});

const withRole = (name: string) => createUser(name, uniqueSuffix(), [{ role: "REVIEW_GROUP", municipalityId }]);
const sub = () => `sub-${uniqueSuffix()}`;
const profileUser = (subject: string): User => ({ id: subject, name: "Från IdP", email: null });
/** ID token claims as next-auth hands them over (email_verified is not in its Profile type). */
const claims = (c: Record<string, unknown>) => c as Profile;

async function audits(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, entityType: true, planId: true, after: true } });
}

describe("oidcSignIn", () => {
  it("first sign-in: matched by e-mail in other case, the subject stored with an audit row, `user` becomes the app's user", async () => {
    const anna: TestUser = await withRole("Anna");
    const subject = sub();
    const user = profileUser(subject);
    await expect(oidcSignIn(user, claims({ sub: subject, email: anna.email.toUpperCase(), email_verified: true }))).resolves.toBe(true);
    expect(user).toEqual({ id: anna.id, email: anna.email, name: "Anna" });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).oidcSubject).toBe(subject);
    expect(await audits(anna.id)).toEqual([{ action: "auth.oidcLinked", actorId: anna.id, entityType: "user", planId: null, after: { method: "oidc", matchedBy: "email", subject } }]);

    // Later: by subject, whatever the e-mail says now; nothing new linked.
    const again = profileUser(subject);
    await expect(oidcSignIn(again, claims({ sub: subject, email: "annat@example.test" }))).resolves.toBe(true);
    expect(again.id).toBe(anna.id);
    expect(await audits(anna.id)).toHaveLength(1);
  });

  it("refuses an unverified e-mail, another subject for a linked user, no role, a disabled user and a stranger; each in the audit log", async () => {
    const linked = await withRole("Länkad");
    await db.user.update({ where: { id: linked.id }, data: { oidcSubject: sub() } });
    const noRole = await createUser("Utan roll", uniqueSuffix());
    const disabled = await withRole("Avstängd");
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const unverified = await withRole("Overifierad");
    const stranger = `okand-${uniqueSuffix()}@example.test`;

    const cases: [email: string, verified: boolean | undefined, reason: string, entityId: string, actorId: string | null][] = [
      [unverified.email, false, "email-unverified", unverified.id, unverified.id],
      [linked.email, true, "subject-mismatch", linked.id, linked.id],
      [noRole.email, true, "no-role", noRole.id, noRole.id],
      [disabled.email, undefined, "disabled", disabled.id, disabled.id],
      [stranger, true, "unknown", stranger, null],
    ];
    for (const [email, verified, reason, entityId, actorId] of cases) {
      const subject = sub();
      const user = profileUser(subject);
      const result = await oidcSignIn(user, claims({ sub: subject, email, email_verified: verified }));
      expect(result, reason).toMatch(/\/login\/no-access$/);
      expect(user.id, reason).toBe(subject);
      expect(await audits(entityId), reason).toContainEqual({ action: "auth.refused", actorId, entityType: "user", planId: null, after: { method: "oidc", reason, subject, email } });
      expect(await db.user.count({ where: { oidcSubject: subject } }), reason).toBe(0);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: unverified.id } })).oidcSubject).toBeNull();
  });

  it("refuses an ID token without a subject", async () => {
    const user = profileUser("x");
    await expect(oidcSignIn(user, claims({ email: "a@b.se" }))).resolves.toMatch(/\/login\/no-access$/);
  });
});

describe("linkOidcSubject (a conditional write)", () => {
  it("links once; a second, different subject or a subject taken by another user is not stored", async () => {
    const a = await withRole("A");
    const b = await withRole("B");
    const [s1, s2] = [sub(), sub()];
    expect(await linkOidcSubject(a.id, s1)).toBe(true);
    expect(await linkOidcSubject(a.id, s1)).toBe(true); // the same subject again: harmless
    expect(await linkOidcSubject(a.id, s2)).toBe(false);
    expect(await linkOidcSubject(b.id, s1)).toBe(false); // User_oidcSubject_key
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).oidcSubject).toBe(s1);
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).oidcSubject).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: b.id, action: "auth.oidcLinked" } })).toBe(0);
  });
});
