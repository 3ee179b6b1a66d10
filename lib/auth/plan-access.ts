import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { authorize } from "@/lib/domain/permissions";
import type { PlanStatus } from "@/lib/domain/types";
import { requireActor } from "@/lib/auth/actor";
import { getDistrictBySlug } from "@/lib/db/districts";
import { getPlanByDistrictYear } from "@/lib/db/plans";
import { enforce } from "@/lib/auth/enforce";

/**
 * For the plan pages: the actor, the district and (if it exists) the plan, after checking that
 * the actor has a role for the district (else 403). `canEdit` only decides what the page shows;
 * every action checks again on its own. Once per render: the layout, the metadata and the page
 * share the answer (React cache).
 */
export const loadPlanAccess = cache(async (districtSlug: string, yearParam: string) => {
  const actor = await requireActor();
  const year = Number(yearParam);
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const district = await getDistrictBySlug(districtSlug);
  if (!district) notFound();
  if (!(await enforce(actor, "plan.view", { scope: district })).ok) forbidden();
  const plan = await getPlanByDistrictYear(district.districtId, year);
  const canCreate = authorize(actor, "plan.create", { scope: district }).ok;
  const edit = plan ? authorize(actor, "plan.edit", { scope: district, planStatus: plan.status as PlanStatus }) : null;
  // Sekretess (lib/domain/confidential.ts): pages pass this to visibleAreas.
  const canReadConfidential = authorize(actor, "measure.readConfidential", { scope: district }).ok;
  return { actor, district, year, plan, canCreate, canEdit: edit?.ok ?? false, readOnlyReason: edit && !edit.ok ? edit.message : null, canReadConfidential };
});

export async function requirePlan(districtSlug: string, yearParam: string) {
  const access = await loadPlanAccess(districtSlug, yearParam);
  if (!access.plan) notFound();
  return { ...access, plan: access.plan };
}
