"use server";

import { redirect } from "next/navigation";
import { authorize } from "@/lib/domain/permissions";
import { DomainError, type ActionResult } from "@/lib/domain/result";
import { insertAudit } from "@/lib/db/audit";
import { findCauseInPlan, nextPosition } from "@/lib/db/chain";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/types";
import { ZCopyMeasureInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";

const COPY_MESSAGES = {
  sourceMissing: "Åtgärden du ville kopiera finns inte, eller så får du inte se den.",
  causeMissing: "Orsaken finns inte i planen. Välj en orsak i planen som åtgärden ska höra till.",
} as const;

/**
 * The measure to copy, read inside the transaction, when the actor may see it: its plan's
 * district must be visible to them (plan.view) and, if it has sekretess, readable
 * (measure.readConfidential). Otherwise null — the actor learns nothing about it.
 */
async function findCopySource(tx: Tx, actor: Actor, sourceId: string) {
  const source = await tx.measure.findUnique({
    where: { id: sourceId },
    include: {
      goals: { orderBy: { position: "asc" } },
      cause: { select: { problem: { select: { area: { select: { plan: { select: { year: true, district: { include: { policeAreas: { select: { policeAreaId: true } } } } } } } } } } } },
    },
  });
  if (!source) return null;
  const d = source.cause.problem.area.plan.district;
  const scope = { districtId: d.id, municipalityId: d.municipalityId, policeAreaIds: d.policeAreas.map((p) => p.policeAreaId) };
  if (!authorize(actor, "plan.view", { scope }).ok) return null;
  if (source.confidential && !authorize(actor, "measure.readConfidential", { scope }).ok) return null;
  return { ...source, districtName: d.name, year: source.cause.problem.area.plan.year };
}

/**
 * Copy a measure from another district's plan (or any plan the strategist may read) into their own
 * draft, under the cause they chose: its text, kind, tags, evidence and operational goals, linked to
 * where it came from ("Kopierad från Skärholmen 2025"). Not copied: the deadline, the responsible
 * parties and whether the police take part — those are the district's own to decide — and nothing
 * of the follow-up. The target plan is edited like any other edit (runPlanEdit: role, district,
 * DRAFT/RETURNED, one transaction, audit).
 */
export async function copyMeasure(formData: FormData): Promise<ActionResult<{ id: string; areaId: string; href: string }>> {
  return runPlanEdit(formData, ZCopyMeasureInput, async ({ tx, actor, district, plan, input }) => {
    const cause = await findCauseInPlan(tx, plan.id, input.causeId);
    if (!cause) throw new DomainError("NOT_FOUND", COPY_MESSAGES.causeMissing);
    const source = await findCopySource(tx, actor, input.sourceId);
    if (!source) throw new DomainError("NOT_FOUND", COPY_MESSAGES.sourceMissing);

    const measure = await tx.measure.create({
      data: {
        causeId: cause.id,
        description: source.description,
        kind: source.kind,
        youthStrategy: source.youthStrategy,
        violentExtremism: source.violentExtremism,
        confidential: source.confidential,
        evidenceEffect: source.evidenceEffect,
        evidenceMechanism: source.evidenceMechanism,
        evidenceContext: source.evidenceContext,
        evidenceImplementation: source.evidenceImplementation,
        evidenceEconomy: source.evidenceEconomy,
        evidenceLinks: source.evidenceLinks,
        copiedFromId: source.id,
        position: await nextPosition(tx, "measure", cause.id),
      },
    });
    await tx.goal.createMany({
      data: source.goals.map((g, position) => ({
        measureId: measure.id,
        description: g.description,
        targetValue: g.targetValue,
        targetUnit: g.targetUnit,
        qualitative: g.qualitative,
        position,
      })),
    });
    await insertAudit(tx, {
      actorId: actor.userId,
      action: "measure.copy",
      entityType: "measure",
      entityId: measure.id,
      planId: plan.id,
      after: { ...measure, goals: source.goals.map((g) => g.description), copiedFrom: { measureId: source.id, district: source.districtName, year: source.year } },
    });
    const area = await tx.problem.findUniqueOrThrow({ where: { id: cause.problemId }, select: { areaId: true } });
    return { id: measure.id, areaId: area.areaId, href: `/plans/${district.slug}/${plan.year}/areas/${area.areaId}?kopierad=1#measure-${measure.id}` };
  });
}

/** The copy form: copy, then open the new measure in the plan; on a refusal the form shows why. */
export async function copyMeasureAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ id: string; areaId: string; href: string }>> {
  const result = await copyMeasure(formData);
  if (!result.ok) return result;
  // The path from the plan as found, never from the form's raw values.
  redirect(result.data.href);
}
