"use server";

import { canRemoveArea } from "@/lib/domain/areas";
import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findAreaInPlan, nextPosition } from "@/lib/db/chain";
import { ZCreateAreaInput, ZDeleteAreaInput, ZRenameAreaInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";

// The district's own priority areas ("[Eget prioriterat område]"). The five central areas are fixed by the agreement.

export async function createAreaAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZCreateAreaInput, async ({ tx, actor, plan, input }) => {
    const area = await tx.priorityArea.create({
      data: { planId: plan.id, name: input.name, centralArea: null, position: await nextPosition(tx, "area", plan.id) },
    });
    await insertAudit(tx, { actorId: actor.userId, action: "area.create", entityType: "area", entityId: area.id, planId: plan.id, after: area });
    return { id: area.id };
  });
}

export async function renameAreaAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZRenameAreaInput, async ({ tx, actor, plan, input }) => {
    const area = await findAreaInPlan(tx, plan.id, input.areaId);
    if (!area) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    if (area.centralArea) throw new DomainError("FORBIDDEN", "De centrala samverkansområdena har fasta namn och kan inte byta namn.");
    const { count } = await tx.priorityArea.updateMany({
      where: { id: area.id, version: input.version },
      data: { name: input.name, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    await insertAudit(tx, { actorId: actor.userId, action: "area.rename", entityType: "area", entityId: area.id, planId: plan.id, before: { name: area.name }, after: { name: input.name } });
    return { id: area.id };
  });
}

export async function deleteAreaAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runPlanEdit(formData, ZDeleteAreaInput, async ({ tx, actor, plan, input }) => {
    const area = await findAreaInPlan(tx, plan.id, input.areaId);
    if (!area) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const problemCount = await tx.problem.count({ where: { areaId: area.id } });
    const removable = canRemoveArea({ centralArea: area.centralArea, problemCount });
    if (!removable.ok) throw new DomainError("FORBIDDEN", removable.message);
    const { count } = await tx.priorityArea.deleteMany({ where: { id: area.id, version: input.version } });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    await insertAudit(tx, { actorId: actor.userId, action: "area.delete", entityType: "area", entityId: area.id, planId: plan.id, before: area });
  });
}
