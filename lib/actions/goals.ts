"use server";

import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findGoalInPlan, findMeasureInPlan, nextPosition } from "@/lib/db/chain";
import { ZCreateGoalInput, ZUpdateGoalInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";
import { deleteChainRow, moveChainRow } from "@/lib/actions/support/rows";

export async function createGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZCreateGoalInput, async ({ tx, actor, plan, input }) => {
    const measure = await findMeasureInPlan(tx, plan.id, input.measureId);
    if (!measure) throw new DomainError("NOT_FOUND", "Åtgärden finns inte i den här planen. Ett mål måste höra till en åtgärd.");
    const goal = await tx.goal.create({
      data: {
        measureId: measure.id,
        description: input.description,
        targetValue: input.targetValue,
        targetUnit: input.targetUnit,
        qualitative: input.qualitative,
        position: await nextPosition(tx, "goal", measure.id),
      },
    });
    await insertAudit(tx, { actorId: actor.userId, action: "goal.create", entityType: "goal", entityId: goal.id, planId: plan.id, after: goal });
    return { id: goal.id };
  });
}

export async function updateGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZUpdateGoalInput, async ({ tx, actor, plan, input }) => {
    const before = await findGoalInPlan(tx, plan.id, input.id);
    if (!before) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const after = { description: input.description, targetValue: input.targetValue, targetUnit: input.targetUnit, qualitative: input.qualitative };
    const { count } = await tx.goal.updateMany({ where: { id: input.id, version: input.version }, data: { ...after, version: { increment: 1 } } });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    await insertAudit(tx, {
      actorId: actor.userId,
      action: "goal.update",
      entityType: "goal",
      entityId: input.id,
      planId: plan.id,
      before: { description: before.description, targetValue: before.targetValue, targetUnit: before.targetUnit, qualitative: before.qualitative },
      after,
    });
    return { id: input.id };
  });
}

export async function deleteGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return deleteChainRow("goal", formData);
}

export async function moveGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return moveChainRow("goal", formData);
}
