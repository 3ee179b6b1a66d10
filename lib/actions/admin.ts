"use server";

import { hashPassword } from "@/lib/auth/password";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ROLE_SCOPE, SCOPE_MESSAGES, canRemoveAdminRole } from "@/lib/domain/memberships";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import type { Actor, Role } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { Prisma, db, type Tx } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import {
  ZAddMembershipInput,
  ZCreateDistrictInput,
  ZCreatePoliceAreaInput,
  ZCreateUserInput,
  ZMembershipRef,
  ZSetServedDistrictsInput,
  ZUserRef,
} from "@/lib/validation/admin";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

type Ctx<I> = { tx: Tx; actor: Actor; municipalityId: string; input: I };

/** Admin actions: sign-in → zod → ADMIN of that municipality → one transaction with audit → revalidate. */
async function runAdmin<S extends z.ZodType<{ municipalityId: string }>, T>(raw: FormData, schema: S, work: (ctx: Ctx<z.infer<S>>) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = schema.safeParse(formDataToObject(raw));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const municipalityId = parsed.data.municipalityId;
  const allowed = await enforce(actor, "admin.manage", { scope: { districtId: "", municipalityId, policeAreaIds: [] } });
  if (!allowed.ok) return fail("FORBIDDEN", allowed.message);
  try {
    const data = await db.$transaction((tx) => work({ tx, actor, municipalityId, input: parsed.data }));
    revalidatePath("/admin");
    return { ok: true, data };
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return fail("CONFLICT", "Det finns redan en post med samma kortform eller e-postadress.", { slug: ["Kortformen används redan."], email: ["E-postadressen används redan."] });
    }
    throw e;
  }
}

const audit = (tx: Tx, actor: Actor, action: string, entityType: string, entityId: string, after: unknown, before?: unknown) =>
  insertAudit(tx, { actorId: actor.userId, action, entityType, entityId, after, before });

async function scopeColumns(tx: Tx, municipalityId: string, role: Role, scopeId: string | null) {
  const kind = ROLE_SCOPE[role];
  if (kind === "municipality") {
    if (scopeId) throw new DomainError("VALIDATION", SCOPE_MESSAGES.municipality);
    return { municipalityId, districtId: null, policeAreaId: null };
  }
  if (!scopeId) throw new DomainError("VALIDATION", SCOPE_MESSAGES[kind]);
  const found =
    kind === "district"
      ? await tx.district.findFirst({ where: { id: scopeId, municipalityId } })
      : await tx.policeArea.findFirst({ where: { id: scopeId, municipalityId } });
  if (!found) throw new DomainError("NOT_FOUND", SCOPE_MESSAGES[kind]);
  return kind === "district" ? { municipalityId: null, districtId: scopeId, policeAreaId: null } : { municipalityId: null, districtId: null, policeAreaId: scopeId };
}

/** A user who holds some role in the municipality: an admin only manages their own municipality's users. */
async function findUserInMunicipality(tx: Tx, municipalityId: string, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, memberships: { some: { OR: [{ municipalityId }, { district: { municipalityId } }, { policeArea: { municipalityId } }] } } },
  });
  if (!user) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
  return user;
}

const activeAdmins = (tx: Tx, municipalityId: string) => tx.membership.count({ where: { role: "ADMIN", municipalityId, user: { disabledAt: null } } });

export async function createDistrictAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZCreateDistrictInput, async ({ tx, actor, municipalityId, input }) => {
    const d = await tx.district.create({ data: { municipalityId, name: input.name, slug: input.slug } });
    await audit(tx, actor, "district.create", "district", d.id, { name: d.name, slug: d.slug });
    return { id: d.id };
  });
}

export async function createPoliceAreaAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZCreatePoliceAreaInput, async ({ tx, actor, municipalityId, input }) => {
    const p = await tx.policeArea.create({ data: { municipalityId, name: input.name, slug: input.slug } });
    await audit(tx, actor, "policeArea.create", "policeArea", p.id, { name: p.name, slug: p.slug });
    return { id: p.id };
  });
}

/** Which districts a police area serves (its police co-sign their measures). */
export async function setServedDistrictsAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZSetServedDistrictsInput, async ({ tx, actor, municipalityId, input }) => {
    const area = await tx.policeArea.findFirst({ where: { id: input.policeAreaId, municipalityId }, include: { districts: true } });
    if (!area) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const districts = await tx.district.findMany({ where: { id: { in: input.districts }, municipalityId }, select: { id: true } });
    if (districts.length !== input.districts.length) throw new DomainError("NOT_FOUND", "Ett av stadsdelsområdena finns inte i kommunen.");
    await tx.districtPoliceArea.deleteMany({ where: { policeAreaId: area.id } });
    await tx.districtPoliceArea.createMany({ data: input.districts.map((districtId) => ({ districtId, policeAreaId: area.id })) });
    await audit(tx, actor, "policeArea.serve", "policeArea", area.id, { districts: input.districts }, { districts: area.districts.map((d) => d.districtId) });
  });
}

export async function createUserAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZCreateUserInput, async ({ tx, actor, municipalityId, input }) => {
    const scope = await scopeColumns(tx, municipalityId, input.role, input.scopeId);
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) } });
    await tx.membership.create({ data: { userId: user.id, role: input.role, ...scope } });
    await audit(tx, actor, "user.create", "user", user.id, { email: user.email, name: user.name, role: input.role, ...scope });
    return { id: user.id };
  });
}

export async function addMembershipAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZAddMembershipInput, async ({ tx, actor, municipalityId, input }) => {
    const user = await findUserInMunicipality(tx, municipalityId, input.userId);
    const scope = await scopeColumns(tx, municipalityId, input.role, input.scopeId);
    const existing = await tx.membership.findFirst({ where: { userId: user.id, role: input.role, ...scope } });
    if (existing) throw new DomainError("CONFLICT", "Användaren har redan den rollen.");
    const m = await tx.membership.create({ data: { userId: user.id, role: input.role, ...scope } });
    await audit(tx, actor, "membership.create", "membership", m.id, { userId: user.id, role: input.role, ...scope });
  });
}

export async function removeMembershipAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZMembershipRef, async ({ tx, actor, municipalityId, input }) => {
    const m = await tx.membership.findFirst({
      where: { id: input.membershipId, OR: [{ municipalityId }, { district: { municipalityId } }, { policeArea: { municipalityId } }] },
    });
    if (!m) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const rule = canRemoveAdminRole({ actorUserId: actor.userId, targetUserId: m.userId, role: m.role, activeAdminCount: await activeAdmins(tx, municipalityId) });
    if (!rule.ok) throw new DomainError("FORBIDDEN", rule.message);
    await tx.membership.delete({ where: { id: m.id } });
    await audit(tx, actor, "membership.delete", "membership", m.id, null, { userId: m.userId, role: m.role });
  });
}

/** Disables or re-enables a user; a disabled user's open session stops working at the next request. */
export async function toggleUserDisabledAction(_prev: unknown, formData: FormData) {
  return runAdmin(formData, ZUserRef, async ({ tx, actor, municipalityId, input }) => {
    const user = await findUserInMunicipality(tx, municipalityId, input.userId);
    if (user.id === actor.userId) throw new DomainError("FORBIDDEN", "Du kan inte stänga av ditt eget konto.");
    const disabledAt = user.disabledAt ? null : new Date();
    await tx.user.update({ where: { id: user.id }, data: { disabledAt } });
    // Their open sessions end too (lib/auth/sessions.ts): re-enabling does not bring them back.
    if (disabledAt) await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: disabledAt, revokedReason: "disabled" } });
    await audit(tx, actor, disabledAt ? "user.disable" : "user.enable", "user", user.id, { disabled: Boolean(disabledAt) }, { disabled: Boolean(user.disabledAt) });
  });
}
