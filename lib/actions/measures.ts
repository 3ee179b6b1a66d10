"use server";

import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findCauseInPlan, findMeasureInPlan, nextPosition } from "@/lib/db/chain";
import { ZCreateMeasureInput, ZUpdateMeasureInput, type TMeasureFields } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";
import { deleteChainRow, moveChainRow } from "@/lib/actions/support/rows";

/** `keptNote`: the imported "När" text, kept while the user leaves the deadline's kind as it was. */
function measureColumns(f: TMeasureFields, keptNote: string | null = null) {
  return {
    description: f.description,
    kind: f.kind,
    withPolice: f.withPolice,
    youthStrategy: f.youthStrategy,
    violentExtremism: f.violentExtremism,
    deadlineKind: f.deadlineKind,
    deadlineDate: f.deadlineKind === "DATE" && f.deadlineDate ? new Date(`${f.deadlineDate}T00:00:00Z`) : null,
    deadlineNote: keptNote,
    confidential: f.confidential,
    evidenceEffect: f.evidenceEffect,
    evidenceMechanism: f.evidenceMechanism,
    evidenceContext: f.evidenceContext,
    evidenceImplementation: f.evidenceImplementation,
    evidenceEconomy: f.evidenceEconomy,
    evidenceLinks: f.evidenceLinks,
  };
}

const partiesOf = (measureId: string, f: TMeasureFields) =>
  f.responsible.map((p, position) => ({ measureId, organisation: p.organisation, role: p.role, position }));

export async function createMeasureAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZCreateMeasureInput, async ({ tx, actor, plan, input }) => {
    const cause = await findCauseInPlan(tx, plan.id, input.causeId);
    if (!cause) throw new DomainError("NOT_FOUND", "Orsaken finns inte i den här planen. En åtgärd måste höra till en orsak.");
    const measure = await tx.measure.create({
      data: { causeId: cause.id, ...measureColumns(input), position: await nextPosition(tx, "measure", cause.id) },
    });
    await tx.responsibleParty.createMany({ data: partiesOf(measure.id, input) });
    await insertAudit(tx, { actorId: actor.userId, action: "measure.create", entityType: "measure", entityId: measure.id, planId: plan.id, after: { ...measure, responsible: input.responsible } });
    return { id: measure.id };
  });
}

export async function updateMeasureAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runPlanEdit(formData, ZUpdateMeasureInput, async ({ tx, actor, plan, input }) => {
    const before = await findMeasureInPlan(tx, plan.id, input.id);
    if (!before) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const columns = measureColumns(input, input.deadlineKind === before.deadlineKind ? before.deadlineNote : null);
    const { count } = await tx.measure.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...columns, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);
    await tx.responsibleParty.deleteMany({ where: { measureId: input.id } });
    await tx.responsibleParty.createMany({ data: partiesOf(input.id, input) });
    const { responsibleParties, ...beforeColumns } = before;
    await insertAudit(tx, {
      actorId: actor.userId,
      action: "measure.update",
      entityType: "measure",
      entityId: input.id,
      planId: plan.id,
      before: { ...beforeColumns, responsible: responsibleParties.map((p) => ({ organisation: p.organisation, role: p.role })) },
      after: { ...columns, responsible: input.responsible },
    });
    return { id: input.id };
  });
}

export async function deleteMeasureAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return deleteChainRow("measure", formData);
}

export async function moveMeasureAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return moveChainRow("measure", formData);
}
