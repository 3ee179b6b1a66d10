"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { findIncomplete } from "@/lib/domain/completeness";
import { unsignedPoliceMeasures } from "@/lib/domain/cosign";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import { makeSnapshot } from "@/lib/domain/snapshot";
import type { PlanStatus } from "@/lib/domain/types";
import { auditActionOf, transition, type WorkflowEvent } from "@/lib/domain/workflow";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import { asPlanTree, getPlanTree } from "@/lib/db/plans";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { insertPlanVersion } from "@/lib/db/versions";
import { ZWorkflowInput } from "@/lib/validation/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf, findVisiblePlan } from "@/lib/actions/support/run-plan-edit";
import { insertSecurityAudit } from "@/lib/db/audit";

const DECISION_OF: Partial<Record<WorkflowEvent, "STEERING_GROUP" | "REVIEW_ACCEPTED" | "REVIEW_RETURNED" | "COUNCIL">> = {
  DECIDE: "STEERING_GROUP",
  REVIEW_ACCEPT: "REVIEW_ACCEPTED",
  REVIEW_RETURN: "REVIEW_RETURNED",
  COUNCIL_DECIDE: "COUNCIL",
};

/**
 * One workflow step, the same way for every event: sign-in → zod → the plan through its district
 * → in one transaction: lock the plan row, refuse a plan that changed since the user saw it,
 * the pure state machine (role, district, status, completeness, police signatures) → a
 * conditional status write → snapshot/decision/comment rows → audit.
 */
async function runWorkflow(event: WorkflowEvent, raw: FormData): Promise<ActionResult<{ status: PlanStatus; base: string }>> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = ZWorkflowInput.safeParse(formDataToObject(raw));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const input = parsed.data;

  const found = await findVisiblePlan(actor, input);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan: plan } = found;
  const base = `/plans/${district.slug}/${plan.year}`;

  try {
    const status = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: PlanStatus; version: number }[]>`
        SELECT "status", "version" FROM "Plan" WHERE "id" = ${plan.id}::uuid FOR UPDATE`;
      if (!locked) throw new DomainError("NOT_FOUND", MESSAGES.notFound);

      const tree = asPlanTree(plan.id, await getPlanTree(plan.id, undefined, tx));
      const signatures = await getSignaturesByMeasure(plan.id, tx);
      const step = transition({
        actor,
        scope: district,
        status: locked.status,
        event,
        guards: { incomplete: findIncomplete(tree), unsignedPoliceMeasures: unsignedPoliceMeasures(tree, signatures) },
        payload: { comment: input.comment, decidedOn: input.decidedOn, paragraph: input.paragraph },
      });
      if (!step.ok) {
        const missing = step.missing?.map((m) => ({ message: m.message, href: m.areaId ? `${base}/areas/${m.areaId}${m.anchor ? `#${m.anchor}` : ""}` : undefined }));
        throw new DomainError(step.code, step.message, missing, step.fieldErrors as Record<string, string[]> | undefined);
      }
      if (locked.version !== input.planVersion) {
        throw new DomainError("CONFLICT", "Planen har ändrats sedan du öppnade sidan. Ladda om sidan och kontrollera planen innan du går vidare.");
      }
      const { count } = await tx.plan.updateMany({
        where: { id: plan.id, status: locked.status, version: locked.version },
        data: { status: step.to, version: { increment: 1 } },
      });
      if (count === 0) throw new DomainError("CONFLICT", MESSAGES.conflict);

      const version = step.freezesVersion
        ? await insertPlanVersion(tx, plan.id, actor.userId, `Beslutad av lokal styrgrupp ${input.decidedOn ?? ""}`.trim(), makeSnapshot({ planId: plan.id, year: plan.year, districtName: district.name, areas: tree.areas }))
        : null;
      const decisionKind = DECISION_OF[event];
      if (decisionKind) {
        await tx.decision.create({
          data: {
            planId: plan.id,
            kind: decisionKind,
            decidedOn: new Date(`${input.decidedOn ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`),
            paragraph: input.paragraph ?? null,
            comment: input.comment ?? null,
            versionId: version?.id ?? null,
            recordedById: actor.userId,
          },
        });
      }
      if (input.comment && !decisionKind) {
        await tx.reviewComment.create({ data: { planId: plan.id, authorId: actor.userId, body: input.comment } });
      }
      await insertAudit(tx, {
        actorId: actor.userId,
        action: auditActionOf(event),
        entityType: "plan",
        entityId: plan.id,
        planId: plan.id,
        before: { status: locked.status },
        after: { status: step.to, ...(version ? { version: version.number } : {}), ...(input.comment ? { comment: input.comment } : {}), ...(input.decidedOn ? { decidedOn: input.decidedOn } : {}), ...(input.paragraph ? { paragraph: input.paragraph } : {}) },
      });
      return step.to;
    });
    revalidatePath(base, "layout");
    return { ok: true, data: { status, base } };
  } catch (e) {
    if (e instanceof DomainError && e.code === "FORBIDDEN") {
      await insertSecurityAudit({ actorId: actor.userId, action: "auth.refused", entityType: "permission", entityId: `workflow.${event}`, planId: plan.id, after: { event, code: e.code, districtId: district.districtId } });
    }
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message, ...(e.missing ? { missing: e.missing } : {}), ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    throw e;
  }
}

export async function submitPlanAction(_prev: unknown, formData: FormData) {
  return runWorkflow("SUBMIT", formData);
}
/** The "Granska och skicka" page's button: once sent, straight on to the confirmation page
 * (redirected by the server, so it works without scripts and after the page re-renders). */
export async function submitPlanAndConfirmAction(_prev: unknown, formData: FormData) {
  const result = await runWorkflow("SUBMIT", formData);
  if (result.ok) redirect(`${result.data.base}/submit/done`);
  return result;
}
export async function decidePlanAction(_prev: unknown, formData: FormData) {
  return runWorkflow("DECIDE", formData);
}
export async function returnPlanFromSteeringAction(_prev: unknown, formData: FormData) {
  return runWorkflow("RETURN_FROM_STEERING", formData);
}
export async function acceptPlanReviewAction(_prev: unknown, formData: FormData) {
  return runWorkflow("REVIEW_ACCEPT", formData);
}
export async function returnPlanFromReviewAction(_prev: unknown, formData: FormData) {
  return runWorkflow("REVIEW_RETURN", formData);
}
export async function recordCouncilDecisionAction(_prev: unknown, formData: FormData) {
  return runWorkflow("COUNCIL_DECIDE", formData);
}
export async function reopenPlanAction(_prev: unknown, formData: FormData) {
  return runWorkflow("REOPEN", formData);
}
