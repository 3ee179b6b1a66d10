// The admin page's actions: only an ADMIN of the municipality, only inside it, audited.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/types";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { verifyPassword } from "@/lib/auth/password";
import {
  addMembershipAction,
  createDistrictAction,
  createUserAction,
  removeMembershipAction,
  setServedDistrictsAction,
  toggleUserDisabledAction,
} from "@/lib/actions/admin";
import { actorOf, createWorld, db, formData, uniqueSuffix, type TestUser, type World } from "@/tests/support/db";

let w: World;
let admin: TestUser;

beforeAll(async () => {
  w = await createWorld();
  admin = w.users.admin;
});

beforeEach(async () => {
  auth.actor = await actorOf(admin);
});

const m = () => ({ municipalityId: w.municipality.id });

describe("admin actions", () => {
  it("creates a user with a hashed password and a first role in a district of the municipality", async () => {
    const email = `ny-${uniqueSuffix()}@example.test`;
    const res = await createUserAction(null, formData({ ...m(), name: "Ny Strateg", email, password: "ett-langt-losenord", role: "STRATEGIST", scopeId: w.districtA.id }));
    expect(res.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("ett-langt-losenord", user.passwordHash!)).toBe(true);
    expect(user.memberships).toMatchObject([{ role: "STRATEGIST", districtId: w.districtA.id }]);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "user.create" } })).toBe(1);
  });

  it("refuses a short password, a bad e-mail and a role without its district, with Swedish messages, and writes nothing", async () => {
    const before = await db.user.count();
    const res = await createUserAction(null, formData({ ...m(), name: "X", email: "inte-en-adress", password: "kort", role: "STRATEGIST" }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!res.ok) {
      expect(res.fieldErrors?.email?.[0]).toMatch(/giltig e-postadress/);
      expect(res.fieldErrors?.password?.[0]).toMatch(/minst 12 tecken/);
    }
    const noScope = await createUserAction(null, formData({ ...m(), name: "Y", email: `y-${uniqueSuffix()}@example.test`, password: "ett-langt-losenord", role: "STRATEGIST" }));
    expect(noScope).toMatchObject({ ok: false, message: "Välj det stadsdelsområde rollen gäller." });
    expect(await db.user.count()).toBe(before);
  });

  it("a district of another municipality cannot be used as a scope", async () => {
    const other = await db.district.create({ data: { municipalityId: (await db.municipality.create({ data: { slug: `x-${uniqueSuffix()}`, name: "X" } })).id, slug: `x-${uniqueSuffix()}`, name: "Annan" } });
    const res = await addMembershipAction(null, formData({ ...m(), userId: w.users.strategistA.id, role: "STEERING_GROUP", scopeId: other.id }));
    expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.membership.count({ where: { districtId: other.id } })).toBe(0);
  });

  it("adds a role once (twice is a conflict) and removes it", async () => {
    const add = () => addMembershipAction(null, formData({ ...m(), userId: w.users.strategistA.id, role: "STEERING_GROUP", scopeId: w.districtA.id }));
    expect((await add()).ok).toBe(true);
    expect(await add()).toMatchObject({ ok: false, code: "CONFLICT" });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: w.users.strategistA.id, role: "STEERING_GROUP" } });
    expect((await removeMembershipAction(null, formData({ ...m(), membershipId: membership.id }))).ok).toBe(true);
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(0);
  });

  it("an admin cannot remove their own admin role or disable themselves", async () => {
    const own = await db.membership.findFirstOrThrow({ where: { userId: admin.id, role: "ADMIN" } });
    expect(await removeMembershipAction(null, formData({ ...m(), membershipId: own.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await toggleUserDisabledAction(null, formData({ ...m(), userId: admin.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.membership.count({ where: { id: own.id } })).toBe(1);
  });

  it("disabling a user makes their actor disappear (their session stops working) and enabling brings it back", async () => {
    expect((await toggleUserDisabledAction(null, formData({ ...m(), userId: w.users.police.id }))).ok).toBe(true);
    const { getActorById } = await import("@/lib/db/actors");
    expect(await getActorById(w.users.police.id)).toBeNull();
    expect((await toggleUserDisabledAction(null, formData({ ...m(), userId: w.users.police.id }))).ok).toBe(true);
    expect(await getActorById(w.users.police.id)).not.toBeNull();
  });

  it("sets which districts a police area serves", async () => {
    const res = await setServedDistrictsAction(null, formData({ ...m(), policeAreaId: w.policeArea.id, [`districts.${w.districtA.id}`]: "on", [`districts.${w.districtB.id}`]: "on" }));
    expect(res.ok).toBe(true);
    expect(await db.districtPoliceArea.count({ where: { policeAreaId: w.policeArea.id } })).toBe(2);
    await setServedDistrictsAction(null, formData({ ...m(), policeAreaId: w.policeArea.id, [`districts.${w.districtA.id}`]: "on" }));
    expect(await db.districtPoliceArea.findMany({ where: { policeAreaId: w.policeArea.id }, select: { districtId: true } })).toEqual([{ districtId: w.districtA.id }]);
  });

  it.each(["strategistA", "reviewGroup", "otherAdmin", "noRole"] as const)("%s is refused and nothing is created", async (who) => {
    auth.actor = await actorOf(w.users[who]);
    const slug = `ny-${uniqueSuffix()}`;
    const res = await createDistrictAction(null, formData({ ...m(), name: "Nytt område", slug }));
    expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.district.count({ where: { slug } })).toBe(0);
  });

  it("a duplicate district slug is a conflict with a Swedish message", async () => {
    const res = await createDistrictAction(null, formData({ ...m(), name: "Dubblett", slug: w.districtA.slug }));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
