"use server";

import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findAreaInPlan, findProblemInPlan, nextPosition } from "@/lib/db/chain";
import { ZCreateProblemInput, ZUpdateProblemInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";
import { deleteChainRow, moveChainRow } from "@/lib/actions/support/rows";

export async function createProblemAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZCreateProblemInput, async ({ tx, actor, plan, input }) => {
    const area = await findAreaInPlan(tx, plan.id, input.areaId);
    if (!area) throw new DomainError("NOT_FOUND", "Området finns inte i den här planen.");
    const problem = await tx.problem.create({
      data: {
        areaId: area.id,
        collectiveName: input.collectiveName,
        description: input.description,
        position: await nextPosition(tx, "problem", area.id),
      },
    });
    await insertAudit(tx, { actorId: actor.userId, action: "problem.create", entityType: "problem", entityId: problem.id, planId: plan.id, after: problem });
    return { id: problem.id };
  });
}

export async function updateProblemAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZUpdateProblemInput, async ({ tx, actor, plan, input }) => {
    const before = await findProblemInPlan(tx, plan.id, input.id);
    if (!before) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const { count } = await tx.problem.updateMany({
      where: { id: input.id, version: input.version },
      data: { collectiveName: input.collectiveName, description: input.description, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    const after = { collectiveName: input.collectiveName, description: input.description };
    await insertAudit(tx, { actorId: actor.userId, action: "problem.update", entityType: "problem", entityId: input.id, planId: plan.id, before: { collectiveName: before.collectiveName, description: before.description }, after });
    return { id: input.id };
  });
}

export async function deleteProblemAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return deleteChainRow("problem", formData);
}

export async function moveProblemAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return moveChainRow("problem", formData);
}
