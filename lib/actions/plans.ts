"use server";

import { redirect } from "next/navigation";
import { authorize } from "@/lib/domain/permissions";
import { MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import { getActor } from "@/lib/auth/actor";
import { db, Prisma } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import { getDistrictBySlug } from "@/lib/db/districts";
import { insertPlanWithCentralAreas } from "@/lib/db/plans";
import { ZCreatePlanInput } from "@/lib/validation/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** Creates a district's plan for a new year, with the five central areas, and opens it. */
export async function createPlanAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = ZCreatePlanInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const { districtSlug, year } = parsed.data;

  const district = await getDistrictBySlug(districtSlug);
  if (!district || !authorize(actor, "plan.view", { scope: district }).ok) return fail("NOT_FOUND", MESSAGES.notFound);
  const allowed = await enforce(actor, "plan.create", { scope: district });
  if (!allowed.ok) return fail(allowed.code, allowed.message);

  const created = await db
    .$transaction(async (tx) => {
      const existing = await tx.plan.findUnique({ where: { districtId_year: { districtId: district.districtId, year } } });
      if (existing) return null;
      const plan = await insertPlanWithCentralAreas(tx, district.districtId, year);
      await insertAudit(tx, { actorId: actor.userId, action: "plan.create", entityType: "plan", entityId: plan.id, planId: plan.id, after: { district: district.slug, year } });
      return plan;
    })
    // Someone created the same plan between our check and our insert: the unique key says so.
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) return null;
      throw e;
    });
  if (!created) {
    return fail("CONFLICT", `Det finns redan en plan för ${year}.`, { year: [`Det finns redan en plan för ${district.name} ${year}.`] });
  }
  redirect(`/plans/${district.slug}/${year}`);
}
