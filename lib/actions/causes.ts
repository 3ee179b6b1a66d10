"use server";

import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findCauseInPlan, findProblemInPlan, nextPosition } from "@/lib/db/chain";
import { ZCreateCauseInput, ZUpdateCauseInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";
import { deleteChainRow, moveChainRow } from "@/lib/actions/support/rows";

export async function createCauseAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZCreateCauseInput, async ({ tx, actor, plan, input }) => {
    const problem = await findProblemInPlan(tx, plan.id, input.problemId);
    if (!problem) throw new DomainError("NOT_FOUND", "Problemet finns inte i den här planen. En orsak måste höra till ett problem.");
    const cause = await tx.cause.create({
      data: { problemId: problem.id, description: input.description, position: await nextPosition(tx, "cause", problem.id) },
    });
    await insertAudit(tx, { actorId: actor.userId, action: "cause.create", entityType: "cause", entityId: cause.id, planId: plan.id, after: cause });
    return { id: cause.id };
  });
}

export async function updateCauseAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZUpdateCauseInput, async ({ tx, actor, plan, input }) => {
    const before = await findCauseInPlan(tx, plan.id, input.id);
    if (!before) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const { count } = await tx.cause.updateMany({
      where: { id: input.id, version: input.version },
      data: { description: input.description, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    await insertAudit(tx, { actorId: actor.userId, action: "cause.update", entityType: "cause", entityId: input.id, planId: plan.id, before: { description: before.description }, after: { description: input.description } });
    return { id: input.id };
  });
}

export async function deleteCauseAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return deleteChainRow("cause", formData);
}

export async function moveCauseAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return moveChainRow("cause", formData);
}
