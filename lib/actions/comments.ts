"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/domain/permissions";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import { findMeasureInPlan } from "@/lib/db/chain";
import { getDistrictBySlug } from "@/lib/db/districts";
import { ZCreateCommentInput, ZResolveCommentInput, type TPlanRef } from "@/lib/validation/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

/** The plan a comment action is about, if the actor may comment on it (strategists, steering group, police, review group). */
async function planForComment(ref: TPlanRef) {
  const actor = await getActor();
  if (!actor) return { allowed: false as const, error: fail("UNAUTHENTICATED", MESSAGES.unauthenticated) };
  const district = await getDistrictBySlug(ref.districtSlug);
  const plan = district && (await db.plan.findUnique({ where: { districtId_year: { districtId: district.districtId, year: ref.year } }, select: { id: true, year: true } }));
  if (!district || !plan || !authorize(actor, "plan.view", { scope: district }).ok) return { allowed: false as const, error: fail("NOT_FOUND", MESSAGES.notFound) };
  const allowed = await enforce(actor, "comment.create", { scope: district, planId: plan.id });
  if (!allowed.ok) return { allowed: false as const, error: fail(allowed.code, allowed.message) };
  return { allowed: true as const, actor, district, plan };
}

/** A comment on the plan or on one of its measures; comments can be written in every status. */
export async function createCommentAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = ZCreateCommentInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const ctx = await planForComment(parsed.data);
  if (!ctx.allowed) return ctx.error;
  const { actor, district, plan } = ctx;
  const input = parsed.data;
  try {
    const id = await db.$transaction(async (tx) => {
      if (input.measureId && !(await findMeasureInPlan(tx, plan.id, input.measureId))) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      const comment = await tx.reviewComment.create({ data: { planId: plan.id, measureId: input.measureId ?? null, authorId: actor.userId, body: input.body } });
      await insertAudit(tx, { actorId: actor.userId, action: "comment.create", entityType: "comment", entityId: comment.id, planId: plan.id, after: { body: input.body, measureId: input.measureId ?? null } });
      return comment.id;
    });
    revalidatePath(`/plans/${district.slug}/${plan.year}`, "layout");
    return { ok: true, data: { id } };
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    throw e;
  }
}

/** Marks a comment resolved (once: a second attempt is a conflict, not a second change). */
export async function resolveCommentAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = ZResolveCommentInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const ctx = await planForComment(parsed.data);
  if (!ctx.allowed) return ctx.error;
  const { actor, district, plan } = ctx;
  try {
    await db.$transaction(async (tx) => {
      const comment = await tx.reviewComment.findFirst({ where: { id: parsed.data.commentId, planId: plan.id } });
      if (!comment) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      const { count } = await tx.reviewComment.updateMany({ where: { id: comment.id, resolvedAt: null }, data: { resolvedAt: new Date() } });
      if (count === 0) throw new DomainError("CONFLICT", "Kommentaren är redan markerad som löst.");
      await insertAudit(tx, { actorId: actor.userId, action: "comment.resolve", entityType: "comment", entityId: comment.id, planId: plan.id, before: { resolved: false }, after: { resolved: true } });
    });
    revalidatePath(`/plans/${district.slug}/${plan.year}`, "layout");
    return { ok: true, data: undefined };
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    throw e;
  }
}
