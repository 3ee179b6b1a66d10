"use server";

import { revalidatePath } from "next/cache";
import { measureContentHash, needsPoliceSignature, signatureState } from "@/lib/domain/cosign";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import type { Actor, DistrictScope } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import { lockPlanForEdit } from "@/lib/db/chain";
import { getPlanTree } from "@/lib/db/plans";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { ZCosignInput } from "@/lib/validation/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf, findVisiblePlan } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

/** The actor's police area that serves the district (the one the signature is made for). */
function servingPoliceArea(actor: Actor, scope: DistrictScope): string | null {
  for (const m of actor.memberships) if (m.role === "POLICE" && scope.policeAreaIds.includes(m.policeAreaId)) return m.policeAreaId;
  return null;
}

/**
 * The police co-sign or decline one measure. The signature records the hash of the text the
 * user read; if the measure changed since, it is refused (CONFLICT), and a later edit of the
 * measure makes the signature outdated. Signing twice records one signature.
 */
async function cosign(status: "SIGNED" | "DECLINED", raw: FormData): Promise<ActionResult<{ state: string }>> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = ZCosignInput.safeParse(formDataToObject(raw));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (status === "DECLINED" && !input.comment) {
    return fail("VALIDATION", MESSAGES.validation, { comment: ["Skriv varför polisen inte kan ställa sig bakom åtgärden, så att strategen kan ändra den."] });
  }

  const found = await findVisiblePlan(actor, input);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan: plan } = found;
  const allowed = await enforce(actor, "measure.cosign", { scope: district, planStatus: plan.status, planId: plan.id });
  const policeAreaId = servingPoliceArea(actor, district);
  if (!allowed.ok || !policeAreaId) return fail("FORBIDDEN", allowed.ok ? "Du kan bara signera åtgärder i stadsdelsområden som ditt lokalpolisområde samverkar med." : allowed.message);

  try {
    const state = await db.$transaction(async (tx) => {
      const planStatus = await lockPlanForEdit(tx, plan.id);
      if (planStatus !== "DRAFT" && planStatus !== "RETURNED") {
        throw new DomainError("LOCKED", "Planen är skickad eller beslutad. Åtgärder kan bara signeras medan planen är ett utkast.");
      }
      const measure = (await getPlanTree(plan.id, undefined, tx)).flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures))).find((m) => m.id === input.measureId);
      if (!measure) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      if (!needsPoliceSignature(measure)) throw new DomainError("CONFLICT", "Åtgärden genomförs inte med polisen och behöver ingen underskrift.");
      const hash = measureContentHash(measure);
      if (hash !== input.contentHash) {
        throw new DomainError("CONFLICT", "Åtgärden har ändrats sedan du läste den. Ladda om sidan och läs den nya lydelsen innan du signerar.");
      }
      const current = signatureState(measure, (await getSignaturesByMeasure(plan.id, tx)).get(measure.id) ?? []);
      // The same answer to the same wording twice is recorded once; a new reason for a decline is recorded.
      const latest = current.latest;
      if (current.state === status && latest?.contentHash === hash && (status === "SIGNED" || latest.comment === (input.comment ?? null))) return current.state;
      const row = await tx.coSignature.create({ data: { measureId: measure.id, userId: actor.userId, policeAreaId, status, comment: input.comment ?? null, contentHash: hash } });
      await insertAudit(tx, { actorId: actor.userId, action: status === "SIGNED" ? "measure.cosign" : "measure.decline", entityType: "measure", entityId: measure.id, planId: plan.id, before: { signature: current.state }, after: { signature: status, comment: row.comment } });
      return status;
    });
    revalidatePath(`/plans/${district.slug}/${plan.year}`, "layout");
    revalidatePath("/worklist");
    return { ok: true, data: { state } };
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    throw e;
  }
}

export async function signMeasureAction(_prev: unknown, formData: FormData) {
  return cosign("SIGNED", formData);
}

export async function declineMeasureAction(_prev: unknown, formData: FormData) {
  return cosign("DECLINED", formData);
}
