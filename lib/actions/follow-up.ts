"use server";

import { revalidatePath } from "next/cache";
import { FOLLOW_UP_MESSAGES, goalsInContext, isFollowUpStatus, mayWriteMeasureFollowUp, roundGaps, ROUND_LABELS, ROUND_SLUGS, type RoundKind } from "@/lib/domain/follow-up";
import { authorize, PERMISSION_MESSAGES } from "@/lib/domain/permissions";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import type { Actor, PlanStatus } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import type { DistrictWithScope } from "@/lib/db/districts";
import { getPlanFollowUp, lockRound } from "@/lib/db/follow-up";
import { getPlanTree } from "@/lib/db/plans";
import { ZMeasureFollowUpInput, ZRoundInput } from "@/lib/validation/follow-up";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf, findVisiblePlan } from "@/lib/actions/support/run-plan-edit";
import type { z } from "zod";
import { enforce } from "@/lib/auth/enforce";

type FollowUpContext<I> = { tx: Tx; actor: Actor; district: DistrictWithScope; plan: { id: string; year: number }; input: I; assessesGoals: boolean };

/**
 * The one way follow-up is written, like runPlanEdit but for a decided plan: sign-in → zod →
 * the plan through its district → followUp.write (and followUp.assess where asked) → one
 * transaction that holds the plan row (a concurrent reopen waits), re-checks that the plan is
 * decided, then `write` → revalidate. The plan's decided content is never written here.
 */
async function runFollowUp<S extends z.ZodType<{ districtSlug: string; year: number }>, T>(
  raw: FormData,
  schema: S,
  needs: "write" | "assess",
  write: (ctx: FollowUpContext<z.infer<S>>) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = schema.safeParse(formDataToObject(raw));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const input = parsed.data;

  const found = await findVisiblePlan(actor, input);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan: plan } = found;
  const allowed = await enforce(actor, needs === "assess" ? "followUp.assess" : "followUp.write", { scope: district });
  if (!allowed.ok) return fail(allowed.code, allowed.message);
  const assessesGoals = authorize(actor, "followUp.assess", { scope: district }).ok;

  try {
    const data = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: PlanStatus }[]>`SELECT "status" FROM "Plan" WHERE "id" = ${plan.id}::uuid FOR SHARE`;
      if (!row) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      if (!isFollowUpStatus(row.status)) throw new DomainError("LOCKED", FOLLOW_UP_MESSAGES.notDecided);
      return write({ tx, actor, district, plan, input, assessesGoals });
    });
    revalidatePath(`/plans/${district.slug}/${plan.year}`, "layout");
    revalidatePath("/my-measures");
    return { ok: true, data };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message, ...(e.missing ? { missing: e.missing } : {}) };
    throw e;
  }
}

const conflict = (what: string) =>
  new DomainError("CONFLICT", `Någon annan har ändrat ${what} sedan du öppnade sidan. Ladda om sidan, se vad som står nu och skriv in din ändring igen.`);

/**
 * One measure's follow-up in one round: the text (the strategist, the admin, and the police for
 * police measures) and the status, outcome and comment of its goals (the strategist and the
 * admin). Every row is checked against the version the user saw; unchanged rows are not written.
 */
export async function saveMeasureFollowUpAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ changed: number }>> {
  return runFollowUp(formData, ZMeasureFollowUpInput, "write", async ({ tx, actor, district, plan, input, assessesGoals }) => {
    const round = await lockRound(tx, plan.id, input.round);
    if (round.completedAt) throw new DomainError("LOCKED", FOLLOW_UP_MESSAGES.completed);

    const measure = (await getPlanTree(plan.id, undefined, tx))
      .flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures)))
      .find((m) => m.id === input.measureId);
    if (!measure) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const isPolice = actor.memberships.some((m) => m.role === "POLICE" && district.policeAreaIds.includes(m.policeAreaId));
    if (!mayWriteMeasureFollowUp({ assessesGoals, isPolice }, measure)) throw new DomainError("FORBIDDEN", FOLLOW_UP_MESSAGES.policeOnlyTheirs);
    if (input.goals?.length && !assessesGoals) throw new DomainError("FORBIDDEN", PERMISSION_MESSAGES.cannotAssess);

    let changed = 0;
    const audit = (entityType: string, entityId: string, before: unknown, after: unknown) =>
      insertAudit(tx, { actorId: actor.userId, action: `followUp.${entityType}`, entityType, entityId, planId: plan.id, before, after });

    const existingText = await tx.measureFollowUp.findUnique({ where: { roundId_measureId: { roundId: round.id, measureId: measure.id } } });
    if ((existingText?.version ?? 0) !== input.textVersion) throw conflict("uppföljningen av åtgärden");
    if ((existingText?.text ?? "") !== input.text) {
      if (existingText) {
        await tx.measureFollowUp.update({ where: { id: existingText.id }, data: { text: input.text, version: { increment: 1 }, updatedById: actor.userId } });
      } else {
        await tx.measureFollowUp.create({ data: { roundId: round.id, measureId: measure.id, text: input.text, updatedById: actor.userId } });
      }
      await audit("measureFollowUp", measure.id, { round: input.round, text: existingText?.text ?? null }, { round: input.round, text: input.text });
      changed += 1;
    }

    const goalIds = new Set(measure.goals.map((g) => g.id));
    for (const g of input.goals ?? []) {
      if (!goalIds.has(g.id)) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      const existing = await tx.goalFollowUp.findUnique({ where: { roundId_goalId: { roundId: round.id, goalId: g.id } } });
      if ((existing?.version ?? 0) !== g.version) throw conflict("målens status");
      const before = { status: existing?.status ?? null, outcome: existing?.outcomeValue === undefined || existing?.outcomeValue === null ? null : Number(existing.outcomeValue), comment: existing?.comment ?? "" };
      const after = { status: g.status, outcome: g.outcome, comment: g.comment };
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const data = { status: g.status, outcomeValue: g.outcome, comment: g.comment || null, updatedById: actor.userId };
      if (existing) await tx.goalFollowUp.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
      else await tx.goalFollowUp.create({ data: { ...data, roundId: round.id, goalId: g.id } });
      await audit("goalFollowUp", g.id, { round: input.round, ...before }, { round: input.round, ...after });
      changed += 1;
    }
    if (changed > 0) await tx.followUpRound.update({ where: { id: round.id }, data: { version: { increment: 1 } } });
    return { changed };
  });
}

/**
 * The strategist marks the round as done: only when every goal of the plan has a status
 * (else INCOMPLETE with the list, linked). A done round is read-only until it is reopened.
 */
export async function completeRoundAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ round: RoundKind }>> {
  return runFollowUp(formData, ZRoundInput, "assess", async ({ tx, actor, district, plan, input }) => {
    const round = await lockRound(tx, plan.id, input.round);
    if (round.completedAt) throw new DomainError("CONFLICT", "Uppföljningen är redan markerad som klar.");
    // Marked as done over statuses the user has not seen? Refused: they should look again first.
    if (round.seenVersion !== input.roundVersion) throw conflict("uppföljningen");
    const areas = await getPlanTree(plan.id, undefined, tx);
    const statuses = (await getPlanFollowUp(plan.id, tx)).goals.get(input.round);
    const goals = goalsInContext(areas).map((g) => ({ ...g, status: statuses?.get(g.id)?.status ?? null }));
    const gaps = roundGaps(goals);
    if (gaps.length > 0) {
      const base = `/plans/${district.slug}/${plan.year}/follow-up/${ROUND_SLUGS[input.round]}`;
      throw new DomainError(
        "INCOMPLETE",
        `${ROUND_LABELS[input.round]} kan inte markeras som klar än: ${gaps.length} mål saknar status.`,
        gaps.map((g) => ({ message: `${g.areaName}: ${g.label.toLowerCase()} saknar status.`, href: `${base}/${g.areaId}#goal-${g.id}` })),
      );
    }
    await tx.followUpRound.update({ where: { id: round.id }, data: { completedAt: new Date(), completedById: actor.userId, version: { increment: 1 } } });
    await insertAudit(tx, { actorId: actor.userId, action: "followUp.complete", entityType: "followUpRound", entityId: round.id, planId: plan.id, before: { round: input.round, completed: false }, after: { round: input.round, completed: true } });
    return { round: input.round };
  });
}

/** A done round opened again for changes (the strategist), with an audit row. */
export async function reopenRoundAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ round: RoundKind }>> {
  return runFollowUp(formData, ZRoundInput, "assess", async ({ tx, actor, plan, input }) => {
    const round = await lockRound(tx, plan.id, input.round);
    if (!round.completedAt) throw new DomainError("CONFLICT", FOLLOW_UP_MESSAGES.notCompleted);
    if (round.seenVersion !== input.roundVersion) throw conflict("uppföljningen");
    await tx.followUpRound.update({ where: { id: round.id }, data: { completedAt: null, completedById: null, version: { increment: 1 } } });
    await insertAudit(tx, { actorId: actor.userId, action: "followUp.reopen", entityType: "followUpRound", entityId: round.id, planId: plan.id, before: { round: input.round, completed: true }, after: { round: input.round, completed: false } });
    return { round: input.round };
  });
}
