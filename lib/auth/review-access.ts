import "server-only";
import { forbidden } from "next/navigation";
import { authorize } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/auth/actor";
import { enforce } from "@/lib/auth/enforce";
import { listDistrictsWithPlans } from "@/lib/db/districts";

/**
 * For the review pages (/review/{year} and the lists behind it): the actor and the districts it
 * may review — plan.review (the review group) or admin.manage, district by district, within its
 * own municipalities. None: 403, and the refusal is in the audit log.
 */
export async function requireReviewAccess() {
  const actor = await requireActor();
  const municipalityIds = [...new Set(actor.memberships.map((m) => m.municipalityId))];
  const all = await listDistrictsWithPlans(municipalityIds);
  const scopeOf = (d: (typeof all)[number]) => ({ districtId: d.id, municipalityId: d.municipalityId, policeAreaIds: d.policeAreas.map((p) => p.policeAreaId) });
  const districts = all.filter((d) => authorize(actor, "plan.review", { scope: scopeOf(d) }).ok || authorize(actor, "admin.manage", { scope: scopeOf(d) }).ok);
  if (districts.length === 0) {
    await enforce(actor, "plan.review", { scope: all[0] ? scopeOf(all[0]) : { districtId: "", municipalityId: municipalityIds[0] ?? "", policeAreaIds: [] } });
    forbidden();
  }
  return { actor, districts, municipalityIds: [...new Set(districts.map((d) => d.municipalityId))] };
}
